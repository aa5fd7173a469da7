import type { Frequency, VisitRule } from '../schema/guidance';
import { shownThisVisit, type ContentState } from './contentState';

export const DAY_MS = 86_400_000;

/** Does the visit rule allow showing content on this page view? `visits` counts this one. */
export function visitAllowed(rule: VisitRule, visits: number): boolean {
  switch (rule.kind) {
    case 'any':
      return true;
    case 'first':
      return visits <= 1;
    case 'fromNth':
      return visits >= rule.n;
  }
}

/**
 * Does the frequency cap allow showing content unasked now? Content already shown on this page view
 * stays allowed, so that it does not vanish from under the user when the page state is recomputed.
 */
export function frequencyAllowed(freq: Frequency, s: ContentState | undefined, now: number): boolean {
  if (freq.kind === 'always' || s === undefined || shownThisVisit(s)) return true;
  if (freq.kind === 'once') return s.shown === 0;
  return s.lastShownAt === null || now - s.lastShownAt >= freq.days * DAY_MS;
}

/**
 * Is content for `teams` shown to a user of `team`? No teams: everyone. Labels are compared without
 * regard to case or surrounding spaces, since policy and authoring are typed by different people. A
 * user without a team sees only content meant for everyone.
 */
export function teamAllowed(teams: readonly string[] | undefined, team: string | undefined): boolean {
  if (!teams || teams.length === 0) return true;
  if (team === undefined) return false;
  const t = team.trim().toLowerCase();
  return teams.some((x) => x.trim().toLowerCase() === t);
}
