import { useState } from 'preact/hooks';
import type { DocIssue } from '../src/schema/migrate';
import { useApp } from './appContext';

interface Named {
  id: string;
  name: string;
}

type Answer<T> = { ok: true; saved: T } | { ok: false; error: string; issues?: DocIssue[] };

/** What a list page tells the hook: how to copy, save and delete one of its documents. */
export interface ListActionsConfig<T extends Named> {
  /** How to duplicate a document; absent for a kind that has no duplicate. */
  duplicate?: {
    /** A draft copy of `doc` with an id none of `taken` has. */
    copy(doc: T, taken: Set<string>): T;
    save(copy: T): Promise<Answer<T>>;
  };
  remove(id: string): Promise<{ ok: true } | { ok: false; error: string }>;
  /** Reads the list again after a change. */
  reload(): void;
}

/**
 * Duplicate and delete on a list of stored documents (flows, guidance, features): which row is busy, the one
 * awaiting confirmation of its deletion, the last error, and a flash message on success.
 */
export function useListActions<T extends Named>(cfg: ListActionsConfig<T>) {
  const { flash } = useApp();
  const [deleting, setDeleting] = useState<T | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const duplicate = async (doc: T, all: readonly T[]) => {
    const how = cfg.duplicate;
    if (!how) return;
    setBusy(doc.id);
    setActionError(null);
    const r = await how.save(how.copy(doc, new Set(all.map((x) => x.id))));
    setBusy(null);
    if (!r.ok) return setActionError(`“${doc.name}” could not be duplicated: ${r.error}${r.issues?.length ? ` (${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')})` : ''}`);
    flash(`Duplicated “${doc.name}” as “${r.saved.name}” (a draft).`);
    cfg.reload();
  };

  const remove = async (doc: T) => {
    setDeleting(null);
    setBusy(doc.id);
    setActionError(null);
    const r = await cfg.remove(doc.id);
    setBusy(null);
    if (!r.ok) return setActionError(`“${doc.name}” could not be deleted: ${r.error}`);
    flash(`Deleted “${doc.name}”.`);
    cfg.reload();
  };

  return { deleting, setDeleting, busy, actionError, duplicate, remove };
}
