import type { Db } from '../db';
import { heldRange, unsyncedRange } from './eventRanges';
import { getSyncState, putSyncState } from './syncState';

/**
 * Keeps at most `max` events waiting (queued, and held for a newer collector): the excess is deleted
 * and added to the `dropped` counter, in one transaction. Held events go first, newest first: the
 * collector refuses them today, while the queue is what it stores now, and a long wait for an upgrade
 * must not crowd it out. Then the newest queued ones, not the oldest: the oldest may already be stored
 * by the collector (an answer lost when the worker stopped), and they hold each user's first uses.
 * Resolves with how many were dropped.
 */
export async function enforceQueueBound(db: Db, max: number): Promise<number> {
  const [queued, held] = await Promise.all([db.countFromIndex('events', 'bySynced', unsyncedRange()), db.countFromIndex('events', 'bySynced', heldRange())]);
  if (queued + held <= max) return 0;
  const excess = queued + held - max;
  const tx = db.transaction(['events', 'meta'], 'readwrite');
  let dropped = 0;
  for (const range of [heldRange(), unsyncedRange()]) {
    let cursor = await tx.objectStore('events').index('bySynced').openCursor(range, 'prev');
    while (cursor && dropped < excess) {
      void cursor.delete();
      dropped++;
      cursor = await cursor.continue();
    }
  }
  const meta = tx.objectStore('meta');
  const state = await getSyncState(meta);
  putSyncState(meta, { ...state, dropped: state.dropped + dropped });
  await tx.done;
  return dropped;
}
