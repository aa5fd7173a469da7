import type { Flow } from '../schema/flow';
import { contentKey, type ContentState } from './contentState';
import { flowTouches } from './flowRuntime';
import type { Progress } from './progress';

/** The micro-survey to ask, as the overlay needs it. */
export interface SurveyView {
  flowId: string;
  flowVersion: number;
  flowName: string;
  question: string;
  allowComment: boolean;
}

/** A survey is asked after the flow, not days later: a completion older than this is not asked about. */
export const SURVEY_WINDOW_MS = 24 * 3600_000;

/**
 * The survey of the most recently completed flow that has one, when the user has neither answered nor
 * closed it, on a page the flow belongs to.
 */
export function pendingSurvey(
  flows: readonly Flow[],
  progress: readonly Progress[],
  states: ReadonlyMap<string, ContentState>,
  url: string,
  now: number,
): SurveyView | null {
  const byId = new Map(flows.filter((f) => f.status === 'published' && f.survey).map((f) => [f.id, f]));
  const done = progress.filter((p) => p.status === 'completed' && now - p.updatedAt <= SURVEY_WINDOW_MS).sort((a, b) => b.updatedAt - a.updatedAt);
  for (const p of done) {
    const flow = byId.get(p.flowId);
    if (!flow?.survey || !flowTouches(flow, url)) continue;
    if ((states.get(contentKey('survey', flow.id))?.closedAt ?? null) !== null) continue;
    return { flowId: flow.id, flowVersion: flow.version, flowName: flow.name, question: flow.survey.question, allowComment: flow.survey.allowComment };
  }
  return null;
}
