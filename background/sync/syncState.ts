import type { IDBPObjectStore, StoreNames } from 'idb';
import { z } from 'zod';
import type { Db, WaymarkDB } from '../db';

/** The `meta` key that holds the sync engine's state. */
export const SYNC_STATE_KEY = 'sync';

const time = z.number().int().min(0).nullable();
const count = z.number().int().min(0);

/**
 * Everything the sync engine remembers between worker lives, versioned (`v`) like every persisted
 * record. It lives in IndexedDB beside the events so that a counter changes in the same transaction as
 * the events it counts (a dropped event is deleted and counted at once, or neither).
 */
const SyncStateV1Schema = z.object({
  v: z.literal(1),
  /** This browser profile's installation, as reported to the collector. Random, made once. */
  installId: z.string().min(1),
  dropped: count,
  stored: count,
  duplicates: count,
  rejected: count,
  lastAttemptAt: time,
  lastSuccessAt: time,
  lastFailureAt: time,
  /** When the last attempt ended, successful or not: the interval counts from here. */
  lastRunAt: time,
  lastError: z.string().nullable(),
  /** Failed attempts in a row; 0 after a success. */
  failures: count,
  /** While failing: not before this time. */
  retryAt: time,
  /** Set when the collector refused the request itself: no attempt until the configuration changes. */
  pause: z.object({ fingerprint: z.string(), reason: z.string() }).nullable(),
  /** The last flows pull: for which configuration, its ETag, and the flow ids it stored. */
  flows: z
    .object({ fingerprint: z.string(), etag: z.string().nullable(), ids: z.array(z.string()), lastPullAt: z.number().int().min(0) })
    .nullable(),
});

/** The most event types `held` lists (they are shown to the admin; the count is exact regardless). */
export const MAX_HELD_TYPES = 32;

/** v2 (the `unsupported` verdict): adds `held`. */
export const SyncStateSchema = SyncStateV1Schema.extend({
  v: z.literal(2),
  /**
   * Events the collector did not know (`unsupported`, or an older collector's refusal of an unknown
   * type or field) are held (`synced: 2`), not sent on every run: since when, what the collector
   * reported as its build when it refused them (null: it reports none), and their types.
   */
  held: z
    .object({ since: z.number().int().min(0), collectorVersion: z.string().nullable(), types: z.array(z.string()).max(MAX_HELD_TYPES) })
    .nullable(),
});
export type SyncState = z.infer<typeof SyncStateSchema>;

/** Each stored version, read and brought up to the current one. */
const StoredSyncStateSchema = z.union([SyncStateSchema, SyncStateV1Schema.transform((s): SyncState => ({ ...s, v: 2, held: null }))]);

export function initialSyncState(installId: string): SyncState {
  return {
    v: 2,
    installId,
    dropped: 0,
    stored: 0,
    duplicates: 0,
    rejected: 0,
    lastAttemptAt: null,
    lastSuccessAt: null,
    lastFailureAt: null,
    lastRunAt: null,
    lastError: null,
    failures: 0,
    retryAt: null,
    pause: null,
    flows: null,
    held: null,
  };
}

type MetaStore<Tx extends ArrayLike<StoreNames<WaymarkDB>>, Mode extends IDBTransactionMode> = IDBPObjectStore<WaymarkDB, Tx, 'meta', Mode>;

/** The state in `meta`, or a fresh one (the first run, or a record this build cannot read). */
export async function getSyncState<Tx extends ArrayLike<StoreNames<WaymarkDB>>, Mode extends IDBTransactionMode>(
  meta: MetaStore<Tx, Mode>,
): Promise<SyncState> {
  const raw = await meta.get(SYNC_STATE_KEY);
  const r = StoredSyncStateSchema.safeParse(raw);
  if (r.success) return r.data;
  if (raw !== undefined) console.warn('waymark: the stored sync state is unreadable; starting afresh', r.error.issues);
  return initialSyncState(`i-${crypto.randomUUID()}`);
}

export function putSyncState<Tx extends ArrayLike<StoreNames<WaymarkDB>>>(meta: MetaStore<Tx, 'readwrite'>, state: SyncState): void {
  void meta.put(state, SYNC_STATE_KEY);
}

export async function readSyncState(db: Db): Promise<SyncState> {
  return getSyncState(db.transaction('meta', 'readonly').store);
}

/**
 * Reads, changes and writes the state in one transaction, so that two updates never undo each other
 * (the state is never kept in memory across awaits). Resolves with the new state once committed.
 */
export async function updateSyncState(db: Db, change: (s: SyncState) => SyncState): Promise<SyncState> {
  const tx = db.transaction('meta', 'readwrite');
  const next = change(await getSyncState(tx.store));
  putSyncState(tx.store, next);
  await tx.done;
  return next;
}
