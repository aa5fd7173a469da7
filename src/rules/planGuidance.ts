import type { ElementFingerprint } from '../schema/fingerprint';
import type { Guidance } from '../schema/guidance';
import { frequencyAllowed, teamAllowed, visitAllowed } from './audienceRules';
import { checklistDone, type Achievements } from './checklistDone';
import { contentKey, shownThisVisit, type ContentState } from './contentState';
import type { PopupCandidate } from './pickPopup';
import { matchAny } from './urlPattern';

/** A piece of guidance that applies to the page and the user. */
export interface GuidanceItem {
  doc: Guidance;
  /**
   * Whether it may show without being asked for (a tip's hint icon, the prompt helper on focus, a beacon,
   * a checklist opening itself): the visit rule and the frequency cap allow it. Every item is listed in
   * the launcher either way: what the user opens themselves is not capped.
   */
  unasked: boolean;
  /** For a checklist: the ids of the items already done. Empty otherwise. */
  done: string[];
  /**
   * For a checklist: the ids of the items whose flow (`startsFlow`) can start on this page (its first
   * step is shown here). Filled by the background, which knows the flows; empty otherwise.
   */
  startable: string[];
}

/** Elements the content script is asked to look for; it reports the ids whose elements are all there. */
export interface PresenceCheck {
  id: string;
  targets: ElementFingerprint[];
}

export interface GuidanceContext {
  url: string;
  /** The user's team (sync settings or managed policy), when one is set. */
  team: string | undefined;
  now: number;
  /** Ids whose presence checks the content script reported as passed on this page. */
  present: ReadonlySet<string>;
  /** Per-user state by `contentKey`. */
  states: ReadonlyMap<string, ContentState>;
  achievements: Achievements;
}

export interface GuidancePlan {
  items: GuidanceItem[];
  checks: PresenceCheck[];
  /** What would pop up by itself; `pickPopup` chooses one. */
  candidates: PopupCandidate[];
  /**
   * What would pop up by itself once its elements are reported present. An auto-starting flow waits
   * for the page's first presence report rather than start ahead of one of these that outranks it.
   */
  pending: PopupCandidate[];
}

/** Does a published document apply to this URL and this user's team? (Before element presence.) */
export function guidanceTargets(doc: Guidance, url: string, team: string | undefined): boolean {
  return doc.status === 'published' && matchAny(doc.match, url) && teamAllowed(doc.audience.teams, team);
}

/**
 * Which guidance applies to a page: URL patterns, team, the elements that must be present (a beacon's
 * own target counts: a hotspot cannot pulse on nothing), beacons retired by a first use, the visit rule
 * and the frequency cap. Pure: the background passes in what it stored and what the page reported.
 */
export function planGuidance(docs: readonly Guidance[], ctx: GuidanceContext): GuidancePlan {
  const plan: GuidancePlan = { items: [], checks: [], candidates: [], pending: [] };
  for (const doc of docs) {
    if (!guidanceTargets(doc, ctx.url, ctx.team)) continue;
    const state = ctx.states.get(contentKey(doc.kind, doc.id));
    if (doc.kind === 'beacon' && beaconRetired(doc.featureId, state, ctx.achievements)) continue;
    const targets = [...(doc.audience.elementPresent ? [doc.audience.elementPresent] : []), ...(doc.kind === 'beacon' ? [doc.target] : [])];
    // The current page view counts as a visit even before the background has recorded it.
    const visits = Math.max(1, state?.visits ?? 0);
    const unasked = visitAllowed(doc.audience.visit, visits) && frequencyAllowed(doc.audience.frequency, state, ctx.now);
    const done = doc.kind === 'checklist' ? checklistDone(doc, ctx.achievements) : [];
    const popup = unasked ? popupOf(doc, state, done) : null;
    if (targets.length > 0) {
      plan.checks.push({ id: doc.id, targets });
      if (!ctx.present.has(doc.id)) {
        if (popup) plan.pending.push(popup);
        continue;
      }
    }
    plan.items.push({ doc, unasked, done, startable: [] });
    if (popup) plan.candidates.push(popup);
  }
  return plan;
}

/**
 * The pop-up a document makes when it may show unasked: a beacon, or a checklist not closed and not
 * finished (one finished on this page view stays, so the user sees it complete).
 */
function popupOf(doc: Guidance, state: ContentState | undefined, done: readonly string[]): PopupCandidate | null {
  if (doc.kind === 'beacon') return { kind: 'beacon', id: doc.id, priority: doc.audience.priority };
  if (doc.kind === 'checklist' && (state?.closedAt ?? null) === null && (done.length < doc.items.length || shownThisVisit(state))) {
    return { kind: 'checklist', id: doc.id, priority: doc.audience.priority };
  }
  return null;
}

/**
 * A beacon is shown until the user first uses its feature; one without a feature, until it is opened.
 */
export function beaconRetired(featureId: string | undefined, state: ContentState | undefined, a: Achievements): boolean {
  if (featureId !== undefined) return a.featuresUsed.has(featureId);
  return (state?.used ?? 0) > 0 || (state?.closedAt ?? null) !== null;
}
