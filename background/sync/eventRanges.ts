/**
 * Key ranges over the `bySynced` index ([synced, seq]): each covers one state, in sequence order:
 * 0 queued, 1 acknowledged by the collector, 2 held (the collector did not know it: `holdEvents.ts`).
 * Functions, not constants: `IDBKeyRange` exists only once an IndexedDB implementation is loaded.
 */
export const unsyncedRange = (): IDBKeyRange => IDBKeyRange.bound([0, -Infinity], [0, Infinity]);
export const syncedRange = (): IDBKeyRange => IDBKeyRange.bound([1, -Infinity], [1, Infinity]);
export const heldRange = (): IDBKeyRange => IDBKeyRange.bound([2, -Infinity], [2, Infinity]);
