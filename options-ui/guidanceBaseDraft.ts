import type { z } from 'zod';
import { FLOW_SCHEMA_VERSION } from '../src/schema/flow';
import type { Guidance, GuidanceKind } from '../src/schema/guidance';
import { zodIssues, type DocIssue } from '../src/schema/migrate';
import { audienceToDraft, draftToAudienceRaw, newAudienceDraft, type AudienceDraft } from './audienceDraft';
import { patternEntry, type PatternEntry } from './flowDraft';

/** What every guidance form edits, whatever its kind (see `flowDraft.ts` for the idea of a draft). */
export interface GuidanceBaseDraft {
  isNew: boolean;
  id: string;
  name: string;
  status: 'draft' | 'published';
  match: PatternEntry[];
  audience: AudienceDraft;
}

export function newBaseDraft(id: string): GuidanceBaseDraft {
  return { isNew: true, id, name: '', status: 'draft', match: [patternEntry('')], audience: newAudienceDraft() };
}

export function baseToDraft(g: Guidance): GuidanceBaseDraft {
  return { isNew: false, id: g.id, name: g.name, status: g.status, match: g.match.map(patternEntry), audience: audienceToDraft(g.audience) };
}

/** The shared fields of the document, unvalidated, with the problems only the form sees. */
export function baseToRaw(kind: GuidanceKind, d: GuidanceBaseDraft, takenIds: ReadonlySet<string>, now: string): { raw: Record<string, unknown>; issues: DocIssue[] } {
  const audience = draftToAudienceRaw(d.audience);
  const id = d.id.trim();
  const issues: DocIssue[] = d.isNew && takenIds.has(id) ? [{ path: 'id', message: `another piece of guidance already has this id` }] : [];
  const raw = {
    schemaVersion: FLOW_SCHEMA_VERSION,
    kind,
    id,
    name: d.name,
    status: d.status,
    match: d.match.map((m) => m.value.trim()),
    audience: audience.raw,
    updatedAt: now,
  };
  return { raw, issues: [...issues, ...audience.issues] };
}

export type GuidanceCheck<T> = { ok: true; value: T } | { ok: false; issues: DocIssue[] };

/**
 * Validates a raw document with its kind's schema, as the background will, after the form's own
 * issues. Issues come sorted by the order of the fields in the form (`order`), so the summary reads
 * top to bottom.
 */
export function checkDoc<T>(schema: z.ZodType<T>, raw: unknown, formIssues: readonly DocIssue[], order: readonly string[]): GuidanceCheck<T> {
  const r = schema.safeParse(raw);
  const all = [...formIssues, ...(r.success ? [] : zodIssues(r.error))];
  if (all.length > 0 || !r.success) return { ok: false, issues: sortIssues(dedupe(all), order) };
  return { ok: true, value: r.data };
}

function dedupe(issues: readonly DocIssue[]): DocIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.path}\n${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Stable sort by the first path segment's position in `order`; unknown paths go last. */
export function sortIssues(issues: readonly DocIssue[], order: readonly string[]): DocIssue[] {
  const rank = (p: string) => {
    const i = order.indexOf(p.split('.')[0] ?? '');
    return i < 0 ? order.length : i;
  };
  return issues.map((x, n) => ({ x, n })).sort((a, b) => rank(a.x.path) - rank(b.x.path) || a.n - b.n).map(({ x }) => x);
}

/** The order of the shared fields in every guidance form. */
export const BASE_ORDER = ['name', 'id', 'status', 'match'] as const;
