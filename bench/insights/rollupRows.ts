import type { WaymarkEvent } from '../../src/schema/event';
import { epochDay } from '../../src/metrics/insightWindow';
import { ANY_EVENT_LEVEL, PAIR_LEVELS } from '../../server/store/insightPairs';
import { TIMED } from '../../server/store/insightRollup';
import { SPAN_MAX, spanBucket } from '../../server/store/insightSpans';
import { HABIT_MIN_ACTIVE_WEEKS, HABIT_WEEKS } from '../../src/schema/insights';

/** One `insight_daily` row (migration 0002). */
export interface RollupRow {
  kind: string;
  subject: string;
  detail: string;
  day: number;
  user_id: string;
  n: number;
  first_ts: number;
  min_index: number | null;
}

/** One `insight_day_totals` row (migration 0003). */
export interface TotalRow {
  kind: string;
  subject: string;
  detail: string;
  day: number;
  n: number;
  min_index: number | null;
}

/** One `insight_pairs` row (migration 0003). */
export interface PairRow {
  team: string;
  level: number;
  kind: string;
  subject: string;
  detail: string;
  day: number;
  prev: number;
  users: number;
}

/** One `insight_team_totals` row (migration 0004). */
export interface TeamTotalRow {
  team: string;
  kind: string;
  subject: string;
  detail: string;
  day: number;
  step_index: number;
  n: number;
}

/** One `insight_user_spans` row (migration 0004). */
export interface UserSpanRow {
  user_id: string;
  metric: string;
  subject: string;
  detail: string;
  lo: number;
  hi: number;
  need: number;
  upto: number;
  value: number;
  bucket: number;
  team: string;
}

/** One `insight_spans` row (migration 0004). */
export interface SpanRow {
  metric: string;
  subject: string;
  detail: string;
  lo: number;
  hi: number;
  need: number;
  upto: number;
  bucket: number;
  team: string;
  users: number;
}

const minOrNull = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));

/**
 * The rollup rows ingest would produce for `events`: the same expressions as `ROLLUP_FACT_COLUMNS`,
 * `ROLLUP_UPSERT`, `TOTALS_UPSERT` (server/store/insightRollup.ts) and the pairs of
 * server/store/insightPairs.ts (keys from its `PAIR_LEVELS`), in JavaScript, so that the benchmark can
 * load millions of events' worth of rollups without pushing every event through the ingest statement.
 * `teamOf` is each user's effective team. Totals and pairs of several calls add up (`addRows`): a
 * user's events must all be in one call, since their pairs depend on all their days. The benchmark
 * checks the result against real ingest on a sample before it trusts this.
 */
export function rollupRows(
  events: readonly WaymarkEvent[],
  teamOf: (userId: string) => string | undefined = () => undefined,
): {
  daily: RollupRow[];
  userDays: { day: number; user_id: string }[];
  totals: TotalRow[];
  pairs: PairRow[];
  userSpans: UserSpanRow[];
  spans: SpanRow[];
  teamTotals: TeamTotalRow[];
} {
  const teamTotals = new Map<string, TeamTotalRow>();
  const daily = new Map<string, RollupRow>();
  const userDays = new Map<string, { day: number; user_id: string }>();
  const totals = new Map<string, TotalRow>();
  /** user → key → days */
  const keyed = new Map<string, Map<string, Set<number>>>();
  const addDay = (user: string, key: string, day: number) => {
    let m = keyed.get(user);
    if (!m) keyed.set(user, (m = new Map()));
    let s = m.get(key);
    if (!s) m.set(key, (s = new Set()));
    s.add(day);
  };
  for (const e of events) {
    const r = e as Partial<Record<'flowId' | 'featureId' | 'templateId' | 'contentId' | 'stepId' | 'rating', string>> & {
      score?: number;
      stepIndex?: number;
    };
    const subject = r.flowId ?? r.featureId ?? r.templateId ?? r.contentId ?? '';
    const detail = r.stepId ?? (r.score !== undefined ? String(r.score) : undefined) ?? r.rating ?? '';
    const day = epochDay(e.ts);
    const key = `${e.type}\u0000${subject}\u0000${detail}\u0000${day}\u0000${e.userId}`;
    const had = daily.get(key);
    const index = r.stepIndex ?? null;
    if (had) {
      had.n++;
      had.first_ts = Math.min(had.first_ts, e.ts);
      had.min_index = minOrNull(had.min_index, index);
    } else daily.set(key, { kind: e.type, subject, detail, day, user_id: e.userId, n: 1, first_ts: e.ts, min_index: index });
    userDays.set(`${day}\u0000${e.userId}`, { day, user_id: e.userId });
    addTeamTotal(teamTotals, { team: teamOf(e.userId) ?? '', kind: e.type, subject, detail, day, step_index: index ?? -1, n: 1 });
    const tkey = `${e.type}\u0000${subject}\u0000${detail}\u0000${day}`;
    const t = totals.get(tkey);
    if (t) {
      t.n++;
      t.min_index = minOrNull(t.min_index, index);
    } else totals.set(tkey, { kind: e.type, subject, detail, day, n: 1, min_index: index });
    for (const l of PAIR_LEVELS) {
      if (!(l.kinds as readonly string[]).includes(e.type)) continue;
      addDay(e.userId, [l.level, e.type, l.subject ? subject : '', l.detail ? detail : ''].join('\u0000'), day);
    }
    addDay(e.userId, [ANY_EVENT_LEVEL, '', '', ''].join('\u0000'), day);
  }
  const pairs = new Map<string, PairRow>();
  for (const [user, keys] of keyed) {
    const team = teamOf(user) ?? '';
    for (const [key, days] of keys) {
      const [level, kind, subject, detail] = key.split('\u0000') as [string, string, string, string];
      let prev = -1;
      for (const day of [...days].sort((a, b) => a - b)) {
        addPair(pairs, { team, level: Number(level), kind, subject, detail, day, prev, users: 1 });
        prev = day;
      }
    }
  }
  const dailyRows = [...daily.values()];
  const userSpans = spanRowsOf(dailyRows, teamOf);
  const spans = new Map<string, SpanRow>();
  for (const u of userSpans) {
    const row: SpanRow = { metric: u.metric, subject: u.subject, detail: u.detail, lo: u.lo, hi: u.hi, need: u.need, upto: u.upto, bucket: u.bucket, team: u.team, users: 1 };
    addSpan(spans, row);
  }
  return {
    daily: dailyRows,
    userDays: [...userDays.values()],
    totals: [...totals.values()],
    pairs: [...pairs.values()],
    userSpans,
    spans: [...spans.values()],
    teamTotals: [...teamTotals.values()],
  };
}

function addTeamTotal(into: Map<string, TeamTotalRow>, r: TeamTotalRow): void {
  const k = [r.team, r.kind, r.subject, r.detail, r.day, r.step_index].join('\u0000');
  const had = into.get(k);
  if (had) had.n += r.n;
  else into.set(k, { ...r });
}

function addSpan(into: Map<string, SpanRow>, r: SpanRow): void {
  const k = [r.metric, r.subject, r.detail, r.lo, r.hi, r.need, r.upto, r.bucket, r.team].join('\u0000');
  const had = into.get(k);
  if (had) had.users += r.users;
  else into.set(k, { ...r });
}

const groupBy = <T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> => {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const l = m.get(k);
    if (l) l.push(x);
    else m.set(k, [x]);
  }
  return m;
};

/** Sorted distinct days (with the first ts and the count of each) as (day, prev) pairs, prev −1 for the first. */
function dayPairs(rows: readonly RollupRow[]): { day: number; prev: number; ts: number; n: number }[] {
  const byDay = new Map<number, { ts: number; n: number }>();
  for (const r of rows) {
    const d = byDay.get(r.day);
    if (d) {
      d.ts = Math.min(d.ts, r.first_ts);
      d.n += r.n;
    } else byDay.set(r.day, { ts: r.first_ts, n: r.n });
  }
  let prev = -1;
  return [...byDay]
    .sort((a, b) => a[0] - b[0])
    .map(([day, d]) => {
      const p = { day, prev, ts: d.ts, n: d.n };
      prev = day;
      return p;
    });
}

/**
 * The `insight_user_spans` rows of these `insight_daily` rows, by the definitions of
 * server/store/insightSpans.ts, written out again in JavaScript (a second, independent spelling: the
 * benchmark and the tests compare it with what ingest and the backfill store).
 */
export function spanRowsOf(daily: readonly RollupRow[], teamOf: (userId: string) => string | undefined): UserSpanRow[] {
  const out: UserSpanRow[] = [];
  const push = (r: Omit<UserSpanRow, 'bucket' | 'team'>) => out.push({ ...r, bucket: spanBucket(r.value), team: teamOf(r.user_id) ?? '' });
  for (const [, rows] of groupBy(daily, (r) => r.user_id)) {
    const user = rows[0]?.user_id ?? '';
    // Step and task times: each start pair with each end pair whose ranges of a meet.
    for (const kind of ['step', 'task'] as const) {
      const { start, end } = TIMED[kind];
      const timed = rows.filter((r) => r.kind === start || r.kind === end);
      for (const [, key] of groupBy(timed, (r) => `${r.subject}\u0000${r.detail}`)) {
        const s = dayPairs(key.filter((r) => r.kind === start));
        const e = dayPairs(key.filter((r) => r.kind === end));
        for (const a of s) {
          for (const b of e) {
            const lo = Math.max(a.prev, b.prev);
            const hi = Math.min(a.day, b.day);
            if (lo < hi && b.ts >= a.ts) {
              const { subject, detail } = key[0] as RollupRow;
              push({ user_id: user, metric: kind, subject, detail, lo, hi, need: Math.max(a.day, b.day), upto: SPAN_MAX, value: b.ts - a.ts });
            }
          }
        }
      }
    }
    // Repeat use: tokens (a day, twice when it had two uses or more), each with the two before it.
    const triples = new Map<string, { day: number; p1: number; p2: number }[]>();
    for (const kind of ['feature_used', 'prompt_used']) {
      for (const [subject, key] of groupBy(rows.filter((r) => r.kind === kind), (r) => r.subject)) {
        const tokens = dayPairs(key).flatMap((d) => (d.n >= 2 ? [d.day, d.day] : [d.day]));
        const t = tokens.map((day, i) => ({ day, p1: tokens[i - 1] ?? -1, p2: tokens[i - 2] ?? -1 })).filter((x) => x.p2 < x.p1);
        if (kind === 'feature_used') triples.set(subject, t);
        for (const x of t) {
          push({ user_id: user, metric: kind === 'feature_used' ? 'feature_repeat' : 'prompt_repeat', subject, detail: '', lo: x.p2, hi: x.p1, need: x.day, upto: SPAN_MAX, value: 0 });
        }
      }
    }
    const features = groupBy(rows.filter((r) => r.kind.startsWith('feature_')), (r) => r.subject);
    for (const [subject, key] of features) {
      const used = dayPairs(key.filter((r) => r.kind === 'feature_used'));
      for (const o of dayPairs(key.filter((r) => r.kind === 'feature_outcome'))) {
        for (const x of triples.get(subject) ?? []) {
          const lo = Math.max(x.p2, o.prev);
          const hi = Math.min(x.p1, o.day);
          if (lo < hi) push({ user_id: user, metric: 'feature_repeat_outcome', subject, detail: '', lo, hi, need: Math.max(x.day, o.day), upto: SPAN_MAX, value: 0 });
        }
      }
      const first = used[0];
      const seen = key.filter((r) => r.kind === 'feature_seen').reduce<number | null>((m, r) => minOrNull(m, r.first_ts), null);
      if (first !== undefined && seen !== null && seen <= first.ts) {
        push({ user_id: user, metric: 'feature_ttfu', subject, detail: '', lo: -1, hi: first.day, need: first.day, upto: SPAN_MAX, value: first.ts - seen });
      }
      // The habit: the last days b of a range at which ≥ 3 of the 4 periods before it had a use, as runs.
      const periods = new Map<number, Set<number>>();
      for (const d of used) {
        for (let k = 0; k < HABIT_WEEKS * 7; k++) {
          const p = periods.get(d.day + k) ?? new Set<number>();
          p.add(Math.floor(k / 7));
          periods.set(d.day + k, p);
        }
      }
      const habitual = [...periods].filter(([, p]) => p.size >= HABIT_MIN_ACTIVE_WEEKS).map(([b]) => b).sort((a, b) => a - b);
      for (let i = 0; i < habitual.length; ) {
        let j = i;
        while (j + 1 < habitual.length && habitual[j + 1] === (habitual[j] ?? 0) + 1) j++;
        push({ user_id: user, metric: 'feature_habit', subject, detail: '', lo: -1, hi: SPAN_MAX, need: habitual[i] ?? 0, upto: habitual[j] ?? 0, value: 0 });
        i = j + 1;
      }
    }
  }
  return out;
}

function addPair(into: Map<string, PairRow>, p: PairRow): void {
  const k = [p.team, p.level, p.kind, p.subject, p.detail, p.day, p.prev].join('\u0000');
  const had = into.get(k);
  if (had) had.users += p.users;
  else into.set(k, { ...p });
}

/** Adds the totals and pairs of one `rollupRows` call into running maps. */
export function addRows(
  acc: { totals: Map<string, TotalRow>; pairs: Map<string, PairRow>; spans: Map<string, SpanRow>; teamTotals: Map<string, TeamTotalRow> },
  rows: { totals: TotalRow[]; pairs: PairRow[]; spans: SpanRow[]; teamTotals: TeamTotalRow[] },
): void {
  for (const s of rows.spans) addSpan(acc.spans, s);
  for (const t of rows.teamTotals) addTeamTotal(acc.teamTotals, t);
  for (const t of rows.totals) {
    const k = [t.kind, t.subject, t.detail, t.day].join('\u0000');
    const had = acc.totals.get(k);
    if (had) {
      had.n += t.n;
      had.min_index = minOrNull(had.min_index, t.min_index);
    } else acc.totals.set(k, { ...t });
  }
  for (const p of rows.pairs) addPair(acc.pairs, p);
}
