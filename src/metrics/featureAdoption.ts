import { HABIT_DEFINITION, HABIT_MIN_ACTIVE_WEEKS, HABIT_WEEKS, type FeatureInsight } from '../schema/insights';
import { addTo, keepFirst, scope, type InsightsInput } from './insightsScope';
import { byteOrder, epochDay, isoDayOf, mondayOf, quantilesOf, ratio, weekSeries, withheldBelow, type DayRange, type Quantiles } from './insightWindow';

export { HABIT_DEFINITION };

/** The counts one feature's insights are assembled from: produced by the reference below and by the collector's SQL. */
export interface FeatureAggregate {
  featureId: string;
  uses: number;
  users: number;
  repeatUsers: number;
  /** Repeat users (≥ 2 uses) who also have a `feature_outcome` in the range. */
  repeatWithOutcome: number;
  /** Users whose first use ever falls in the range. */
  firstUsers: number;
  /** Of those, first use − first `feature_seen`, when seen no later than used. */
  timeToFirstUse: Quantiles;
  /** Users with a use in the habit window, and those active in ≥ 3 of its 4 weeks. */
  habitActive: number;
  habitual: number;
  /** Distinct users with a use, per ISO week (Monday's epoch day). */
  weekly: Map<number, number>;
}

/** The habit window: the 28 days ending on the range's last day, as epoch days. */
export const habitWindow = (r: DayRange): DayRange => ({ fromDay: r.toDay - HABIT_WEEKS * 7 + 1, toDay: r.toDay });

/** Which of the habit window's 7-day periods `day` falls in: 0 is the last (ending on `to`). */
export const habitPeriod = (r: DayRange, day: number): number => Math.floor((r.toDay - day) / 7);

export function assembleFeatureInsight(a: FeatureAggregate, range: DayRange, minGroupSize: number): FeatureInsight {
  const t = withheldBelow(a.timeToFirstUse, minGroupSize);
  const w = habitWindow(range);
  return {
    featureId: a.featureId,
    uses: a.uses,
    users: a.users,
    firstUsers: a.firstUsers,
    repeatUsers: a.repeatUsers,
    timeToFirstUse: { users: t.n, medianMs: t.median, p90Ms: t.p90 },
    ladder: { touched: a.users, repeated: a.repeatUsers, withOutcome: a.repeatWithOutcome },
    habit: {
      definition: HABIT_DEFINITION,
      windowFrom: isoDayOf(w.fromDay),
      windowTo: isoDayOf(w.toDay),
      activeUsers: a.habitActive,
      habitualUsers: a.habitual,
      habitRate: ratio(a.habitual, a.habitActive),
    },
    weeklyActiveUsers: weekSeries(range, a.weekly),
  };
}

export const emptyFeatureAggregate = (featureId: string): FeatureAggregate => ({
  featureId,
  uses: 0,
  users: 0,
  repeatUsers: 0,
  repeatWithOutcome: 0,
  firstUsers: 0,
  timeToFirstUse: { n: 0, median: null, p90: null },
  habitActive: 0,
  habitual: 0,
  weekly: new Map(),
});

interface Acc {
  any: boolean;
  uses: number;
  usesByUser: Map<string, number>;
  outcomeUsers: Set<string>;
  firstUseEver: Map<string, number>;
  firstSeenEver: Map<string, number>;
  habitPeriods: Map<string, Set<string>>;
  weekly: Map<number, Set<string>>;
}

const newAcc = (): Acc => ({
  any: false,
  uses: 0,
  usesByUser: new Map(),
  outcomeUsers: new Set(),
  firstUseEver: new Map(),
  firstSeenEver: new Map(),
  habitPeriods: new Map(),
  weekly: new Map(),
});

/** The reference aggregates, by feature id: every feature with a `feature_*` event in the range. */
export function featureAggregates(input: InsightsInput): Map<string, FeatureAggregate> {
  const { range, all } = scope(input);
  const hw = habitWindow(range);
  const accs = new Map<string, Acc>();
  for (const e of all) {
    if (e.type !== 'feature_used' && e.type !== 'feature_seen' && e.type !== 'feature_outcome') continue;
    let a = accs.get(e.featureId);
    if (!a) accs.set(e.featureId, (a = newAcc()));
    const day = epochDay(e.ts);
    const inside = day >= range.fromDay && day <= range.toDay;
    if (inside) a.any = true;
    if (e.type === 'feature_seen') {
      keepFirst(a.firstSeenEver, e.userId, e.ts);
      continue;
    }
    if (e.type === 'feature_outcome') {
      if (inside) a.outcomeUsers.add(e.userId);
      continue;
    }
    keepFirst(a.firstUseEver, e.userId, e.ts);
    if (day >= hw.fromDay && day <= hw.toDay) addTo(a.habitPeriods, e.userId, String(habitPeriod(range, day)));
    if (!inside) continue;
    a.uses++;
    a.usesByUser.set(e.userId, (a.usesByUser.get(e.userId) ?? 0) + 1);
    addTo(a.weekly, mondayOf(day), e.userId);
  }
  const out = new Map<string, FeatureAggregate>();
  for (const [featureId, a] of accs) {
    if (!a.any) continue;
    const repeaters = [...a.usesByUser].filter(([, n]) => n >= 2).map(([u]) => u);
    const firsts = [...a.firstUseEver].filter(([, ts]) => {
      const d = epochDay(ts);
      return d >= range.fromDay && d <= range.toDay;
    });
    const ttfu: number[] = [];
    for (const [u, used] of firsts) {
      const seen = a.firstSeenEver.get(u);
      if (seen !== undefined && seen <= used) ttfu.push(used - seen);
    }
    const periods = [...a.habitPeriods.values()];
    out.set(featureId, {
      featureId,
      uses: a.uses,
      users: a.usesByUser.size,
      repeatUsers: repeaters.length,
      repeatWithOutcome: repeaters.filter((u) => a.outcomeUsers.has(u)).length,
      firstUsers: firsts.length,
      timeToFirstUse: quantilesOf(ttfu),
      habitActive: periods.length,
      habitual: periods.filter((p) => p.size >= HABIT_MIN_ACTIVE_WEEKS).length,
      weekly: new Map([...a.weekly].map(([w, s]) => [w, s.size])),
    });
  }
  return out;
}

/**
 * Per feature, the reference: first-use count, time from first exposure to first use, repeat use,
 * weekly active users, the 30-day habit (`HABIT_DEFINITION`) and the ladder touched → repeated → with
 * an outcome. Sorted by id.
 */
export function featureInsights(input: InsightsInput & { featureId?: string }): FeatureInsight[] {
  const { range, minGroupSize } = scope(input);
  const aggs = featureAggregates(input);
  const ids = input.featureId !== undefined ? [input.featureId] : [...aggs.keys()].sort(byteOrder);
  return ids.map((id) => assembleFeatureInsight(aggs.get(id) ?? emptyFeatureAggregate(id), range, minGroupSize));
}
