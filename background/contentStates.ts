import { ContentStateSchema, contentKey, emptyContentState, type ContentState, type StatefulKind } from '../src/rules/contentState';
import type { WriteTx } from './writer';

/** Reads every content state, validating each; a damaged record is skipped (and so starts afresh), not trusted. */
export async function readContentStates(tx: WriteTx): Promise<Map<string, ContentState>> {
  const out = new Map<string, ContentState>();
  for (const raw of await tx.objectStore('contentState').getAll()) {
    const r = ContentStateSchema.safeParse(raw);
    if (r.success) out.set(r.data.key, r.data);
    else console.warn('waymark: skipped an invalid content state record', r.error.issues);
  }
  return out;
}

/** Reads one content state (or a fresh one), changes it and writes it back, inside a write unit. */
export async function updateContentState(
  tx: WriteTx,
  kind: StatefulKind,
  id: string,
  change: (s: ContentState) => ContentState,
): Promise<{ before: ContentState; after: ContentState }> {
  const key = contentKey(kind, id);
  const parsed = ContentStateSchema.safeParse(await tx.objectStore('contentState').get(key));
  const before = parsed.success ? parsed.data : emptyContentState(key);
  const after = change(before);
  if (after !== before) void tx.objectStore('contentState').put(after, key);
  return { before, after };
}
