/** Something that would pop up by itself: an auto-started flow, a beacon, a checklist opening itself, a survey. */
export interface PopupCandidate {
  kind: 'flow' | 'beacon' | 'checklist' | 'survey';
  id: string;
  /** 0-100, higher first (`AudienceSchema.priority`). */
  priority: number;
}

/** An auto-starting flow competes with this priority (flows have no audience of their own). */
export const AUTO_FLOW_PRIORITY = 50;
/** A survey asks about a flow the user has just finished: it goes before anything new. */
export const SURVEY_PRIORITY = 100;

/**
 * At most one thing pops up at once: the highest priority wins; ties go to the kind listed first in
 * `KIND_ORDER`, then to the smaller id, so the choice is the same on every page load.
 */
export function pickPopup(candidates: readonly PopupCandidate[]): PopupCandidate | null {
  let best: PopupCandidate | null = null;
  for (const c of candidates) if (!best || before(c, best)) best = c;
  return best;
}

const KIND_ORDER: Record<PopupCandidate['kind'], number> = { survey: 0, flow: 1, checklist: 2, beacon: 3 };

function before(a: PopupCandidate, b: PopupCandidate): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] < KIND_ORDER[b.kind];
  return a.id < b.id;
}

/** The flow side of a page: none, a run on screen (resumed, or started by a link or the launcher), or an auto start. */
export type FlowSide = { kind: 'none' } | { kind: 'shown'; flowId: string } | { kind: 'auto'; flowId: string };

/** What the page has told about its elements so far. */
export interface Presence {
  /** Pop-ups waiting for their elements (`GuidancePlan.pending`). */
  pending: readonly PopupCandidate[];
  /** The page has looked for them (found or given up): what is still pending is not there. */
  settled: boolean;
}

/**
 * Chooses the one pop-up of a page. A flow already on screen, or one the user asked for, keeps the
 * page to itself. A flow that would start by itself competes with the rest at `AUTO_FLOW_PRIORITY`,
 * and starts only if it wins; until the page has looked for the elements of pop-ups that would outrank
 * it, it waits (without that, it would start a moment before a beacon of higher priority was found).
 */
export function arbitratePopups(
  flow: FlowSide,
  candidates: readonly PopupCandidate[],
  presence: Presence = { pending: [], settled: true },
): { popup: PopupCandidate | null; startAuto: boolean } {
  if (flow.kind === 'shown') return { popup: { kind: 'flow', id: flow.flowId, priority: AUTO_FLOW_PRIORITY }, startAuto: false };
  if (flow.kind === 'none') return { popup: pickPopup(candidates), startAuto: false };
  const auto: PopupCandidate = { kind: 'flow', id: flow.flowId, priority: AUTO_FLOW_PRIORITY };
  if (!presence.settled && presence.pending.some((p) => pickPopup([p, auto]) === p)) return { popup: pickPopup(candidates), startAuto: false };
  const popup = pickPopup([...candidates, auto]);
  return { popup, startAuto: popup === auto };
}
