import { afterAll, beforeAll } from 'vitest';
import { createApp, type AppDeps } from '../../../server/app';
import { createToken } from '../../../server/auth/tokenStore';
import type { Sql } from '../../../server/db/sql';
import { listen } from '../../../server/listen';
import type { Role } from '../../../src/schema/api';
import type { Backend, BackendStore } from './backends';

export interface Reply {
  status: number;
  headers: Headers;
  /** The parsed JSON body; `undefined` when there is none (304). */
  body: unknown;
}

/** A fetch client for one token, against the real Node server. */
export interface Client {
  get(path: string, headers?: Record<string, string>): Promise<Reply>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  /** Sends `raw` as is (malformed JSON, oversized bodies). */
  postRaw(path: string, raw: string, headers?: Record<string, string>): Promise<Reply>;
}

export interface TestServer {
  url: string;
  sql: Sql;
  /** A new token of `role` for `tenant`, made through the token store. */
  token(tenant: string, role: Role): Promise<string>;
  client(token?: string): Client;
  close(): Promise<void>;
}

async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

export function clientFor(url: string, token?: string): Client {
  const auth: Record<string, string> = token === undefined ? {} : { Authorization: `Bearer ${token}` };
  const send = async (method: string, path: string, body: string | undefined, headers: Record<string, string> = {}) =>
    reply(
      await fetch(url + path, {
        method,
        headers: { ...auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body }),
      }),
    );
  return {
    get: (path, headers) => send('GET', path, undefined, headers),
    post: (path, body, headers) => send('POST', path, body === undefined ? undefined : JSON.stringify(body), headers),
    postRaw: (path, raw, headers) => send('POST', path, raw, headers),
  };
}

/** `createApp` over `sql`, served by Node's HTTP server on 127.0.0.1 with a free port. */
export async function startTestServer(sql: Sql, overrides: Partial<Omit<AppDeps, 'sql'>> = {}): Promise<TestServer> {
  const app = createApp({
    sql,
    limits: { maxBodyBytes: 1024 * 1024, rateLimit: { perSecond: 0, burst: 1 } },
    log: () => {},
    ...overrides,
  });
  const server = await listen(app, { port: 0, host: '127.0.0.1' });
  return {
    url: server.url,
    sql,
    async token(tenant, role) {
      return (await createToken(sql, { tenant, role })).secret;
    },
    client: (token) => clientFor(server.url, token),
    close: () => server.close(1_000),
  };
}

/**
 * For a describe block: a fresh store of `backend` served by a test server before its tests, and
 * everything closed after them. The getter reads the server once `beforeAll` has run.
 */
export function serveBackend(backend: Backend): () => TestServer {
  let store: BackendStore | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    store = await backend.create();
    server = await startTestServer(await store.open());
  });
  afterAll(async () => {
    await server?.close();
    await server?.sql.close();
    await store?.dispose();
  });
  return () => {
    if (!server) throw new Error('the test server is started in beforeAll; read it inside a test or hook');
    return server;
  };
}
