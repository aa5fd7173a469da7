import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../../server/db/openDatabase';
import type { Role } from '../../../src/schema/api';
import { freePort, runCli } from '../../server/support/processes';

/*
 * A real collector for the end-to-end tests: `server/main.ts` as a child process on a fixed port (so
 * it can be killed and started again where the extension expects it), tokens made with the real CLI,
 * a fault-injecting proxy between the extension and the server, and a look at what the server stored.
 */

const ROOT = resolve(import.meta.dirname, '../../..');

export { freePort };

export interface Collector {
  url: string;
  port: number;
  dataDir: string;
  /** Starts the server (again) on the same port and data directory; resolves when /v1/health answers. */
  start(): Promise<void>;
  /** SIGKILL: no shutdown at all. Resolves when the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM: a graceful stop (releases the PGlite directory). */
  stop(): Promise<void>;
  output(): string;
  /** Stops it and removes the data directory. */
  dispose(): Promise<void>;
}

/** Makes a token with `npm run waymark -- token create` (the server must not be running: PGlite is one process). */
export async function createToken(dataDir: string, tenant: string, role: Role): Promise<string> {
  const r = await runCli(['token', 'create', '--tenant', tenant, '--role', role], { DATA_DIR: dataDir });
  if (r.code !== 0) throw new Error(`token create failed (${r.code}): ${r.stderr}`);
  return r.stdout.trim();
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'waymark-collector-'));
}

/** `entry`: the program to run, relative to the repository. @default 'server/main.ts' */
export async function startCollector(opts: { dataDir: string; port?: number; env?: Record<string, string>; entry?: string }): Promise<Collector> {
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let out = '';

  const signal = async (sig: NodeJS.Signals) => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null || c.pid === undefined) return;
    try {
      process.kill(-c.pid, sig); // the whole group: nothing may survive a "kill"
    } catch {
      c.kill(sig);
    }
    await exited;
  };

  const collector: Collector = {
    url,
    port,
    dataDir: opts.dataDir,
    async start() {
      const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: opts.dataDir, ...opts.env };
      delete env.DATABASE_URL;
      const c = spawn(process.execPath, ['--import', 'tsx', opts.entry ?? 'server/main.ts'], { cwd: ROOT, env, detached: true });
      child = c;
      c.stdout?.on('data', (d: Buffer) => (out += d.toString()));
      c.stderr?.on('data', (d: Buffer) => (out += d.toString()));
      let gone = false;
      exited = new Promise<void>((r) => c.once('exit', () => ((gone = true), r())));
      const deadline = Date.now() + 60_000;
      for (;;) {
        if (gone) throw new Error(`the collector exited while starting:\n${out.slice(-2000)}`);
        try {
          if ((await fetch(`${url}/v1/health`)).status === 200) return;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) throw new Error(`the collector did not become healthy:\n${out.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
    output: () => out,
    async dispose() {
      await signal('SIGTERM');
      rmSync(opts.dataDir, { recursive: true, force: true });
    },
  };
  await collector.start();
  return collector;
}

/** What the server stored for `tenant`, read from its PGlite directory (stop the server first). */
export async function storedEvents(dataDir: string, tenant: string): Promise<{ count: number; distinct: number; ids: string[] }> {
  const sql = await openDatabase({ dataDir, databaseUrl: undefined });
  try {
    const { rows } = await sql.query('SELECT id::text AS id FROM events WHERE tenant = $1', [tenant]);
    const ids = rows.map((r) => String(r.id));
    return { count: ids.length, distinct: new Set(ids).size, ids };
  } finally {
    await sql.close();
  }
}

/**
 * What the proxy does with each request:
 * - `pass`: forwards it;
 * - `error500`: answers 500 without forwarding;
 * - `error500-after`: forwards it (the server stores the events), then answers 500 instead;
 * - `hang`: never answers (the client times out);
 * - `hang-after`: forwards it, then never answers;
 * - `reset`: drops the connection.
 * When the server is down, the connection to the client is dropped, like a refused connection.
 */
export type ProxyMode = 'pass' | 'error500' | 'error500-after' | 'hang' | 'hang-after' | 'reset';

export interface ProxyLogEntry {
  method: string;
  path: string;
  ifNoneMatch: string | null;
  /** The status the client got, or the fault. */
  outcome: number | 'hang' | 'reset' | 'upstream-down';
  etag: string | null;
}

export interface FaultProxy {
  url: string;
  mode: ProxyMode;
  /** Requests answered with a fault, by mode (server-down drops included as `upstream-down`). */
  faults: Record<string, number>;
  log: ProxyLogEntry[];
  close(): Promise<void>;
}

export async function startFaultProxy(targetPort: number): Promise<FaultProxy> {
  const held = new Set<ServerResponse>();
  const faults: Record<string, number> = {};
  const log: ProxyLogEntry[] = [];
  const count = (k: string) => (faults[k] = (faults[k] ?? 0) + 1);

  const forward = (req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer } | null> =>
    new Promise((resolvePromise) => {
      const up = httpRequest(
        { host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: { ...req.headers, host: `127.0.0.1:${targetPort}` } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolvePromise({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', () => resolvePromise(null));
        },
      );
      up.on('error', () => resolvePromise(null));
      up.end(body);
    });

  const proxy: FaultProxy = { url: '', mode: 'pass', faults, log, close: async () => undefined };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const mode = proxy.mode;
        const entry: ProxyLogEntry = {
          method: req.method ?? '',
          path: req.url ?? '',
          ifNoneMatch: typeof req.headers['if-none-match'] === 'string' ? req.headers['if-none-match'] : null,
          outcome: 'hang',
          etag: null,
        };
        log.push(entry);
        if (mode === 'reset') {
          count('reset');
          entry.outcome = 'reset';
          return req.socket.destroy();
        }
        if (mode === 'error500') {
          count('error500');
          entry.outcome = 500;
          return res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"error":"injected fault"}');
        }
        if (mode === 'hang') {
          count('hang');
          held.add(res);
          return res.on('close', () => held.delete(res));
        }
        const up = await forward(req, Buffer.concat(chunks));
        if (!up) {
          count('upstream-down');
          entry.outcome = 'upstream-down';
          return req.socket.destroy();
        }
        if (mode === 'error500-after') {
          count('error500-after');
          entry.outcome = 500;
          return res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"error":"injected fault after the server answered"}');
        }
        if (mode === 'hang-after') {
          count('hang-after');
          held.add(res);
          return res.on('close', () => held.delete(res));
        }
        entry.outcome = up.status;
        entry.etag = typeof up.headers.etag === 'string' ? up.headers.etag : null;
        const headers = { ...up.headers };
        delete headers['transfer-encoding'];
        delete headers.connection;
        res.writeHead(up.status, headers).end(up.body);
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  proxy.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  proxy.close = async () => {
    for (const res of held) res.socket?.destroy();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  return proxy;
}
