import type { WaymarkEvent } from '../../src/schema/event';
import { epochDay } from '../../src/metrics/insightWindow';
import { ANY_EVENT_LEVEL, PAIR_LEVELS } from '../../server/store/insightPairs';
import { TIMED, type TimedKind } from '../../server/store/insightRollup';

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

/** One `insight_timings` row (migration 0003). */
export interface TimingRow {
  kind: TimedKind;
  subject: string;
  detail: string;
  user_id: string;
  s_first_day: number | null;
  s_first_ts: number | null;
  s_last_day: number | null;
  e_first_day: number | null;
  e_first_ts: number | null;
  e_last_day: number | null;
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

const minOrNull = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
const maxOrNull = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/**
 * The rollup rows ingest would produce for `events`: the same expressions as `ROLLUP_FACT_COLUMNS`,
 * `ROLLUP_UPSERT`, `TOTALS_UPSERT`, `TIMINGS_UPSERT` (server/store/insightRollup.ts) and the pairs of
 * server/store/insightPairs.ts (keys from its `PAIR_LEVELS`), in JavaScript, so that the benchmark can
 * load millions of events' worth of rollups without pushing every event through the ingest statement.
 * `teamOf` is each user's effective team. Totals and pairs of several calls add up (`addRows`): a
 * user's events must all be in one call, since their pairs depend on all their days. The benchmark
 * checks the result against real ingest on a sample before it trusts this.
 */
export function rollupRows(
  events: readonly WaymarkEvent[],
  teamOf: (userId: string) => string | undefined = () => undefined,
): { daily: RollupRow[]; userDays: { day: number; user_id: string }[]; totals: TotalRow[]; timings: TimingRow[]; pairs: PairRow[] } {
  const timings = new Map<string, TimingRow>();
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
    for (const kind of ['step', 'task'] as const) {
      const side = e.type === TIMED[kind].start ? 's' : e.type === TIMED[kind].end ? 'e' : null;
      if (side === null) continue;
      const k = `${kind}\u0000${subject}\u0000${detail}\u0000${e.userId}`;
      let t = timings.get(k);
      if (!t) {
        t = { kind, subject, detail, user_id: e.userId, s_first_day: null, s_first_ts: null, s_last_day: null, e_first_day: null, e_first_ts: null, e_last_day: null };
        timings.set(k, t);
      }
      t[`${side}_first_day`] = minOrNull(t[`${side}_first_day`], day);
      t[`${side}_first_ts`] = minOrNull(t[`${side}_first_ts`], e.ts);
      t[`${side}_last_day`] = maxOrNull(t[`${side}_last_day`], day);
    }
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
  return {
    daily: [...daily.values()],
    userDays: [...userDays.values()],
    totals: [...totals.values()],
    timings: [...timings.values()],
    pairs: [...pairs.values()],
  };
}

function addPair(into: Map<string, PairRow>, p: PairRow): void {
  const k = [p.team, p.level, p.kind, p.subject, p.detail, p.day, p.prev].join('\u0000');
  const had = into.get(k);
  if (had) had.users += p.users;
  else into.set(k, { ...p });
}

/** Adds the totals and pairs of one `rollupRows` call into running maps. */
export function addRows(acc: { totals: Map<string, TotalRow>; pairs: Map<string, PairRow> }, rows: { totals: TotalRow[]; pairs: PairRow[] }): void {
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
