import type { Db } from '../db';
import { heldRange } from './eventRanges';
import { getSyncState, MAX_HELD_TYPES, putSyncState, type SyncState } from './syncState';

/**
 * Held events are sent again after this long even when the collector reports no change: an older
 * collector reports no build at all, so time is the only sign it may have been upgraded.
 */
export const HOLD_RETRY_MS = 86_400_000;

/** The hold after more events were held at `now`, refused by a collector reporting `collectorVersion`. */
export function extendHold(held: SyncState['held'], now: number, collectorVersion: string | null, types: readonly string[]): NonNullable<SyncState['held']> {
  const all = [...new Set([...(held?.types ?? []), ...types])].sort().slice(0, MAX_HELD_TYPES);
  return { since: held?.since ?? now, collectorVersion, types: all };
}

/**
 * Why the held events should be sent again now, or null to keep holding them: an admin asked
 * (Sync now), the collector reports another build than the one that refused them (`current`
 * undefined: not known, its health check failed), or they have waited `HOLD_RETRY_MS`.
 */
export function releaseReason(held: NonNullable<SyncState['held']>, o: { force: boolean; now: number; current: string | null | undefined }): string | null {
  if (o.force) return 'sync now';
  if (o.current !== undefined && o.current !== held.collectorVersion) return `the collector is now ${o.current ?? 'an unversioned build'}`;
  if (o.now - held.since >= HOLD_RETRY_MS) return 'held for a day';
  return null;
}

/** Puts every held event back in the queue and forgets the hold, in one transaction. Resolves with how many. */
export async function releaseHeld(db: Db): Promise<number> {
  const tx = db.transaction(['events', 'meta'], 'readwrite');
  let n = 0;
  let cursor = await tx.objectStore('events').index('bySynced').openCursor(heldRange());
  while (cursor) {
    void cursor.update({ ...cursor.value, synced: 0 });
    n++;
    cursor = await cursor.continue();
  }
  const meta = tx.objectStore('meta');
  putSyncState(meta, { ...(await getSyncState(meta)), held: null });
  await tx.done;
  return n;
}
