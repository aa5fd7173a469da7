/**
 * `npm run bench:insights`: how long the insights queries take over 1M and 10M events, on PGlite and on
 * PostgreSQL.
 *
 * Data: the seeded simulator (tests/sim) replicated with distinct user ids until the event count is
 * reached (about 32 events per user over 8 weeks, 12 teams). Loading: the rollup tables the queries
 * read (`insight_daily`, `insight_user_days`, `insight_day_totals`, `insight_pairs`, `insight_user_spans`, `insight_spans`, `insight_team_totals`, `user_teams`) are
 * written directly, rows computed exactly as ingest computes them (bench/insights/rollupRows.ts), in
 * multi-row INSERTs of 20,000 rows; the raw `events` table is not loaded, because no insights query reads
 * it. Before loading, a sample replica is pushed through the real ingest path (reported teams, events in
 * per-browser batches, then the admin's team mapping, which moves pairs) and every rollup table compared
 * with the direct loader's.
 *
 * Queries: the real HTTP routes, in process (`app.request`, with auth, validation and suppression), over
 * the full 8 weeks (and one over the last week); each run once to warm up, then TIMED_RUNS times, the
 * median reported; from LARGE events on, timed once.
 *
 * Flags: --sizes=1m,10m (any of 100k, 1m, 10m…) --backends=pglite,postgres
 * Prints a table, then, as the last line, one JSON object {"bench":"insights","pglite1MFunnelMs":N,...}.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app';
import { createToken } from '../../server/auth/tokenStore';
import { openDatabase } from '../../server/db/openDatabase';
import type { Sql, SqlQueryable } from '../../server/db/sql';
import { insertEvents } from '../../server/store/eventStore';
import { publishFlow } from '../../server/store/flowStore';
import { assignTeams, recordReportedTeam } from '../../server/store/teamStore';
import { readFlow } from '../../src/schema/migrate';
import { simulate, SIM_FROM, SIM_TO } from '../../tests/sim/simulate';
import { findPostgres, startPostgres } from '../../tests/server/support/postgres';
import { addRows, rollupRows, type PairRow, type RollupRow, type SpanRow, type TeamTotalRow, type TotalRow, type UserSpanRow } from './rollupRows';

const TENANT = 'bench';
const TIMED_RUNS = 3;
/** From this many events on, each query is timed once: a 10M run would otherwise take an hour on 2 cores. */
const LARGE = 5_000_000;
const CHUNK = 20_000;

function flag(name: string, fallback: string): string {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : fallback;
}

const parseSize = (s: string): number => {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(s.trim());
  if (!m) throw new Error(`bad size ${s}: use e.g. 100k, 1m, 10m`);
  const mult = m[2]?.toLowerCase() === 'm' ? 1e6 : m[2]?.toLowerCase() === 'k' ? 1e3 : 1;
  return Math.round(Number(m[1]) * mult);
};
const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}K` : String(n));

const SIZES = flag('sizes', '1m,10m').split(',').map(parseSize);
const BACKENDS = flag('backends', 'postgres,pglite').split(',');

async function insertDaily(sql: Sql, tenant: string, rows: readonly RollupRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await sql.query(
      `INSERT INTO insight_daily (tenant, kind, subject, detail, day, user_id, n, first_ts, min_index)
       SELECT $1, kind, subject, detail, day, user_id, n, first_ts, min_index
       FROM jsonb_to_recordset($2::jsonb) AS x(kind text, subject text, detail text, day integer, user_id text, n integer, first_ts bigint, min_index integer)`,
      [tenant, JSON.stringify(rows.slice(i, i + CHUNK))],
    );
  }
}

async function insertUserDays(sql: Sql, tenant: string, rows: readonly { day: number; user_id: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await sql.query(
      `INSERT INTO insight_user_days (tenant, day, user_id)
       SELECT $1, day, user_id FROM jsonb_to_recordset($2::jsonb) AS x(day integer, user_id text)`,
      [tenant, JSON.stringify(rows.slice(i, i + CHUNK))],
    );
  }
}

async function insertTotals(sql: Sql, tenant: string, rows: readonly TotalRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await sql.query(
      `INSERT INTO insight_day_totals (tenant, kind, subject, detail, day, n, min_index)
       SELECT $1, kind, subject, detail, day, n, min_index
       FROM jsonb_to_recordset($2::jsonb) AS x(kind text, subject text, detail text, day integer, n bigint, min_index integer)`,
      [tenant, JSON.stringify(rows.slice(i, i + CHUNK))],
    );
  }
}

async function insertPairs(sql: Sql, tenant: string, rows: readonly PairRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await sql.query(
      `INSERT INTO insight_pairs (tenant, team, level, kind, subject, detail, day, prev, users)
       SELECT $1, team, level, kind, subject, detail, day, prev, users
       FROM jsonb_to_recordset($2::jsonb) AS x(team text, level smallint, kind text, subject text, detail text, day integer, prev integer, users integer)`,
      [tenant, JSON.stringify(rows.slice(i, i + CHUNK))],
    );
  }
}

async function insertUserSpans(sql: Sql, tenant: string, rows: readonly UserSpanRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await sql.query(
      `INSERT INTO insight_user_spans (tenant, user_id, metric, subject, detail, lo, hi, need, upto, value, bucket, team)
       SELECT $1, user_id, metric, subject, detail, lo, hi, need, upto, value, bucket, team
       FROM jsonb_to_recordset($2::jsonb) AS x(user_id text, metric text, subject text, detail text, lo integer, hi integer, need integer,
         upto integer, value bigint, bucket integer, team text)`,
      [tenant, JSON.stringify(rows.slice(i, i + CHUNK))],
    );
  }
}

async function insertSpans(sql: Sql, tenant: string, rows: readonly SpanRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await sql.query(
      `INSERT INTO insight_spans (tenant, metric, subject, detail, lo, hi, need, upto, bucket, team, users)
       SELECT $1, metric, subject, detail, lo, hi, need, upto, bucket, team, users
       FROM jsonb_to_recordset($2::jsonb) AS x(metric text, subject text, detail text, lo integer, hi integer, need integer, upto integer,
         bucket integer, team text, users integer)`,
      [tenant, JSON.stringify(rows.slice(i, i + CHUNK))],
    );
  }
}

async function insertTeamTotals(sql: Sql, tenant: string, rows: readonly TeamTotalRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await sql.query(
      `INSERT INTO insight_team_totals (tenant, team, kind, subject, detail, day, step_index, n)
       SELECT $1, team, kind, subject, detail, day, step_index, n
       FROM jsonb_to_recordset($2::jsonb) AS x(team text, kind text, subject text, detail text, day integer, step_index integer, n bigint)`,
      [tenant, JSON.stringify(rows.slice(i, i + CHUNK))],
    );
  }
}

async function insertTeams(sql: Sql, tenant: string, rows: readonly { user_id: string; reported: string | null; admin: string | null }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await sql.query(
      `INSERT INTO user_teams (tenant, user_id, reported_team, admin_team)
       SELECT $1, user_id, reported, admin FROM jsonb_to_recordset($2::jsonb) AS x(user_id text, reported text, admin text)`,
      [tenant, JSON.stringify(rows.slice(i, i + CHUNK))],
    );
  }
}

/** A replica of the simulated company: same behaviour, different people. */
function replica(i: number) {
  const s = simulate(20260105 + i);
  const users = s.users.map((u) => ({ ...u, userId: `r${i}-${u.userId}` }));
  return { flows: s.flows, users: users.map((u) => ({ ...u, events: u.events.map((e) => ({ ...e, userId: u.userId })) })) };
}

const TABLES: Record<string, string> = {
  insight_daily: 'kind, subject, detail, day, user_id, n, first_ts, min_index',
  insight_user_days: 'day, user_id',
  insight_day_totals: 'kind, subject, detail, day, n, min_index',
  // Moved pairs leave rows of 0 people behind, which no query counts.
  insight_pairs: 'team, level, kind, subject, detail, day, prev, users',
  insight_user_spans: 'user_id, metric, subject, detail, lo, hi, need, upto, value, bucket, team',
  insight_spans: 'metric, subject, detail, lo, hi, need, upto, bucket, team, users',
  insight_team_totals: 'team, kind, subject, detail, day, step_index, n',
};

const NUMERIC = new Set(['step_index', 'hi', 'lo', 'need', 'upto', 'value', 'bucket', 'day', 'n', 'first_ts', 'min_index', 'level', 'prev', 'users']);

const dump = async (sql: Sql, tenant: string) => {
  const out: Record<string, unknown> = {};
  for (const [table, cols] of Object.entries(TABLES)) {
    // Counts that moved to another team leave rows of 0 behind, which no query counts.
    const where = table === 'insight_pairs' || table === 'insight_spans' ? 'AND users <> 0' : table === 'insight_team_totals' ? 'AND n <> 0' : '';
    const order = cols.split(', ').map((c) => (NUMERIC.has(c) ? c : `${c} COLLATE "C"`));
    out[table] = (await sql.query(`SELECT ${cols} FROM ${table} WHERE tenant = $1 ${where} ORDER BY ${order.join(', ')}`, [tenant])).rows;
  }
  return out;
};

/** Each simulated user's effective team, as the collector derives it: the admin's mapping, else the reported one. */
const effectiveTeam = (u: { reportedTeam?: string | undefined; adminTeam?: string | undefined }) => u.adminTeam ?? u.reportedTeam;

/** The direct loader must write exactly what ingest writes, or the timings would be of other data. */
async function checkLoaderMatchesIngest(sql: Sql): Promise<void> {
  const r = replica(999);
  for (const u of r.users) {
    for (let i = 0; i < u.events.length; i += 500) {
      const batch = u.events.slice(i, i + 500);
      if (u.reportedTeam !== undefined) await recordReportedTeam(sql, 'verify-ingest', [u.userId], u.reportedTeam);
      await insertEvents(sql, 'verify-ingest', batch);
    }
  }
  await assignTeams(sql, 'verify-ingest', r.users.flatMap((u) => (u.adminTeam !== undefined ? [{ userId: u.userId, team: u.adminTeam }] : [])));
  const teams = new Map(r.users.map((u) => [u.userId, effectiveTeam(u)]));
  const rows = rollupRows(
    r.users.flatMap((u) => u.events),
    (id) => teams.get(id),
  );
  await insertDaily(sql, 'verify-direct', rows.daily);
  await insertUserDays(sql, 'verify-direct', rows.userDays);
  await insertTotals(sql, 'verify-direct', rows.totals);
  await insertPairs(sql, 'verify-direct', rows.pairs);
  await insertUserSpans(sql, 'verify-direct', rows.userSpans);
  await insertSpans(sql, 'verify-direct', rows.spans);
  await insertTeamTotals(sql, 'verify-direct', rows.teamTotals);
  const [a, b] = [await dump(sql, 'verify-ingest'), await dump(sql, 'verify-direct')];
  for (const t of Object.keys(TABLES)) {
    if (JSON.stringify(a[t]) !== JSON.stringify(b[t])) throw new Error(`the direct rollup loader disagrees with ingest on ${t}`);
  }
}

async function load(sql: Sql, target: number): Promise<{ events: number; users: number; rows: number; seconds: number }> {
  const t0 = performance.now();
  let events = 0;
  let users = 0;
  let rows = 0;
  const acc = { totals: new Map<string, TotalRow>(), pairs: new Map<string, PairRow>(), spans: new Map<string, SpanRow>(), teamTotals: new Map<string, TeamTotalRow>() };
  for (let i = 0; events < target; i++) {
    const r = replica(i);
    if (i === 0) for (const f of r.flows) {
      const read = readFlow(f);
      if (!read.ok) throw new Error('bad simulated flow');
      await publishFlow(sql, TENANT, read.value, 'bench');
    }
    // Take whole users until the target is reached.
    const take = [];
    for (const u of r.users) {
      if (events >= target) break;
      take.push(u);
      events += u.events.length;
    }
    const teams = new Map(take.map((u) => [u.userId, effectiveTeam(u)]));
    const roll = rollupRows(
      take.flatMap((u) => u.events),
      (id) => teams.get(id),
    );
    addRows(acc, roll);
    await insertDaily(sql, TENANT, roll.daily);
    await insertUserDays(sql, TENANT, roll.userDays);
    await insertUserSpans(sql, TENANT, roll.userSpans);
    await insertTeams(
      sql,
      TENANT,
      take.flatMap((u) => (u.reportedTeam ?? u.adminTeam ? [{ user_id: u.userId, reported: u.reportedTeam ?? null, admin: u.adminTeam ?? null }] : [])),
    );
    users += take.length;
    rows += roll.daily.length;
    if (i % 50 === 49) process.stderr.write(`  loaded ${events} events (${rows} rollup rows)\n`);
  }
  // Totals and pairs add up over replicas (different people on the same days): written once, at the end.
  await insertTotals(sql, TENANT, [...acc.totals.values()]);
  await insertPairs(sql, TENANT, [...acc.pairs.values()]);
  await insertSpans(sql, TENANT, [...acc.spans.values()]);
  await insertTeamTotals(sql, TENANT, [...acc.teamTotals.values()]);
  // Fresh statistics (and a visibility map for index-only scans), as autovacuum would leave them.
  for (const t of [...Object.keys(TABLES), 'user_teams']) await sql.query(`VACUUM ANALYZE ${t}`);
  return { events, users, rows, seconds: (performance.now() - t0) / 1000 };
}

const QUERIES: Record<string, string> = {
  Overview: `/v1/insights/overview?from=${SIM_FROM}&to=${SIM_TO}`,
  Funnel: `/v1/insights/flows?from=${SIM_FROM}&to=${SIM_TO}`,
  OneFlow: `/v1/insights/flows?from=${SIM_FROM}&to=${SIM_TO}&flowId=create-deal`,
  TeamFunnel: `/v1/insights/flows?from=${SIM_FROM}&to=${SIM_TO}&team=sales`,
  Features: `/v1/insights/features?from=${SIM_FROM}&to=${SIM_TO}`,
  Prompts: `/v1/insights/prompts?from=${SIM_FROM}&to=${SIM_TO}`,
  Stuck: `/v1/insights/stuck?from=${SIM_FROM}&to=${SIM_TO}`,
  Teams: `/v1/insights/teams?from=${SIM_FROM}&to=${SIM_TO}`,
  LastWeekFunnel: `/v1/insights/flows?from=2026-02-23&to=${SIM_TO}`,
};

/**
 * WAYMARK_BENCH_PROFILE=1: every statement the routes run is timed on stderr (ms and its first words),
 * to see where a query's time goes before changing it.
 */
function profiled(sql: Sql): Sql {
  const timed = (q: SqlQueryable): SqlQueryable => ({
    exec: (s) => q.exec(s),
    query: async (text, params) => {
      const t = performance.now();
      const r = await q.query(text, params);
      const ms = performance.now() - t;
      if (ms >= 5) process.stderr.write(`    ${ms.toFixed(0).padStart(6)} ms  ${text.replace(/\s+/g, ' ').slice(0, 110)}\n`);
      return r;
    },
  });
  return { ...timed(sql), kind: sql.kind, close: () => sql.close(), transaction: (fn) => sql.transaction((tx) => fn(timed(tx))) };
}

interface Row {
  backend: string;
  size: number;
  loaded: { events: number; users: number; rows: number; seconds: number };
  ms: Record<string, number>;
}

async function measure(backend: string, sql: Sql, size: number): Promise<Row> {
  await checkLoaderMatchesIngest(sql);
  process.stderr.write(`${backend} ${label(size)}: loading…\n`);
  const loaded = await load(sql, size);
  const { secret } = await createToken(sql, { tenant: TENANT, role: 'champion' });
  const app = createApp({ sql: process.env.WAYMARK_BENCH_PROFILE ? profiled(sql) : sql, limits: { maxBodyBytes: 1 << 20, rateLimit: { perSecond: 0, burst: 1 } }, log: (l) => console.error(l) });
  const ms: Record<string, number> = {};
  for (const [name, path] of Object.entries(QUERIES)) {
    const once = async () => {
      const t = performance.now();
      const res = await app.request(path, { headers: { Authorization: `Bearer ${secret}` } });
      const body = (await res.json()) as { suppressed?: boolean };
      if (res.status !== 200 || body.suppressed !== false) throw new Error(`${name}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      return performance.now() - t;
    };
    // Large sizes: one run (the data was just written, so it is as warm as it gets); else warm-up + median of 3.
    const runs = size >= LARGE ? 1 : TIMED_RUNS;
    if (runs > 1) await once();
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await once());
    ms[name] = Math.round([...times].sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0);
    process.stderr.write(`  ${name}: ${ms[name]} ms\n`);
  }
  return { backend, size, loaded, ms };
}

async function main(): Promise<void> {
  const results: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'waymark-bench-insights-'));
  try {
    for (const size of SIZES) {
      for (const backend of BACKENDS) {
        if (backend === 'pglite') {
          const d = join(dir, `pglite-${size}`);
          const sql = await openDatabase({ databaseUrl: undefined, dataDir: d });
          try {
            results.push(await measure('pglite', sql, size));
          } finally {
            await sql.close();
            rmSync(d, { recursive: true, force: true });
          }
          continue;
        }
        if (backend !== 'postgres') throw new Error(`unknown backend ${backend}`);
        const found = findPostgres();
        if (!found.ok) {
          console.error(`PostgreSQL skipped: ${found.reason}`);
          continue;
        }
        const pg = await startPostgres({ durable: true });
        try {
          const url = await pg.createDatabase('waymark_bench');
          const sql = await openDatabase({ databaseUrl: url, dataDir: join(dir, 'unused') });
          try {
            results.push(await measure('postgres', sql, size));
          } finally {
            await sql.close();
          }
        } finally {
          await pg.stop();
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(`\nInsights queries over 8 weeks of simulated use (ms; median of 3 runs after a warm-up, one run from ${label(LARGE)} events)\n`);
  const names = Object.keys(QUERIES);
  const table = [
    ['backend', 'events', 'users', 'rollup rows', 'load s', ...names],
    ...results.map((r) => [
      r.backend,
      String(r.loaded.events),
      String(r.loaded.users),
      String(r.loaded.rows),
      r.loaded.seconds.toFixed(1),
      ...names.map((n) => String(r.ms[n] ?? '')),
    ]),
  ];
  const widths = table[0]?.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length))) ?? [];
  for (const row of table) console.log(row.map((c, i) => c.padStart(widths[i] ?? 0)).join('  '));
  const json: Record<string, string | number> = { bench: 'insights' };
  for (const r of results) {
    for (const n of names) json[`${r.backend}${label(r.size)}${n}Ms`] = r.ms[n] ?? -1;
    json[`${r.backend}${label(r.size)}LoadSeconds`] = Math.round(r.loaded.seconds);
  }
  console.log(JSON.stringify(json));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
