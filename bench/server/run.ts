/**
 * `npm run bench:server`: collector ingest throughput, in events per second, on PGlite and on PostgreSQL.
 *
 * Each backend gets a fresh store and a real server process (`server/main.ts`, as `npm run server`
 * starts it), and receives EVENTS events as POST /v1/events batches of 500 over HTTP, CONCURRENCY
 * requests in flight (several browsers syncing at once). Bodies are built before the clock starts, so
 * the figure is the server's: parse, validate, insert, answer. PostgreSQL is a throwaway server from
 * the Debian package, with its default durability (fsync on), like PGlite's.
 *
 * Prints a table, then, as the last line, one JSON object:
 *   {"bench":"server","pgliteEventsPerSec":N,"postgresEventsPerSec":N}
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createToken } from '../../server/auth/tokenStore';
import { openDatabase } from '../../server/db/openDatabase';
import type { Sql } from '../../server/db/sql';
import { countEvents } from '../../server/store/eventStore';
import { INGEST_MAX_EVENTS, IngestResponseSchema } from '../../src/schema/api';
import { makeEvent } from '../../tests/server/support/fixtures';
import { findPostgres, startPostgres } from '../../tests/server/support/postgres';
import { spawnServer, waitForHealth } from '../../tests/server/support/processes';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000);
const BATCH = INGEST_MAX_EVENTS;
const CONCURRENCY = 4;
const TENANT = 'bench';

interface Result {
  backend: string;
  events: number;
  seconds: number;
  eventsPerSec: number;
  p50Ms: number;
  p95Ms: number;
}

/** Warm-up events, sent before the clock starts so that the JIT and connections are warm. */
const WARM_UP = 2 * BATCH;

function batches(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i += BATCH) {
    const events = Array.from({ length: Math.min(BATCH, n - i) }, (_, j) => makeEvent(i + j));
    out.push(JSON.stringify({ events, client: { installId: `bench-${i % 8}`, dropped: 0 } }));
  }
  return out;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** Sends every batch, CONCURRENCY at a time; checks each answer says every event was stored. */
async function load(url: string, token: string, bodies: string[]): Promise<{ seconds: number; latencies: number[] }> {
  let next = 0;
  const latencies: number[] = [];
  const worker = async () => {
    for (let i = next++; i < bodies.length; i = next++) {
      const t0 = performance.now();
      const res = await fetch(`${url}/v1/events`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: bodies[i],
      });
      const body = IngestResponseSchema.parse(await res.json());
      latencies.push(performance.now() - t0);
      if (res.status !== 200 || body.results.some((r) => r.status !== 'stored')) {
        throw new Error(`batch ${i}: HTTP ${res.status}, not all stored`);
      }
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { seconds: (performance.now() - start) / 1000, latencies: latencies.sort((a, b) => a - b) };
}

async function run(
  backend: string,
  config: { databaseUrl: string | undefined; dataDir: string },
  env: Record<string, string>,
): Promise<Result> {
  // The token is made before the server starts: a PGlite directory is one process's at a time.
  let sql: Sql = await openDatabase(config);
  const { secret } = await createToken(sql, { tenant: TENANT, role: 'employee', label: 'bench' });
  await sql.close();

  const warmUp = batches(WARM_UP);
  const bodies = batches(EVENTS);
  const server = await spawnServer({ ...env, RATE_LIMIT_PER_SECOND: '0' });
  let timing;
  try {
    await waitForHealth(server, 120_000);
    await load(server.url, secret, warmUp);
    timing = await load(server.url, secret, bodies);
  } finally {
    const code = await server.stop('SIGTERM');
    if (code !== 0) console.error(`${backend} server exited ${String(code)}:\n${server.output()}`);
  }

  sql = await openDatabase(config);
  const stored = await countEvents(sql, TENANT);
  await sql.close();
  if (stored !== WARM_UP + EVENTS) throw new Error(`${backend}: ${stored} events stored, expected ${WARM_UP + EVENTS}`);
  return {
    backend,
    events: EVENTS,
    seconds: timing.seconds,
    eventsPerSec: Math.round(EVENTS / timing.seconds),
    p50Ms: quantile(timing.latencies, 0.5),
    p95Ms: quantile(timing.latencies, 0.95),
  };
}

async function main(): Promise<void> {
  const results: Result[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'waymark-bench-'));
  try {
    results.push(await run('pglite', { databaseUrl: undefined, dataDir: join(dir, 'pglite') }, { DATA_DIR: join(dir, 'pglite') }));
    const found = findPostgres();
    if (!found.ok) console.error(`PostgreSQL skipped: ${found.reason}`);
    else {
      const pg = await startPostgres({ durable: true });
      try {
        const url = await pg.createDatabase('waymark_bench');
        results.push(await run('postgres', { databaseUrl: url, dataDir: join(dir, 'unused') }, { DATABASE_URL: url, DATA_DIR: join(dir, 'unused') }));
      } finally {
        await pg.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(`\nServer ingest: ${EVENTS} events per backend, batches of ${BATCH} over HTTP, ${CONCURRENCY} requests in flight\n`);
  const rows = [
    ['backend', 'events', 'seconds', 'events/s', 'batch p50 ms', 'batch p95 ms'],
    ...results.map((r) => [r.backend, String(r.events), r.seconds.toFixed(2), String(r.eventsPerSec), r.p50Ms.toFixed(1), r.p95Ms.toFixed(1)]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const r of rows) console.log(r.map((c, i) => c.padStart(widths[i] ?? 0)).join('  '));
  const of = (name: string) => results.find((r) => r.backend === name)?.eventsPerSec ?? null;
  console.log(JSON.stringify({ bench: 'server', pgliteEventsPerSec: of('pglite'), postgresEventsPerSec: of('postgres') }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
