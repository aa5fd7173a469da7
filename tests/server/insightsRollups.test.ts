import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../server/db/migrate';
import { openPgliteSql } from '../../server/db/pgliteSql';
import { openPostgresSql } from '../../server/db/postgresSql';
import type { Sql } from '../../server/db/sql';
import { insertEvents } from '../../server/store/eventStore';
import { ANY_EVENT_LEVEL, PAIR_LEVELS, type PairLevel } from '../../server/store/insightPairs';
import { peopleSql } from '../../server/store/insightPeople';
import { assignTeams, recordReportedTeam } from '../../server/store/teamStore';
import { epochDay, isoDayOf, mondayOf, type DayRange } from '../../src/metrics/insightWindow';
import { flowAggregates, type FlowAggregate } from '../../src/metrics/flowAggregate';
import { featureAggregates } from '../../src/metrics/featureAdoption';
import { promptInsights } from '../../src/metrics/promptUsage';
import { flowAggregatesSql } from '../../server/store/insightsFlowStore';
import { featureAggregatesSql } from '../../server/store/insightsFeatureStore';
import { promptInsightsSql } from '../../server/store/insightsPromptStore';
import { rollupRows } from '../../bench/insights/rollupRows';
import { spanBackfillSql, spanCountsSql, spanQuantilesSql } from '../../server/store/insightSpans';
import { TEAM_TOTALS_BACKFILL } from '../../server/store/insightTeamTotals';
import type { WaymarkEvent } from '../../src/schema/event';
import { createRng } from '../sim/rng';
import { simulate, type SimUser } from '../sim/simulate';
import { backends, backendTitle, stopSharedPostgres } from './support/backends';

afterAll(stopSharedPostgres);

/**
 * The rollups of migrations 0003 (`insight_pairs`, `insight_day_totals`) and 0004
 * (`insight_user_spans`, `insight_spans`, `insight_team_totals`; it drops 0003's `insight_timings`) checked
 * against their definitions, computed here independently from the events: after ingest in any order,
 * retries, team changes and concurrent batches, and after the migration's backfill.
 */

const sim = simulate(424242);
/** Enough people for every kind, a few dozen so that the checks stay quick. */
const people: SimUser[] = sim.users.filter((_, i) => i % 8 === 0);
const teamOf = (u: SimUser) => u.adminTeam ?? u.reportedTeam;

const COLS = {
  insight_day_totals: ['kind', 'subject', 'detail', 'day', 'n', 'min_index'],
  insight_pairs: ['team', 'level', 'kind', 'subject', 'detail', 'day', 'prev', 'users'],
  insight_daily: ['kind', 'subject', 'detail', 'day', 'user_id', 'n', 'first_ts', 'min_index'],
  insight_user_days: ['day', 'user_id'],
  insight_user_spans: ['user_id', 'metric', 'subject', 'detail', 'lo', 'hi', 'need', 'upto', 'value', 'bucket', 'team'],
  insight_spans: ['metric', 'subject', 'detail', 'lo', 'hi', 'need', 'upto', 'bucket', 'team', 'users'],
  insight_team_totals: ['team', 'kind', 'subject', 'detail', 'day', 'step_index', 'n'],
} as const;
const TEXT = new Set(['kind', 'subject', 'detail', 'user_id', 'team', 'metric']);

async function dump(sql: Sql, tenant: string, table: keyof typeof COLS): Promise<unknown[]> {
  const cols = COLS[table];
  const order = cols.map((c) => (TEXT.has(c) ? `${c} COLLATE "C"` : c)).join(', ');
  // Pairs that moved to another team leave rows of 0 behind; no query counts them.
  const where = table === 'insight_pairs' || table === 'insight_spans' ? 'AND users <> 0' : table === 'insight_team_totals' ? 'AND n <> 0' : '';
  return (await sql.query(`SELECT ${cols.join(', ')} FROM ${table} WHERE tenant = $1 ${where} ORDER BY ${order}`, [tenant])).rows;
}

const subjectOf = (e: WaymarkEvent): string => {
  const r = e as Partial<Record<'flowId' | 'featureId' | 'templateId' | 'contentId', string>>;
  return r.flowId ?? r.featureId ?? r.templateId ?? r.contentId ?? '';
};
const detailOf = (e: WaymarkEvent): string => {
  const r = e as { stepId?: string; score?: number; rating?: string };
  return r.stepId ?? (r.score !== undefined ? String(r.score) : undefined) ?? r.rating ?? '';
};

/** The pairs by their definition: per user and key, sorted distinct days, each with the one before (-1). */
function expectedPairs(users: readonly SimUser[], team: (u: SimUser) => string | undefined): unknown[] {
  const out = new Map<string, number>();
  for (const u of users) {
    const days = new Map<string, Set<number>>();
    const add = (key: string, day: number) => {
      const s = days.get(key) ?? new Set<number>();
      s.add(day);
      days.set(key, s);
    };
    for (const e of u.events) {
      for (const l of PAIR_LEVELS) {
        if ((l.kinds as readonly string[]).includes(e.type)) {
          add(JSON.stringify([l.level, e.type, l.subject ? subjectOf(e) : '', l.detail ? detailOf(e) : '']), epochDay(e.ts));
        }
      }
      add(JSON.stringify([ANY_EVENT_LEVEL, '', '', '']), epochDay(e.ts));
    }
    for (const [key, set] of days) {
      const [level, kind, subject, detail] = JSON.parse(key) as [number, string, string, string];
      let prev = -1;
      for (const day of [...set].sort((a, b) => a - b)) {
        const k = JSON.stringify([team(u) ?? '', level, kind, subject, detail, day, prev]);
        out.set(k, (out.get(k) ?? 0) + 1);
        prev = day;
      }
    }
  }
  const cmp = (a: unknown[], b: unknown[]) => {
    for (let i = 0; i < a.length; i++) {
      const x = a[i] as string | number;
      const y = b[i] as string | number;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
  return [...out]
    .map(([k, users]) => [...(JSON.parse(k) as unknown[]), users])
    .sort(cmp)
    .map(([team, level, kind, subject, detail, day, prev, users]) => ({ team, level, kind, subject, detail, day, prev, users }));
}

/** What the day totals must hold: their definition over `insight_daily` (itself checked elsewhere). */
async function expectedTotals(sql: Sql, tenant: string): Promise<unknown[]> {
  const totals = await sql.query(
    `SELECT kind, subject, detail, day, sum(n) AS n, min(min_index) AS min_index FROM insight_daily WHERE tenant = $1
     GROUP BY 1, 2, 3, 4 ORDER BY kind COLLATE "C", subject COLLATE "C", detail COLLATE "C", day`,
    [tenant],
  );
  return totals.rows;
}

async function expectRollupsMatch(sql: Sql, tenant: string, users: readonly SimUser[], team: (u: SimUser) => string | undefined): Promise<void> {
  const pairs = await dump(sql, tenant, 'insight_pairs');
  expect(pairs.length).toBeGreaterThan(0);
  expect(pairs).toEqual(expectedPairs(users, team));
  expect(await dump(sql, tenant, 'insight_day_totals')).toEqual(await expectedTotals(sql, tenant));
  // The spans (migration 0004) against their definition written out in JavaScript (bench/insights/rollupRows.ts), from the events.
  const teams = new Map(users.map((u) => [u.userId, team(u)]));
  const fromEvents = rollupRows(
    users.flatMap((u) => u.events),
    (id) => teams.get(id),
  );
  const userSpans = await dump(sql, tenant, 'insight_user_spans');
  expect(userSpans.length).toBeGreaterThan(0);
  expect(userSpans).toEqual(sortedAs(fromEvents.userSpans, COLS.insight_user_spans));
  expect(await dump(sql, tenant, 'insight_spans')).toEqual(sortedAs(fromEvents.spans, COLS.insight_spans));
  expect(await dump(sql, tenant, 'insight_team_totals')).toEqual(sortedAs(fromEvents.teamTotals, COLS.insight_team_totals));
}

/** Rows with exactly `cols`, in the order `dump` reads them (bytewise text). */
function sortedAs(rows: readonly object[], cols: readonly string[]): unknown[] {
  const pick = (r: object) => Object.fromEntries(cols.map((c) => [c, (r as Record<string, unknown>)[c]]));
  return rows.map(pick).sort((a, b) => {
    for (const c of cols) {
      const x = a[c] as string | number;
      const y = b[c] as string | number;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}

/** Every user's events in batches of at most `size`, shuffled across users and days (browsers that were offline). */
function shuffledBatches(users: readonly SimUser[], size: number, seed: number): { user: SimUser; events: WaymarkEvent[] }[] {
  const rng = createRng(seed);
  const batches = users.flatMap((u) => {
    const evs = [...u.events];
    for (let i = evs.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [evs[i], evs[j]] = [evs[j] as WaymarkEvent, evs[i] as WaymarkEvent];
    }
    const out = [];
    for (let i = 0; i < evs.length; i += size) out.push({ user: u, events: evs.slice(i, i + size) });
    return out;
  });
  for (let i = batches.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [batches[i], batches[j]] = [batches[j] as (typeof batches)[number], batches[i] as (typeof batches)[number]];
  }
  return batches;
}

it('migration 0004 backfills with the very SQL ingest uses (printed from server/store)', () => {
  const m = loadMigrations().find((x) => x.id === 4);
  expect(m?.sql).toContain(spanBackfillSql());
  expect(m?.sql).toContain(TEAM_TOTALS_BACKFILL);
});

describe.each(backends())('insights rollups of migration 0003 on $name', (backend) => {
  describe.skipIf(backend.skip)(backendTitle(backend), () => {
    it('follow their definitions through out-of-order batches, a retried batch (counted once) and team changes', async () => {
      const store = await backend.create();
      const sql = await store.open();
      try {
        for (const b of shuffledBatches(people, 16, 1)) {
          if (b.user.reportedTeam !== undefined) await recordReportedTeam(sql, 't', [b.user.userId], b.user.reportedTeam);
          await insertEvents(sql, 't', b.events);
        }
        await expectRollupsMatch(sql, 't', people, (u) => u.reportedTeam);

        // A retried batch stores nothing and changes no rollup.
        const derived = ['insight_pairs', 'insight_day_totals', 'insight_user_spans', 'insight_spans', 'insight_team_totals'] as const;
        const before = await Promise.all(derived.map((t) => dump(sql, 't', t)));
        for (const b of shuffledBatches(people, 11, 2).slice(0, 20)) expect((await insertEvents(sql, 't', b.events)).size).toBe(0);
        expect(await Promise.all(derived.map((t) => dump(sql, 't', t)))).toEqual(before);

        // The admin's mapping moves people's whole history to their team; clearing it moves it back.
        const mapped = people.filter((u) => u.adminTeam !== undefined);
        expect(mapped.length).toBeGreaterThan(0);
        await assignTeams(sql, 't', mapped.map((u) => ({ userId: u.userId, team: u.adminTeam ?? null })));
        await expectRollupsMatch(sql, 't', people, teamOf);
        const moved = people.slice(0, 5);
        await assignTeams(sql, 't', moved.map((u) => ({ userId: u.userId, team: 'elsewhere' })));
        await expectRollupsMatch(sql, 't', people, (u) => (moved.includes(u) ? 'elsewhere' : teamOf(u)));
        await assignTeams(sql, 't', moved.map((u) => ({ userId: u.userId, team: null })));
        await expectRollupsMatch(sql, 't', people, (u) => (moved.includes(u) ? u.reportedTeam : teamOf(u)));
      } finally {
        await sql.close();
        await store.dispose();
      }
    });

    it('recompute someone when a later batch only adds a second use of a day or an earlier start', async () => {
      const store = await backend.create();
      const sql = await store.open();
      try {
        const u = people.find((p) => p.events.some((e) => e.type === 'feature_used') && p.events.some((e) => e.type === 'step_shown'));
        const used = u?.events.find((e) => e.type === 'feature_used');
        const shown = u?.events.find((e) => e.type === 'step_shown');
        const completed = u?.events.find((e) => e.type === 'step_completed' && shown?.type === 'step_shown' && e.stepId === shown.stepId && e.flowId === shown.flowId);
        if (!used || !shown || !completed) throw new Error('the simulation has no user with a feature use and a completed step');
        const day = epochDay(used.ts) * 86_400_000;
        const at = (e: WaymarkEvent, ms: number, n: number): WaymarkEvent => ({ ...e, id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, ts: day + ms });
        const range: DayRange = { fromDay: epochDay(day), toDay: epochDay(day) };
        const repeat = async () => (await spanCountsSql(sql, 's', { range, metric: 'feature_repeat' })).reduce((n, r) => n + r.users, 0);
        const stepTime = async () => (await spanQuantilesSql(sql, 's', { range, metric: 'step' }))[0]?.time.median;
        await insertEvents(sql, 's', [at(used, 3_600_000, 1), at(shown, 7_200_000, 2), at(completed, 7_500_000, 3)]);
        expect(await repeat()).toBe(0);
        expect(await stepTime()).toBe(300_000);
        // The day's row exists: this batch creates no row, its use is later than the first, and yet it makes a repeat user.
        await insertEvents(sql, 's', [at(used, 5_000_000, 4)]);
        expect(await repeat()).toBe(1);
        // An earlier step shown on the same day: no new row, only a lower first ts.
        await insertEvents(sql, 's', [at(shown, 7_000_000, 5)]);
        expect(await stepTime()).toBe(500_000);
      } finally {
        await sql.close();
        await store.dispose();
      }
    });

    it('count the same people as the events for any range, team and week', async () => {
      const store = await backend.create();
      const sql = await store.open();
      try {
        for (const b of shuffledBatches(people, 50, 3)) {
          if (b.user.reportedTeam !== undefined) await recordReportedTeam(sql, 'r', [b.user.userId], b.user.reportedTeam);
          await insertEvents(sql, 'r', b.events);
        }
        const all = people.flatMap((u) => u.events);
        const first = Math.min(...all.map((e) => epochDay(e.ts)));
        const last = Math.max(...all.map((e) => epochDay(e.ts)));
        const rng = createRng(7);
        const checked = { times: 0, features: 0, prompts: 0 };
        const teams = [undefined, ...new Set(people.map((u) => u.reportedTeam).filter((t) => t !== undefined))];
        for (let i = 0; i < 25; i++) {
          // The first range starts before day 0 (1969-12-31): first days have prev -1, which must still count.
          const a = i === 0 ? -1 : rng.int(first - 3, last);
          const range: DayRange = { fromDay: a, toDay: i === 0 ? last : rng.int(a, last + 3) };
          const team = teams[i % teams.length];
          const inScope = all.filter((e) => {
            const d = epochDay(e.ts);
            const u = people.find((p) => p.userId === e.userId);
            return d >= range.fromDay && d <= range.toDay && (team === undefined || u?.reportedTeam === team);
          });
          const distinct = (evs: readonly WaymarkEvent[]) => new Set(evs.map((e) => e.userId)).size;
          const q = { range, ...(team !== undefined ? { team } : {}) };
          const active = await peopleSql(sql, 'r', { ...q, keys: [{ level: ANY_EVENT_LEVEL as PairLevel }] });
          expect(active.reduce((n, r) => n + r.users, 0)).toBe(distinct(inScope));
          const shown = await peopleSql(sql, 'r', { ...q, keys: [{ level: 0, kinds: ['step_shown'], subject: 'create-deal' }] });
          for (const r of shown) {
            expect(r.users).toBe(distinct(inScope.filter((e) => e.type === 'step_shown' && subjectOf(e) === 'create-deal' && detailOf(e) === r.detail)));
          }
          const expectedSteps = new Set(inScope.filter((e) => e.type === 'step_shown' && subjectOf(e) === 'create-deal').map(detailOf));
          expect(new Set(shown.map((r) => r.detail))).toEqual(expectedSteps);
          const weekly = await peopleSql(sql, 'r', { ...q, weekly: true, keys: [{ level: 2, kinds: ['feature_used'] }] });
          const byWeek = new Map<number, Set<string>>();
          for (const e of inScope) {
            if (e.type !== 'feature_used') continue;
            const w = mondayOf(epochDay(e.ts));
            byWeek.set(w, (byWeek.get(w) ?? new Set()).add(e.userId));
          }
          expect(new Map(weekly.map((r) => [r.week, r.users]))).toEqual(new Map([...byWeek].map(([w, s]) => [w, s.size])));

          // The metrics read from insight_spans (times, repeat use, the habit, time to first use) equal the
          // reference for this range and team, whatever its start.
          const input = {
            events: all,
            from: isoDayOf(range.fromDay),
            to: isoDayOf(range.toDay),
            minGroupSize: 5,
            ...(team !== undefined ? { users: new Set(people.filter((u) => u.reportedTeam === team).map((u) => u.userId)) } : {}),
          };
          const bySteps = (m: Map<string, FlowAggregate>) =>
            new Map([...m].map(([id, a]) => [id, { ...a, steps: [...a.steps].sort((x, y) => (x.stepId < y.stepId ? -1 : 1)) }]));
          expect(bySteps(await flowAggregatesSql(sql, 'r', q))).toEqual(bySteps(flowAggregates(input)));
          expect(await featureAggregatesSql(sql, 'r', q)).toEqual(featureAggregates(input));
          const prompts = [...(await promptInsightsSql(sql, 'r', q)).values()].sort((x, y) => (x.templateId < y.templateId ? -1 : 1));
          expect(prompts).toEqual(promptInsights(input));
          checked.times += [...flowAggregates(input).values()].reduce((n, a) => n + a.task.n + a.steps.reduce((k, st) => k + st.time.n, 0), 0);
          checked.features += [...featureAggregates(input).values()].reduce((n, a) => n + a.repeatUsers + a.habitual + a.timeToFirstUse.n + a.repeatWithOutcome, 0);
          checked.prompts += prompts.reduce((n, p) => n + p.reusers, 0);
        }
        // The ranges were not empty ones: every kind of span was counted somewhere.
        expect(checked.times).toBeGreaterThan(0);
        expect(checked.features).toBeGreaterThan(0);
        expect(checked.prompts).toBeGreaterThan(0);
      } finally {
        await sql.close();
        await store.dispose();
      }
    });

    it('0003 and 0004 backfill them from what schema 2 stored, as ingest would have', async () => {
      const store = await backend.create();
      const sql = store.config.databaseUrl !== undefined ? openPostgresSql(store.config.databaseUrl) : await openPgliteSql(undefined);
      try {
        const all = loadMigrations();
        await migrate(sql, all.filter((m) => m.id <= 2));
        // As a schema-2 collector stored them: events, their rollups and the teams, with no pairs yet.
        const events = people.flatMap((u) => u.events);
        await sql.query(
          `INSERT INTO events (tenant, id, type, user_id, ts, seq, flow_id, flow_version, step_id, step_index, feature_id, body)
           SELECT 'old', (e->>'id')::uuid, e->>'type', e->>'userId', (e->>'ts')::bigint, (e->>'seq')::bigint,
                  e->>'flowId', (e->>'flowVersion')::bigint, e->>'stepId', (e->>'stepIndex')::bigint, e->>'featureId', e
           FROM jsonb_array_elements($1::jsonb) AS e`,
          [JSON.stringify(events)],
        );
        await sql.query(
          `INSERT INTO insight_daily (tenant, kind, subject, detail, day, user_id, n, first_ts, min_index)
           SELECT tenant, type, COALESCE(flow_id, feature_id, body->>'templateId', body->>'contentId', ''),
                  COALESCE(step_id, body->>'score', body->>'rating', ''), (ts / 86400000)::integer, user_id, count(*), min(ts), min(step_index)
           FROM events WHERE tenant = 'old' GROUP BY 1, 2, 3, 4, 5, 6`,
        );
        await sql.query(`INSERT INTO insight_user_days (tenant, day, user_id) SELECT DISTINCT tenant, (ts / 86400000)::integer, user_id FROM events WHERE tenant = 'old'`);
        const teamRows = people.flatMap((u) => (u.reportedTeam ?? u.adminTeam ? [{ u: u.userId, r: u.reportedTeam ?? null, a: u.adminTeam ?? null }] : []));
        await sql.query(
          `INSERT INTO user_teams (tenant, user_id, reported_team, admin_team)
           SELECT 'old', u, r, a FROM jsonb_to_recordset($1::jsonb) AS x(u text, r text, a text)`,
          [JSON.stringify(teamRows)],
        );
        expect(await migrate(sql, all)).toEqual(all.filter((m) => m.id > 2).map((m) => m.id));

        // The same people through today's ingest, then the admin's mapping.
        for (const b of shuffledBatches(people, 500, 4)) {
          if (b.user.reportedTeam !== undefined) await recordReportedTeam(sql, 'new', [b.user.userId], b.user.reportedTeam);
          await insertEvents(sql, 'new', b.events);
        }
        await assignTeams(sql, 'new', people.flatMap((u) => (u.adminTeam !== undefined ? [{ userId: u.userId, team: u.adminTeam }] : [])));
        for (const table of Object.keys(COLS) as (keyof typeof COLS)[]) {
          const old = await dump(sql, 'old', table);
          expect(old.length, table).toBeGreaterThan(0);
          expect(old, table).toEqual(await dump(sql, 'new', table));
        }
        await expectRollupsMatch(sql, 'old', people, teamOf);
      } finally {
        await sql.close();
        await store.dispose();
      }
    });

    // Several collector instances (or one instance's concurrent requests) storing batches of the same people at once.
    if (backend.name === 'postgres') {
      it('stay exact when batches of the same people are stored concurrently', async () => {
        const store = await backend.create();
        const sql = await store.open();
        try {
          for (const u of people) if (u.reportedTeam !== undefined) await recordReportedTeam(sql, 'c', [u.userId], u.reportedTeam);
          const queue = shuffledBatches(people, 5, 5);
          await Promise.all(
            Array.from({ length: 6 }, async () => {
              for (let b = queue.shift(); b !== undefined; b = queue.shift()) await insertEvents(sql, 'c', b.events);
            }),
          );
          await expectRollupsMatch(sql, 'c', people, (u) => u.reportedTeam);
        } finally {
          await sql.close();
          await store.dispose();
        }
      });
    }
  });
});
