import { dayOf } from '../../src/schema/insights';

const DAY_MS = 86_400_000;

/** The range the page opens with: the 28 days up to and including today (UTC), the habit window's length. */
export function defaultRange(now: number): { from: string; to: string } {
  return { from: dayOf(now - 27 * DAY_MS), to: dayOf(now) };
}
