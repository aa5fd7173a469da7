import { INGEST_MAX_EVENTS, type EventResult } from '../../src/schema/api';
import type { WaymarkEvent } from '../../src/schema/event';
import type { Db, StoredEvent } from '../db';
import type { CollectorClient, RequestFailure } from './collectorClient';
import { unsyncedRange } from './eventRanges';
import { getSyncState, putSyncState } from './syncState';

export interface BatchLimits {
  /** @default 500 (the API's limit) */
  maxEvents: number;
  /** The events' JSON, in bytes. @default 262144 (256 KB) */
  maxBytes: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxEvents: INGEST_MAX_EVENTS, maxBytes: 256 * 1024 };

/** Room kept in a request for the envelope around the events (`{"events":[],"client":{...}}`). */
const ENVELOPE_BYTES = 512;

/** One run uploads at most this many batches, then lets the next run continue, so a run always ends. */
export const MAX_BATCHES_PER_RUN = 200;

export interface Batch {
  /** The events as sent. */
  events: WaymarkEvent[];
  bytes: number;
  installId: string;
  dropped: number;
}

export type UploadResult = { ok: true; sent: number; more: boolean } | { ok: false; failure: RequestFailure };

const encoder = new TextEncoder();

/**
 * The oldest unsynced events, at most `limits.maxEvents` of them and `limits.maxBytes` of JSON (but
 * always at least one, so a large event still goes, alone), with what the client reports about itself.
 */
export async function readBatch(db: Db, limits: BatchLimits, toWire: (e: StoredEvent) => WaymarkEvent): Promise<Batch> {
  const tx = db.transaction(['events', 'meta'], 'readonly');
  const [stored, state] = await Promise.all([
    tx.objectStore('events').index('bySynced').getAll(unsyncedRange(), limits.maxEvents),
    getSyncState(tx.objectStore('meta')),
  ]);
  const events: WaymarkEvent[] = [];
  let bytes = 0;
  for (const s of stored) {
    const e = toWire(s);
    const size = encoder.encode(JSON.stringify(e)).length + 1;
    if (events.length > 0 && bytes + size > limits.maxBytes - ENVELOPE_BYTES) break;
    events.push(e);
    bytes += size;
  }
  return { events, bytes, installId: state.installId, dropped: state.dropped };
}

/** Null when the verdicts answer this batch (same length, same ids, in order); else why not. */
export function verdictMismatch(ids: readonly string[], results: readonly EventResult[]): string | null {
  if (results.length !== ids.length) return `${results.length} verdicts for ${ids.length} events`;
  for (let i = 0; i < ids.length; i++) {
    const r = results[i];
    if (!r) return `no verdict for event ${i}`;
    if (r.id !== ids[i] && !(r.status === 'rejected' && r.id === null)) return `verdict ${i} is for another event`;
  }
  return null;
}

/**
 * Records the collector's verdicts in one transaction: `stored` and `duplicate` are acknowledgements,
 * and `rejected` is final too (the event is invalid and would be on every retry), so all three leave
 * the queue (`synced: 1`). Only this marks an event synced: never before the collector answered.
 */
export async function applyVerdicts(db: Db, ids: readonly string[], results: readonly EventResult[]): Promise<void> {
  const tx = db.transaction(['events', 'meta'], 'readwrite');
  const events = tx.objectStore('events');
  const current = await Promise.all(ids.map((id) => events.get(id)));
  let stored = 0;
  let duplicates = 0;
  let rejected = 0;
  results.forEach((r, i) => {
    if (r.status === 'stored') stored++;
    else if (r.status === 'duplicate') duplicates++;
    else {
      rejected++;
      console.warn(`waymark: the collector rejected event ${ids[i]}`, r.issues);
    }
    const e = current[i];
    // Gone (dropped or pruned meanwhile) or already marked: nothing to do, and nothing to bring back.
    if (e && e.synced === 0) void events.put({ ...e, synced: 1 });
  });
  const meta = tx.objectStore('meta');
  const s = await getSyncState(meta);
  putSyncState(meta, { ...s, stored: s.stored + stored, duplicates: s.duplicates + duplicates, rejected: s.rejected + rejected });
  await tx.done;
}

export interface UploadDeps {
  db: Db;
  client: CollectorClient;
  /** The event as the collector should see it (the stored copy without its `synced` flag). */
  toWire: (e: StoredEvent) => WaymarkEvent;
  limits?: BatchLimits;
  /** The `team` sync setting or policy, reported with each batch so that insights can break down by team. */
  team?: string;
}

/**
 * Uploads the queue, oldest first, one batch at a time, until it is empty, a request fails, or the run
 * has sent `MAX_BATCHES_PER_RUN` batches. A batch refused as too large (413) is split in halves.
 */
export async function uploadEvents(deps: UploadDeps): Promise<UploadResult> {
  let limits = deps.limits ?? DEFAULT_BATCH_LIMITS;
  let sent = 0;
  for (let n = 0; n < MAX_BATCHES_PER_RUN; n++) {
    const batch = await readBatch(deps.db, limits, deps.toWire);
    if (batch.events.length === 0) return { ok: true, sent, more: false };
    const r = await deps.client.ingest({ events: batch.events, client: { installId: batch.installId, dropped: batch.dropped, ...(deps.team !== undefined ? { team: deps.team } : {}) } });
    if (!r.ok) {
      const f = r.failure;
      if (f.kind === 'http' && f.status === 413 && batch.events.length > 1) {
        limits = { maxEvents: Math.ceil(batch.events.length / 2), maxBytes: Math.ceil(batch.bytes / 2) + ENVELOPE_BYTES };
        continue;
      }
      return r;
    }
    const ids = batch.events.map((e) => e.id);
    const mismatch = verdictMismatch(ids, r.value.results);
    if (mismatch) return { ok: false, failure: { kind: 'invalid', message: mismatch } };
    await applyVerdicts(deps.db, ids, r.value.results);
    sent += ids.length;
  }
  return { ok: true, sent, more: true };
}
