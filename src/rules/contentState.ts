import { z } from 'zod';

/**
 * What one user has seen of one piece of content, as the background stores it (store `contentState`).
 * Counters only: never what the user typed or what the page said.
 */
export const ContentStateSchema = z.strictObject({
  /** `<kind>:<id>`, see `contentKey`. */
  key: z.string().min(3).max(140),
  /** Page views of a page the content applies to (this one included, once counted). */
  visits: z.number().int().min(0),
  lastVisitAt: z.number().int().min(0).nullable(),
  /** Page views on which the content was shown without being asked for (frequency capping counts these). */
  shown: z.number().int().min(0),
  lastShownAt: z.number().int().min(0).nullable(),
  /** Uses: prompts inserted, beacons opened. */
  used: z.number().int().min(0),
  /** When the user closed it for good: a survey answered or declined, a checklist or beacon closed. */
  closedAt: z.number().int().min(0).nullable(),
});
export type ContentState = z.infer<typeof ContentStateSchema>;

/**
 * The kinds of content with per-user state: the guidance kinds, a flow's survey, and the flow itself
 * (`used` counts its completions, which a later run of the same flow must not erase for checklists).
 */
export type StatefulKind = 'prompt' | 'tip' | 'beacon' | 'checklist' | 'survey' | 'flow';

export const contentKey = (kind: StatefulKind, id: string): string => `${kind}:${id}`;

export function emptyContentState(key: string): ContentState {
  return { key, visits: 0, lastVisitAt: null, shown: 0, lastShownAt: null, used: 0, closedAt: null };
}

/** Counts a page view. */
export function noteVisit(s: ContentState, now: number): ContentState {
  return { ...s, visits: s.visits + 1, lastVisitAt: now };
}

/** True when the content was already shown on the current page view. */
export function shownThisVisit(s: ContentState | undefined): boolean {
  return s !== undefined && s.lastShownAt !== null && s.lastVisitAt !== null && s.lastShownAt >= s.lastVisitAt;
}

/**
 * Counts a showing. Idempotent within a page view: the content re-rendered, or the report retried,
 * still counts once. `changed` says whether anything was recorded (and so whether to emit `content_shown`).
 */
export function noteShown(s: ContentState, now: number): { state: ContentState; changed: boolean } {
  if (shownThisVisit(s)) return { state: s, changed: false };
  return { state: { ...s, shown: s.shown + 1, lastShownAt: now }, changed: true };
}

export function noteUsed(s: ContentState): ContentState {
  return { ...s, used: s.used + 1 };
}

export function noteClosed(s: ContentState, now: number): ContentState {
  return s.closedAt !== null ? s : { ...s, closedAt: now };
}
