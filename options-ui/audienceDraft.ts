import type { ElementFingerprint } from '../src/schema/fingerprint';
import type { Audience, Frequency, VisitRule } from '../src/schema/guidance';
import type { DocIssue } from '../src/schema/migrate';
import { cleanFingerprint } from './cleanFingerprint';

/**
 * The audience rules as the form edits them: numbers as typed, teams as one line of text, and the
 * element kept while "only when this element is present" is off, so that turning it back on restores it.
 */
export interface AudienceDraft {
  hasElement: boolean;
  element: ElementFingerprint;
  /** Team names separated by commas. */
  teams: string;
  visit: VisitRule['kind'];
  /** For `fromNth`. */
  nth: string;
  frequency: Frequency['kind'];
  /** For `everyNDays`. */
  days: string;
  priority: string;
}

export const DEFAULT_PRIORITY = 50;

export function newAudienceDraft(): AudienceDraft {
  return { hasElement: false, element: { tag: 'div' }, teams: '', visit: 'any', nth: '2', frequency: 'always', days: '7', priority: String(DEFAULT_PRIORITY) };
}

export function audienceToDraft(a: Audience): AudienceDraft {
  const d = newAudienceDraft();
  return {
    hasElement: a.elementPresent !== undefined,
    element: a.elementPresent ?? d.element,
    teams: (a.teams ?? []).join(', '),
    visit: a.visit.kind,
    nth: a.visit.kind === 'fromNth' ? String(a.visit.n) : d.nth,
    frequency: a.frequency.kind,
    days: a.frequency.kind === 'everyNDays' ? String(a.frequency.days) : d.days,
    priority: String(a.priority),
  };
}

/** The team names in the text: split at commas and line breaks, trimmed, empty ones dropped. */
export function parseTeams(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/**
 * A whole number as typed. When it is not one, the form reports it and a valid stand-in goes to the
 * schema, so the same field is not reported twice; ranges are the schema's to report.
 */
function whole(text: string, path: string, issues: DocIssue[], what: string, standIn: number): number {
  const t = text.trim();
  const n = t === '' ? Number.NaN : Number(t);
  if (!Number.isInteger(n)) {
    issues.push({ path, message: `enter ${what} as a whole number` });
    return standIn;
  }
  return n;
}

/**
 * The audience the draft describes, unvalidated, plus what only the form sees (a number that is not
 * one, a team listed twice). Paths are the document's (`audience.visit.n`).
 */
export function draftToAudienceRaw(d: AudienceDraft, base = 'audience'): { raw: Record<string, unknown>; issues: DocIssue[] } {
  const issues: DocIssue[] = [];
  const teams = parseTeams(d.teams);
  const seen = new Set<string>();
  teams.forEach((t, i) => {
    if (seen.has(t)) issues.push({ path: `${base}.teams.${i}`, message: `team “${t}” is listed twice` });
    seen.add(t);
  });
  const visit =
    d.visit === 'fromNth' ? { kind: 'fromNth', n: whole(d.nth, `${base}.visit.n`, issues, 'the visit', 2) } : { kind: d.visit };
  const frequency =
    d.frequency === 'everyNDays' ? { kind: 'everyNDays', days: whole(d.days, `${base}.frequency.days`, issues, 'the number of days', 1) } : { kind: d.frequency };
  const priority = d.priority.trim() === '' ? DEFAULT_PRIORITY : whole(d.priority, `${base}.priority`, issues, 'the priority', DEFAULT_PRIORITY);
  const raw = {
    ...(d.hasElement ? { elementPresent: cleanFingerprint(d.element) } : {}),
    ...(teams.length > 0 ? { teams } : {}),
    visit,
    frequency,
    priority,
  };
  return { raw, issues };
}

/** One line about who sees it and how often, for lists and the preview. */
export function describeAudience(a: Audience): string {
  const parts: string[] = [];
  parts.push(a.teams && a.teams.length > 0 ? `teams ${a.teams.join(', ')}` : 'everyone');
  if (a.visit.kind === 'first') parts.push('first visit');
  if (a.visit.kind === 'fromNth') parts.push(`from visit ${a.visit.n}`);
  if (a.frequency.kind === 'once') parts.push('once');
  if (a.frequency.kind === 'everyNDays') parts.push(`every ${a.frequency.days} ${a.frequency.days === 1 ? 'day' : 'days'}`);
  if (a.elementPresent) parts.push('when an element is present');
  return parts.join(' · ');
}
