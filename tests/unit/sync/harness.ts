import 'fake-indexeddb/auto';
import { getDb, type StoredEvent } from '../../../background/db';
import { createSyncEngine, type SyncEngineOptions } from '../../../background/sync/createSyncEngine';
import { createSyncSettings, type SettingsStore } from '../../../background/sync/syncSettings';
import { createWriter } from '../../../background/writer';
import { IngestRequestSchema, type EventResult } from '../../../src/schema/api';
import type { SyncSettings } from '../../../src/schema/config';
import { EVENT_TYPES, WaymarkEventSchema, type NewEvent } from '../../../src/schema/event';
import type { Flow } from '../../../src/schema/flow';

/*
 * A test bench for the sync engine: the real engine over fake-indexeddb, with an in-memory collector
 * behind an injected fetch, a settable clock, and timers and alarms that are recorded, not run.
 */

export const T0 = 1_750_000_000_000;
export const DAY = 86_400_000;

export interface Request {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

/** What the fake collector does with the next request; `undefined` answers normally. */
export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: 'network' }
  /** Stores the events, then loses the answer (the worker stopped, the connection dropped). */
  | { kind: 'lose-answer' }
  | { kind: 'hang' }
  | { kind: 'raw'; status: number; text: string };

export function fakeCollector() {
  const stored = new Map<string, unknown>();
  const requests: Request[] = [];
  const faults: Fault[] = [];
  let flows: Flow[] = [];
  let flowsVersion = 1;
  let inFlight = 0;
  let maxInFlight = 0;
  /** Event ids the collector refuses as invalid. */
  const reject = new Set<string>();
  /** Event types this collector does not know. */
  const unknownTypes = new Set<string>();
  /**
   * `version`: the build its health check and ingest answers report (undefined: none, as before the
   * `unsupported` verdict); `old`: answers like a collector from before that verdict, whatever the
   * client lists (`rejected`, with the issue that collector's zod gives for an unknown type).
   */
  const build: { version: string | undefined; old: boolean } = { version: '1.0.0+ev.aaaaaaaa', old: false };

  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

  async function handle(path: string, init: RequestInit, headers: Record<string, string>, body: unknown): Promise<Response> {
    if (headers.authorization !== 'Bearer tok-1' && headers.authorization !== 'Bearer tok-2') return json(401, { error: 'unknown token' });
    if (path === '/v1/health') return json(200, { status: 'ok', storage: 'pglite', ...(build.version !== undefined && !build.old ? { version: build.version } : {}) });
    if (path === '/v1/me') return json(200, { tenant: 'acme', role: 'employee', tokenId: 'tk_1' });
    if (path === '/v1/flows') {
      const etag = `"flows-${flowsVersion}"`;
      if (headers['if-none-match'] === etag) return new Response(null, { status: 304, headers: { ETag: etag } });
      return json(200, { flows }, { ETag: etag });
    }
    if (path === '/v1/events' && init.method === 'POST') {
      const req = IngestRequestSchema.parse(body);
      const understands = !build.old && (req.client?.verdicts?.includes('unsupported') ?? false);
      const expected = EVENT_TYPES.filter((t) => !unknownTypes.has(t)).map((t) => `'${t}'`).join(' | ');
      const results: EventResult[] = req.events.map((raw, i) => {
        const e = WaymarkEventSchema.parse(raw);
        if (reject.has(e.id)) return { id: e.id, status: 'rejected', issues: [{ path: `events.${i}.flowId`, message: 'no' }] };
        if (unknownTypes.has(e.type)) {
          return understands
            ? { id: e.id, status: 'unsupported', type: e.type }
            : { id: e.id, status: 'rejected', issues: [{ path: `events.${i}.type`, message: `Invalid discriminator value. Expected ${expected}` }] };
        }
        if (stored.has(e.id)) return { id: e.id, status: 'duplicate' };
        stored.set(e.id, e);
        return { id: e.id, status: 'stored' };
      });
      return json(200, { results, ...(build.version !== undefined && !build.old ? { collector: { version: build.version } } : {}) });
    }
    return json(404, { error: 'no route' });
  }

  const fetchImpl = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    requests.push({ method: init.method ?? 'GET', path: url.pathname, headers, body });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      // Let other work interleave, as a real request would.
      await new Promise((r) => setTimeout(r, 1));
      const fault = faults.shift();
      if (fault?.kind === 'status') return json(fault.status, fault.body ?? { error: `fault ${fault.status}` }, fault.headers);
      if (fault?.kind === 'raw') return new Response(fault.text, { status: fault.status });
      if (fault?.kind === 'network') throw new TypeError('Failed to fetch');
      if (fault?.kind === 'hang') {
        return await new Promise<Response>((_, rejectP) =>
          init.signal?.addEventListener('abort', () => rejectP(new DOMException('aborted', 'AbortError'))),
        );
      }
      const res = await handle(url.pathname, init, headers, body);
      if (fault?.kind === 'lose-answer') throw new TypeError('Failed to fetch');
      return res;
    } finally {
      inFlight--;
    }
  };

  return {
    fetch: fetchImpl as typeof fetch,
    stored,
    requests,
    faults,
    reject,
    unknownTypes,
    build,
    get maxInFlight() {
      return maxInFlight;
    },
    setFlows(next: Flow[]) {
      flows = next;
      flowsVersion++;
    },
    uploads: () => requests.filter((r) => r.path === '/v1/events'),
  };
}
export type FakeCollector = ReturnType<typeof fakeCollector>;

export function memorySettings(saved: SyncSettings | null, managed: Record<string, unknown> = {}) {
  let record: unknown = saved === null ? undefined : { v: 1, settings: saved };
  const store: SettingsStore & { managed: Record<string, unknown> } = {
    managed,
    readSaved: async () => record,
    writeSaved: async (r) => {
      record = r;
    },
    clearSaved: async () => {
      record = undefined;
    },
    readManaged: async () => store.managed,
  };
  return store;
}

export const BASE_SETTINGS: SyncSettings = { serverUrl: 'https://collector.test', token: 'tok-1' };

/** Empties the stores the engine and the writer use. */
export async function resetDb(): Promise<void> {
  const db = await getDb();
  const tx = db.transaction(['events', 'meta', 'flows', 'progress', 'ops'], 'readwrite');
  await Promise.all([tx.objectStore('events').clear(), tx.objectStore('meta').clear(), tx.objectStore('flows').clear(), tx.objectStore('progress').clear(), tx.objectStore('ops').clear(), tx.done]);
}

export interface Bench {
  clock: { now: number };
  collector: FakeCollector;
  settings: ReturnType<typeof memorySettings>;
  engine: ReturnType<typeof createSyncEngine>;
  timers: { at: number; fn: () => void }[];
  alarms: number[];
  flowsChanged: { count: number };
  /** Records `n` feature_used events through the real writer, at the bench's clock. */
  record(n: number): Promise<void>;
  /** Records these events through the real writer. */
  emit(events: NewEvent[]): Promise<void>;
  events(): Promise<StoredEvent[]>;
  unsynced(): Promise<StoredEvent[]>;
}

export function bench(
  o: { saved?: SyncSettings | null; managed?: Record<string, unknown>; engine?: Partial<SyncEngineOptions> } = {},
): Bench {
  const clock = { now: T0 };
  const collector = fakeCollector();
  const settings = memorySettings(o.saved === undefined ? BASE_SETTINGS : o.saved, o.managed);
  const timers: Bench['timers'] = [];
  const alarms: number[] = [];
  const flowsChanged = { count: 0 };
  const engine = createSyncEngine({
    db: getDb,
    settings: createSyncSettings(settings),
    fetch: collector.fetch,
    alarms: { ensure: async (p) => void alarms.push(p) },
    version: '1.0.0',
    onFlowsChanged: async () => void flowsChanged.count++,
    now: () => clock.now,
    random: () => 0.5,
    backoff: { baseMs: 1_000, maxMs: 60_000 },
    setTimer: (fn, ms) => {
      const t = { at: clock.now + ms, fn };
      timers.push(t);
      return () => void timers.splice(timers.indexOf(t), 1);
    },
    ...o.engine,
  });
  const writer = createWriter({ userId: async () => 'u-random', now: () => clock.now });
  return {
    clock,
    collector,
    settings,
    engine,
    timers,
    alarms,
    flowsChanged,
    async record(n) {
      await writer.run(async (ctx) => {
        for (let i = 0; i < n; i++) ctx.emit({ type: 'feature_used', featureId: `feature-${i % 3}`, firstUse: i === 0 });
      });
    },
    async emit(events) {
      await writer.run(async (ctx) => {
        for (const e of events) ctx.emit(e);
      });
    },
    async events() {
      return (await getDb()).getAllFromIndex('events', 'bySeq');
    },
    async unsynced() {
      return (await this.events()).filter((e) => e.synced === 0);
    },
  };
}
