import type { Db } from '../db';
import type { CollectorClient, RequestFailure } from './collectorClient';
import { getSyncState, putSyncState, readSyncState, updateSyncState } from './syncState';

export interface PullDeps {
  db: Db;
  client: CollectorClient;
  /** The configuration's fingerprint: an ETag is only sent back to the account it came from. */
  fingerprint: string;
  now: number;
  /** Called after new flows were committed (drop caches, re-register the content script). */
  onFlowsChanged: () => Promise<void>;
}

export type PullResult = { ok: true; changed: boolean } | { ok: false; failure: RequestFailure };

/**
 * Fetches the published flows with the last ETag. On 304 nothing changes. On 200 the collector's flows
 * replace the ones the last pull stored, in one transaction: new and updated ones are put, and those
 * the collector no longer lists (retired) are deleted, with their progress. Flows made locally on the
 * options page, under other ids, are left alone.
 */
export async function pullFlows(deps: PullDeps): Promise<PullResult> {
  const prev = (await readSyncState(deps.db)).flows;
  const etag = prev && prev.fingerprint === deps.fingerprint ? prev.etag : null;
  const r = await deps.client.flows(etag);
  if (!r.ok) return r;
  if (!r.value.changed) {
    await updateSyncState(deps.db, (s) => ({ ...s, flows: s.flows && { ...s.flows, lastPullAt: deps.now } }));
    return { ok: true, changed: false };
  }
  const flows = r.value.response.flows;
  const ids = flows.map((f) => f.id);
  const tx = deps.db.transaction(['flows', 'progress', 'meta'], 'readwrite');
  const meta = tx.objectStore('meta');
  const s = await getSyncState(meta);
  for (const old of s.flows?.ids ?? []) {
    if (ids.includes(old)) continue;
    void tx.objectStore('flows').delete(old);
    void tx.objectStore('progress').delete(old);
  }
  for (const f of flows) void tx.objectStore('flows').put(f, f.id);
  putSyncState(meta, { ...s, flows: { fingerprint: deps.fingerprint, etag: r.value.etag, ids, lastPullAt: deps.now } });
  await tx.done;
  try {
    await deps.onFlowsChanged();
  } catch (e) {
    // The flows are stored; a failed refresh is retried by the next change and by the next start.
    console.error('waymark: could not apply the pulled flows', e);
  }
  return { ok: true, changed: true };
}
