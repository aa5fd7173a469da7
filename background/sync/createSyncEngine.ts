import type { Failure, Ok, SyncStatus } from '../../src/messages/protocol';
import type { WhoAmIResponse } from '../../src/schema/api';
import type { SyncConfig } from '../../src/schema/config';
import type { WaymarkEvent } from '../../src/schema/event';
import type { Db, StoredEvent } from '../db';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoffDelay';
import { createCollectorClient, describeFailure, type RequestFailure } from './collectorClient';
import { configFingerprint } from './configFingerprint';
import { enforceQueueBound } from './enforceQueueBound';
import { heldRange, unsyncedRange } from './eventRanges';
import { HOLD_RETRY_MS, releaseHeld, releaseReason } from './holdEvents';
import { pruneSynced } from './pruneSynced';
import { pullFlows } from './pullFlows';
import { retryDecision } from './retryDecision';
import type { SyncSettingsService } from './syncSettings';
import { readSyncState, updateSyncState, type SyncState } from './syncState';
import { uploadEvents, type BatchLimits } from './uploadEvents';

/**
 * Why a run is asked for:
 * - `due`: a timer, the alarm, or the worker starting: runs when the interval has passed (or the
 *   backoff has, after failures);
 * - `soon`: something changed (browser start, new settings): runs now unless backing off;
 * - `force`: an admin pressed Sync now: runs now, through any backoff or pause.
 */
export type TriggerKind = 'due' | 'soon' | 'force';
const STRENGTH: Record<TriggerKind, number> = { due: 0, soon: 1, force: 2 };

/** The durable wake-up: in the extension, `chrome.alarms`, which fires even after the worker was stopped. */
export interface AlarmPort {
  /** Makes sure a repeating alarm with this period (minutes) exists; leaves a matching one alone. */
  ensure(periodMinutes: number): Promise<void>;
}

export interface SyncEngineOptions {
  db: () => Promise<Db>;
  settings: SyncSettingsService;
  /** In a browser, a bound `fetch`. */
  fetch: typeof fetch;
  alarms: AlarmPort;
  /** The extension's version: a new build retries what an older one was refused. */
  version: string;
  /** Called after pulled flows were committed. */
  onFlowsChanged: () => Promise<void>;
  /** @default Date.now */
  now?: () => number;
  /** @default Math.random */
  random?: () => number;
  /** @default { baseMs: 2000, maxMs: 600000 } */
  backoff?: BackoffOptions;
  /** @default { maxEvents: 500, maxBytes: 262144 } */
  batchLimits?: BatchLimits;
  /** Schedules `fn` after `ms`; returns its cancel. @default setTimeout */
  setTimer?: (fn: () => void, ms: number) => () => void;
}

/** The name of the sync alarm. */
export const SYNC_ALARM = 'waymark-sync';
/** Chrome does not repeat alarms faster than this. */
export const MIN_ALARM_MINUTES = 0.5;
/** Without a configuration the engine still wakes up this often, to keep storage bounded and pruned. */
const MAINTENANCE_MINUTES = 60;
/** A timer firing this much early still counts as on time (timers are not exact). */
const DUE_SLACK_MS = 250;
const MIN_TIMER_MS = 200;
const DAY_MS = 86_400_000;

/**
 * The background sync engine: uploads the event queue to the collector, pulls the published flows,
 * keeps the queue bounded and prunes what was synced. Nothing lives only in memory: the queue and every
 * counter, backoff and pause are in IndexedDB, so a worker stopped at any point resumes where it was.
 * An event leaves the queue only when the collector answered for it.
 *
 * Runs are serialised (one at a time; requests during a run are merged into one run after it). While
 * the worker lives, a timer wakes it at the next due time; the alarm wakes a stopped worker.
 */
export function createSyncEngine(opts: SyncEngineOptions) {
  const now = opts.now ?? Date.now;
  const random = opts.random ?? Math.random;
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  const setTimer =
    opts.setTimer ??
    ((fn: () => void, ms: number) => {
      const t = setTimeout(fn, ms);
      return () => clearTimeout(t);
    });

  let cancelTimer: (() => void) | null = null;
  let tail: Promise<void> = Promise.resolve();
  let queued: { kind: TriggerKind; done: Promise<void> } | null = null;
  let destroyed = false;

  /** The one timer: a run of `kind` at `at` (replacing any earlier timer). */
  function timerAt(at: number, kind: TriggerKind = 'due'): void {
    cancelTimer?.();
    cancelTimer = null;
    if (destroyed) return;
    cancelTimer = setTimer(() => void trigger(kind), Math.max(MIN_TIMER_MS, at - now()));
  }

  const intervalMs = (c: SyncConfig) => c.syncIntervalSeconds * 1000;

  /** When the next attempt is due, or null when none is (paused). */
  function nextDue(s: SyncState, c: SyncConfig, fingerprint: string): number | null {
    if (s.pause?.fingerprint === fingerprint) return null;
    if (s.retryAt !== null) return s.retryAt;
    return s.lastRunAt === null ? now() : s.lastRunAt + intervalMs(c);
  }

  function shouldRun(kind: TriggerKind, s: SyncState, c: SyncConfig, fingerprint: string): boolean {
    if (kind === 'force') return true;
    if (s.pause?.fingerprint === fingerprint) return false;
    const t = now();
    if (s.retryAt !== null) return t + DUE_SLACK_MS >= s.retryAt;
    if (kind === 'soon') return true;
    const due = nextDue(s, c, fingerprint);
    return due !== null && t + DUE_SLACK_MS >= due;
  }

  function toWire(c: SyncConfig): (e: StoredEvent) => WaymarkEvent {
    return (e) => {
      const { synced: _synced, ...event } = e;
      // With a managed user id the collector sees the id IT chose; the stored event keeps the random one.
      return c.userIdSource === 'managed' && c.userId !== undefined ? { ...event, userId: c.userId } : event;
    };
  }

  async function recordFailure(db: Db, f: RequestFailure, fingerprint: string): Promise<SyncState> {
    const d = retryDecision(f);
    const t = now();
    return updateSyncState(db, (s) => {
      const failures = s.failures + 1;
      const base = { ...s, failures, lastFailureAt: t, lastRunAt: t, lastError: describeFailure(f) };
      return d.action === 'retry'
        ? { ...base, retryAt: t + backoffDelay(failures, backoff, random, d.retryAfterMs) }
        : { ...base, retryAt: null, pause: { fingerprint, reason: d.reason } };
    });
  }

  /**
   * Puts the held events (ones the collector did not know) back in the queue when the collector may
   * now know them (`releaseReason`). Its build is asked for (`GET /v1/health`) only while events are
   * held and not already due; a failed check keeps them held, and is no failure of the run.
   */
  async function maybeReleaseHeld(db: Db, client: ReturnType<typeof createCollectorClient>, kind: TriggerKind, s: SyncState): Promise<void> {
    const held = s.held;
    if (!held) return;
    // All of them dropped by the queue bound meanwhile: nothing to wait for.
    if ((await db.countFromIndex('events', 'bySynced', heldRange())) === 0) {
      await releaseHeld(db);
      return;
    }
    const t = now();
    let reason = releaseReason(held, { force: kind === 'force', now: t, current: undefined });
    if (!reason) {
      const h = await client.health();
      reason = releaseReason(held, { force: false, now: t, current: h.ok ? (h.value.version ?? null) : undefined });
    }
    if (!reason) return;
    const n = await releaseHeld(db);
    if (n > 0) console.info(`waymark: sending ${n} held events again (${reason})`);
  }

  async function runOnce(kind: TriggerKind): Promise<void> {
    const db = await opts.db();
    const loaded = await opts.settings.load();
    // Upkeep runs with or without a collector: the browser's storage stays bounded either way.
    await enforceQueueBound(db, loaded.values.maxQueuedEvents);
    await pruneSynced(db, now() - loaded.values.retentionDays * DAY_MS);
    const c = loaded.config;
    if (!c) {
      await opts.alarms.ensure(MAINTENANCE_MINUTES);
      return;
    }
    await opts.alarms.ensure(Math.max(MIN_ALARM_MINUTES, c.syncIntervalSeconds / 60));
    const fingerprint = await configFingerprint(c, opts.version);
    let s = await readSyncState(db);
    if (!shouldRun(kind, s, c, fingerprint)) {
      const due = nextDue(s, c, fingerprint);
      if (due !== null) timerAt(due);
      return;
    }
    s = await updateSyncState(db, (x) => ({ ...x, lastAttemptAt: now(), pause: kind === 'force' ? null : x.pause }));

    const client = createCollectorClient({ serverUrl: c.serverUrl, token: c.token, timeoutMs: c.requestTimeoutSeconds * 1000, fetch: opts.fetch });
    await maybeReleaseHeld(db, client, kind, s);
    const up = await uploadEvents({
      db,
      client,
      toWire: toWire(c),
      ...(opts.batchLimits ? { limits: opts.batchLimits } : {}),
      ...(c.team !== undefined ? { team: c.team } : {}),
      now,
    });
    if (!up.ok) {
      s = await recordFailure(db, up.failure, fingerprint);
    } else {
      const pulled = await pullFlows({ db, client, fingerprint, now: now(), onFlowsChanged: opts.onFlowsChanged });
      if (!pulled.ok) s = await recordFailure(db, pulled.failure, fingerprint);
      else {
        const t = now();
        s = await updateSyncState(db, (x) => ({ ...x, failures: 0, retryAt: null, pause: null, lastRunAt: t, lastSuccessAt: t, lastError: null }));
      }
    }
    const due = nextDue(s, c, fingerprint);
    // A run that stopped at its batch limit with events left carries on at once.
    if (up.ok && up.more && s.failures === 0) timerAt(now(), 'soon');
    else if (due !== null) timerAt(due);
  }

  /** Asks for a run; resolves when a run that covers this request has finished. Never rejects. */
  function trigger(kind: TriggerKind): Promise<void> {
    if (destroyed) return Promise.resolve();
    if (queued) {
      if (STRENGTH[kind] > STRENGTH[queued.kind]) queued.kind = kind;
      return queued.done;
    }
    const entry: { kind: TriggerKind; done: Promise<void> } = { kind, done: Promise.resolve() };
    entry.done = tail.then(async () => {
      // From here on, new requests queue behind this run instead of merging into it.
      queued = null;
      try {
        await runOnce(entry.kind);
      } catch (e) {
        // Storage failed (quota, the database closing as the worker stops): try again on the next timer or alarm.
        console.error('waymark: sync run failed', e);
        timerAt(now() + backoff.baseMs);
      }
    });
    queued = entry;
    tail = entry.done;
    return entry.done;
  }

  async function status(): Promise<SyncStatus> {
    const db = await opts.db();
    const loaded = await opts.settings.load();
    const [s, unsynced, held] = await Promise.all([
      readSyncState(db),
      db.countFromIndex('events', 'bySynced', unsyncedRange()),
      db.countFromIndex('events', 'bySynced', heldRange()),
    ]);
    const c = loaded.config;
    const fingerprint = c ? await configFingerprint(c, opts.version) : null;
    const paused = c !== null && s.pause !== null && s.pause.fingerprint === fingerprint;
    return {
      state: !c ? 'unconfigured' : paused ? 'paused' : s.failures > 0 ? 'retrying' : 'idle',
      serverUrl: c?.serverUrl ?? null,
      unsynced,
      dropped: s.dropped,
      stored: s.stored,
      duplicates: s.duplicates,
      rejected: s.rejected,
      held: {
        count: held,
        types: held > 0 ? (s.held?.types ?? []) : [],
        retryAt: held > 0 && s.held ? s.held.since + HOLD_RETRY_MS : null,
      },
      lastAttemptAt: s.lastAttemptAt,
      lastSuccessAt: s.lastSuccessAt,
      lastFailureAt: s.lastFailureAt,
      lastError: s.lastError,
      failures: s.failures,
      nextAttemptAt: c && fingerprint !== null ? nextDue(s, c, fingerprint) : null,
      pausedReason: paused ? (s.pause?.reason ?? null) : null,
      flows: { count: s.flows?.ids.length ?? 0, lastPullAt: s.flows?.lastPullAt ?? null, etag: s.flows?.etag ?? null },
    };
  }

  return {
    trigger,

    /** For `chrome.alarms.onAlarm`. */
    onAlarm(name: string): void {
      if (name === SYNC_ALARM) void trigger('due');
    },

    /** The settings changed (options page or policy): a new configuration gets a fresh start. */
    async settingsChanged(): Promise<void> {
      const db = await opts.db();
      await updateSyncState(db, (s) => ({ ...s, failures: 0, retryAt: null }));
      await trigger('soon');
    },

    /** Runs now, through any backoff or pause, and answers with the status after it. */
    async syncNow(): Promise<SyncStatus> {
      await trigger('force');
      return status();
    },

    status,

    /** GET /v1/me with the given server and token, or the saved ones. */
    async testConnection(over: { serverUrl?: string | undefined; token?: string | undefined }): Promise<Ok<{ whoami: WhoAmIResponse }> | Failure> {
      const { values } = await opts.settings.load();
      const serverUrl = over.serverUrl ?? values.serverUrl;
      const token = over.token ?? values.token;
      if (serverUrl === undefined || token === undefined) return { ok: false, error: 'Enter a server URL and a token first.' };
      const timeoutMs = Math.min(values.requestTimeoutSeconds, 15) * 1000;
      const r = await createCollectorClient({ serverUrl, token, timeoutMs, fetch: opts.fetch }).me();
      return r.ok ? { ok: true, whoami: r.value } : { ok: false, error: `The collector could not be used: ${describeFailure(r.failure)}.` };
    },

    /** Stops the timer; runs already started finish. */
    destroy(): void {
      destroyed = true;
      cancelTimer?.();
      cancelTimer = null;
    },
  };
}
export type SyncEngine = ReturnType<typeof createSyncEngine>;
