import { INGEST_MAX_EVENTS, type EventResult } from '../../src/schema/api';
import type { WaymarkEvent } from '../../src/schema/event';
import type { Db, StoredEvent } from '../db';
import type { CollectorClient, RequestFailure } from './collectorClient';
import { unsyncedRange } from './eventRanges';
import { extendHold } from './holdEvents';
import { oldCollectorRefusal } from './oldCollectorRefusal';
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

/** What the verdicts on one batch came with: the events as sent, the collector's build, the time. */
export interface VerdictContext {
  events: readonly WaymarkEvent[];
  /** `collector.version` of the answer; null from a collector that reports none. */
  collectorVersion: string | null;
  now: number;
}

/**
 * Records the collector's verdicts in one transaction: `stored` and `duplicate` are acknowledgements,
 * and `rejected` is final too (the event is invalid and would be on every retry), so all three leave
 * the queue (`synced: 1`). Only this marks an event synced: never before the collector answered.
 * `unsupported`, and an older collector's `rejected` that says only that it does not know the event's
 * type or fields (`oldCollectorRefusal`), hold the event instead (`synced: 2`): valid, kept, counted,
 * and sent again once the collector may have changed (`holdEvents.ts`).
 */
export async function applyVerdicts(db: Db, results: readonly EventResult[], ctx: VerdictContext): Promise<void> {
  const tx = db.transaction(['events', 'meta'], 'readwrite');
  const events = tx.objectStore('events');
  const current = await Promise.all(ctx.events.map((e) => events.get(e.id)));
  let stored = 0;
  let duplicates = 0;
  let rejected = 0;
  const heldTypes: string[] = [];
  results.forEach((r, i) => {
    const sent = ctx.events[i];
    const notKnown =
      r.status === 'unsupported' ? { type: r.type } : r.status === 'rejected' && sent ? oldCollectorRefusal(sent, i, r.issues) : null;
    if (r.status === 'stored') stored++;
    else if (r.status === 'duplicate') duplicates++;
    else if (notKnown) heldTypes.push(notKnown.type);
    else {
      rejected++;
      console.warn(`waymark: the collector rejected event ${sent?.id ?? i}`, r.status === 'rejected' ? r.issues : r);
    }
    const e = current[i];
    // Gone (dropped or pruned meanwhile) or already marked: nothing to do, and nothing to bring back.
    if (e && e.synced === 0) void events.put({ ...e, synced: notKnown ? 2 : 1 });
  });
  const meta = tx.objectStore('meta');
  const s = await getSyncState(meta);
  const held = heldTypes.length > 0 ? extendHold(s.held, ctx.now, ctx.collectorVersion, heldTypes) : s.held;
  putSyncState(meta, { ...s, stored: s.stored + stored, duplicates: s.duplicates + duplicates, rejected: s.rejected + rejected, held });
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
  /** @default Date.now */
  now?: () => number;
}

/** The verdicts beyond the first three that this build understands (`ClientInfo.verdicts`). */
export const UNDERSTOOD_VERDICTS = ['unsupported'];

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
    const r = await deps.client.ingest({ events: batch.events, client: {
        installId: batch.installId,
        dropped: batch.dropped,
        verdicts: UNDERSTOOD_VERDICTS,
        ...(deps.team !== undefined ? { team: deps.team } : {}),
      },
    });
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
    await applyVerdicts(deps.db, r.value.results, { events: batch.events, collectorVersion: r.value.collector?.version ?? null, now: (deps.now ?? Date.now)() });
    sent += ids.length;
  }
  return { ok: true, sent, more: true };
}
