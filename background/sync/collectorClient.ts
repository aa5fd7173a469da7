import type { z } from 'zod';
import {
  ApiErrorSchema,
  FlowsResponseSchema,
  HealthResponseSchema,
  IngestResponseSchema,
  WhoAmIResponseSchema,
  type FlowsResponse,
  type HealthResponse,
  type IngestRequest,
  type IngestResponse,
  type WhoAmIResponse,
} from '../../src/schema/api';
import { zodIssues } from '../../src/schema/migrate';

/** Why a request to the collector did not give a usable answer. */
export type RequestFailure =
  | { kind: 'network'; message: string }
  | { kind: 'timeout'; afterMs: number }
  /** `issues`: the server's field errors (`{ error, issues }` bodies), paths relative to the request body. */
  | { kind: 'http'; status: number; message: string; retryAfterMs: number | null; issues?: { path: string; message: string }[] }
  /** A 2xx whose body does not match the API schema: a proxy's error page, or an incompatible server. */
  | { kind: 'invalid'; message: string };

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: RequestFailure };

export type FlowsOutcome = { changed: true; response: FlowsResponse; etag: string | null } | { changed: false };

export interface CollectorClient {
  /** POST /v1/events. */
  ingest(body: IngestRequest): Promise<Outcome<IngestResponse>>;
  /** GET /v1/flows; with `etag`, a 304 answers `{ changed: false }`. */
  flows(etag: string | null): Promise<Outcome<FlowsOutcome>>;
  /** GET /v1/me. */
  me(): Promise<Outcome<WhoAmIResponse>>;
  /** GET /v1/health: whether the collector answers, and (newer collectors) its build. */
  health(): Promise<Outcome<HealthResponse>>;
  /** Any other GET answered with 200 and a JSON body that must match `schema` (the insights routes). */
  get<S extends z.ZodType>(path: string, schema: S): Promise<Outcome<z.output<S>>>;
  /** A POST of a JSON body answered with `okStatus` and a body that must match `schema` (the admin routes). */
  post<S extends z.ZodType>(path: string, body: unknown, schema: S, okStatus: number): Promise<Outcome<z.output<S>>>;
}

export interface CollectorClientOptions {
  /** The collector's base URL, without a trailing slash. */
  serverUrl: string;
  token: string;
  /** A request (body included) not finished after this long is abandoned. */
  timeoutMs: number;
  /** In a browser, pass a bound `fetch`: an unbound one throws "Illegal invocation". */
  fetch: typeof fetch;
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** One line for the options page and the logs. */
export function describeFailure(f: RequestFailure): string {
  switch (f.kind) {
    case 'network':
      return `network error: ${f.message}`;
    case 'timeout':
      return `no answer within ${Math.round(f.afterMs / 1000)} s`;
    case 'http':
      return `HTTP ${f.status}: ${f.message}`;
    case 'invalid':
      return `unexpected answer: ${f.message}`;
  }
}

/**
 * The collector's API as the extension uses it. Every answer is validated against the `src/schema/api.ts`
 * schemas before it is believed: a body that does not match is a failure (retried), never data.
 */
export function createCollectorClient(opts: CollectorClientOptions): CollectorClient {
  const base = opts.serverUrl.replace(/\/+$/, '');

  /**
   * Sends one request and reads the whole body under one deadline, so a server that sends headers and
   * then stalls is abandoned too.
   */
  async function request(
    method: 'GET' | 'POST',
    path: string,
    init: { body?: string; headers?: Record<string, string> } = {},
  ): Promise<Outcome<{ status: number; headers: Headers; text: string }>> {
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), opts.timeoutMs);
    try {
      const res = await opts.fetch(`${base}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${opts.token}`,
          ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...init.headers,
        },
        ...(init.body === undefined ? {} : { body: init.body }),
        // The ETag exchange is ours: the HTTP cache must neither answer for the server nor turn its 304 into a 200.
        cache: 'no-store',
        credentials: 'omit',
        signal: ac.signal,
      });
      const text = await res.text();
      return { ok: true, value: { status: res.status, headers: res.headers, text } };
    } catch (e) {
      if (ac.signal.aborted) return { ok: false, failure: { kind: 'timeout', afterMs: opts.timeoutMs } };
      return { ok: false, failure: { kind: 'network', message: e instanceof Error ? e.message : String(e) } };
    } finally {
      clearTimeout(timer);
    }
  }

  function httpFailure(status: number, headers: Headers, text: string): RequestFailure {
    let message = text.slice(0, 200) || 'no details';
    let issues: { path: string; message: string }[] | undefined;
    try {
      const err = ApiErrorSchema.safeParse(JSON.parse(text));
      if (err.success) {
        const first = err.data.issues?.[0];
        message = first ? `${err.data.error} (${first.path}: ${first.message})` : err.data.error;
        if (err.data.issues !== undefined) issues = err.data.issues.map((i) => ({ path: i.path, message: i.message }));
      }
    } catch {
      // Not JSON (a proxy's page): keep the start of the text.
    }
    return { kind: 'http', status, message, retryAfterMs: parseRetryAfter(headers.get('Retry-After'), Date.now()), ...(issues === undefined ? {} : { issues }) };
  }

  function parse<S extends z.ZodType>(schema: S, text: string): Outcome<z.output<S>> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, failure: { kind: 'invalid', message: 'the body is not JSON' } };
    }
    const r = schema.safeParse(json);
    if (r.success) return { ok: true, value: r.data };
    const first = zodIssues(r.error)[0];
    return { ok: false, failure: { kind: 'invalid', message: first ? `${first.path || '(body)'}: ${first.message}` : 'invalid body' } };
  }

  return {
    async ingest(body) {
      const r = await request('POST', '/v1/events', { body: JSON.stringify(body) });
      if (!r.ok) return r;
      const { status, headers, text } = r.value;
      if (status !== 200) return { ok: false, failure: httpFailure(status, headers, text) };
      return parse(IngestResponseSchema, text);
    },

    async flows(etag) {
      const r = await request('GET', '/v1/flows', etag === null ? {} : { headers: { 'If-None-Match': etag } });
      if (!r.ok) return r;
      const { status, headers, text } = r.value;
      if (status === 304) return { ok: true, value: { changed: false } };
      if (status !== 200) return { ok: false, failure: httpFailure(status, headers, text) };
      const parsed = parse(FlowsResponseSchema, text);
      if (!parsed.ok) return parsed;
      return { ok: true, value: { changed: true, response: parsed.value, etag: headers.get('ETag') } };
    },

    async me() {
      const r = await request('GET', '/v1/me');
      if (!r.ok) return r;
      const { status, headers, text } = r.value;
      if (status !== 200) return { ok: false, failure: httpFailure(status, headers, text) };
      return parse(WhoAmIResponseSchema, text);
    },

    async health() {
      const r = await request('GET', '/v1/health');
      if (!r.ok) return r;
      const { status, headers, text } = r.value;
      if (status !== 200) return { ok: false, failure: httpFailure(status, headers, text) };
      return parse(HealthResponseSchema, text);
    },

    async get(path, schema) {
      const r = await request('GET', path);
      if (!r.ok) return r;
      const { status, headers, text } = r.value;
      if (status !== 200) return { ok: false, failure: httpFailure(status, headers, text) };
      return parse(schema, text);
    },

    async post(path, body, schema, okStatus) {
      const r = await request('POST', path, { body: JSON.stringify(body) });
      if (!r.ok) return r;
      const { status, headers, text } = r.value;
      if (status !== okStatus) return { ok: false, failure: httpFailure(status, headers, text) };
      return parse(schema, text);
    },
  };
}
