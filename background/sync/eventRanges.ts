/**
 * Key ranges over the `bySynced` index ([synced, seq]): each covers one state, in sequence order.
 * Functions, not constants: `IDBKeyRange` exists only once an IndexedDB implementation is loaded.
 */
export const unsyncedRange = (): IDBKeyRange => IDBKeyRange.bound([0, -Infinity], [0, Infinity]);
export const syncedRange = (): IDBKeyRange => IDBKeyRange.bound([1, -Infinity], [1, Infinity]);
