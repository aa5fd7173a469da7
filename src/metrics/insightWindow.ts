import { dayStartMs, type IsoDay } from '../schema/insights';

/**
 * Shared arithmetic of the insights: UTC days as integers (days since the epoch, which is also what the
 * collector's rollup tables store), ISO weeks, nearest-rank percentiles and capped ratios. The pure
 * reference metrics and the server's SQL both go through these, so the two cannot disagree on a
 * boundary or a rounding.
 */

export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) of a millisecond timestamp; the collector computes `ts / 86400000`. */
export const epochDay = (ms: number): number => Math.floor(ms / DAY_MS);
export const epochDayOf = (day: IsoDay): number => epochDay(dayStartMs(day));
export const isoDayOf = (epoch: number): IsoDay => new Date(epoch * DAY_MS).toISOString().slice(0, 10);

/** The epoch day of the Monday of the ISO week containing `epoch` (1970-01-01 was a Thursday). */
export const mondayOf = (epoch: number): number => epoch - ((((epoch + 3) % 7) + 7) % 7);

/** A query's range as epoch days, both inclusive. */
export interface DayRange {
  fromDay: number;
  toDay: number;
}

export const dayRangeOf = (q: { from: IsoDay; to: IsoDay }): DayRange => ({ fromDay: epochDayOf(q.from), toDay: epochDayOf(q.to) });

export const inRange = (r: DayRange, ms: number): boolean => {
  const d = epochDay(ms);
  return d >= r.fromDay && d <= r.toDay;
};

/** The Mondays (epoch days) of every ISO week that meets the range, in order. */
export function weeksOf(r: DayRange): number[] {
  const out: number[] = [];
  for (let m = mondayOf(r.fromDay); m <= r.toDay; m += 7) out.push(m);
  return out;
}

/** Weekly points for every week of the range, 0 where `counts` has none. */
export function weekSeries(r: DayRange, counts: ReadonlyMap<number, number>): { weekStart: IsoDay; value: number }[] {
  return weeksOf(r).map((m) => ({ weekStart: isoDayOf(m), value: counts.get(m) ?? 0 }));
}

/**
 * The nearest-rank percentile of ascending `sorted`: the first value whose position reaches the fraction
 * `p`, exactly as PostgreSQL's `percentile_disc` computes it (`ceil(p × n)`, in doubles).
 */
export function percentileDisc(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(p * n));
  return sorted[Math.min(n, rank) - 1] ?? null;
}

/** How many values a statistic was computed from, its median and its 90th percentile. */
export interface Quantiles {
  n: number;
  median: number | null;
  p90: number | null;
}

export function quantilesOf(values: readonly number[]): Quantiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, median: percentileDisc(sorted, 0.5), p90: percentileDisc(sorted, 0.9) };
}

/**
 * A statistic of how long people took is about people: computed from fewer than the minimum group size
 * it could describe one person, so it is withheld.
 */
export function withheldBelow(q: Quantiles, minGroupSize: number): Quantiles {
  return q.n >= minGroupSize ? q : { n: q.n, median: null, p90: null };
}

/** a / b, capped at 1; null when b is 0. */
export const ratio = (a: number, b: number): number | null => (b === 0 ? null : Math.min(1, a / b));

/** Bytewise order (as `COLLATE "C"`), so that ids sort the same everywhere. */
export const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
