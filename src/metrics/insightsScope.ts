import type { WaymarkEvent } from '../schema/event';
import { dayRangeOf, inRange, type DayRange } from './insightWindow';

/**
 * What every pure insights function is given: the range, who is in scope, and the privacy threshold.
 * The events may cover any time span: each metric picks the ones it needs (most only those in range;
 * first use and the habit window look further back).
 */
export interface InsightsInput {
  events: readonly WaymarkEvent[];
  from: string;
  to: string;
  /** The users of the chosen team; undefined: every user of the tenant. */
  users?: ReadonlySet<string>;
  minGroupSize: number;
}

export interface Scoped {
  range: DayRange;
  /** The events of in-scope users, at any time. */
  all: readonly WaymarkEvent[];
  /** The events of in-scope users in the range. */
  inRange: readonly WaymarkEvent[];
  minGroupSize: number;
}

export function scope(input: InsightsInput): Scoped {
  const range = dayRangeOf(input);
  const users = input.users;
  const all = users === undefined ? input.events : input.events.filter((e) => users.has(e.userId));
  return { range, all, inRange: all.filter((e) => inRange(range, e.ts)), minGroupSize: input.minGroupSize };
}

/** Distinct users with any event in the range: the size of the scope. */
export function activeUsers(input: InsightsInput): number {
  return new Set(scope(input).inRange.map((e) => e.userId)).size;
}

/** Adds `value` to the set kept under `key`. */
export function addTo<K>(map: Map<K, Set<string>>, key: K, value: string): void {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Set()));
  s.add(value);
}

/** Keeps the smallest `ts` per key. */
export function keepFirst<K>(map: Map<K, number>, key: K, ts: number): void {
  const had = map.get(key);
  if (had === undefined || ts < had) map.set(key, ts);
}
