import type { Db } from '../db';
import { unsyncedRange } from './eventRanges';
import { getSyncState, putSyncState } from './syncState';

/**
 * Keeps at most `max` unsynced events: the newest beyond it are deleted and added to the `dropped`
 * counter, in one transaction. The newest go, not the oldest: the oldest may already be stored by the
 * collector (an answer lost when the worker stopped), and they hold each user's first uses. Resolves
 * with how many were dropped.
 */
export async function enforceQueueBound(db: Db, max: number): Promise<number> {
  const queued = await db.countFromIndex('events', 'bySynced', unsyncedRange());
  if (queued <= max) return 0;
  const excess = queued - max;
  const tx = db.transaction(['events', 'meta'], 'readwrite');
  let dropped = 0;
  let cursor = await tx.objectStore('events').index('bySynced').openCursor(unsyncedRange(), 'prev');
  while (cursor && dropped < excess) {
    void cursor.delete();
    dropped++;
    cursor = await cursor.continue();
  }
  const meta = tx.objectStore('meta');
  const state = await getSyncState(meta);
  putSyncState(meta, { ...state, dropped: state.dropped + dropped });
  await tx.done;
  return dropped;
}
