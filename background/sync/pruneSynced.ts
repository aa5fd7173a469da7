import type { Db } from '../db';
import { syncedRange } from './eventRanges';

/** At most this many deletions per transaction, so that a first prune of a large log does not block writers for long. */
const PRUNE_CHUNK = 2_000;

/**
 * Deletes synced events recorded before `cutoff` (ms since the epoch). Walks the synced events in
 * sequence order and stops at the first one recorded at or after the cutoff: sequence follows time,
 * and should the clock have gone back, stopping early only keeps an event longer. Unsynced events are
 * never pruned: they are the queue. Resolves with how many were deleted.
 */
export async function pruneSynced(db: Db, cutoff: number): Promise<number> {
  let total = 0;
  for (;;) {
    const tx = db.transaction('events', 'readwrite');
    let n = 0;
    let cursor = await tx.store.index('bySynced').openCursor(syncedRange());
    while (cursor && cursor.value.ts < cutoff && n < PRUNE_CHUNK) {
      void cursor.delete();
      n++;
      cursor = await cursor.continue();
    }
    await tx.done;
    total += n;
    if (n < PRUNE_CHUNK) return total;
  }
}
