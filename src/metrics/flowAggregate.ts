import type { WaymarkEvent } from '../schema/event';
import type { Flow } from '../schema/flow';
import { addTo, keepFirst, scope, type InsightsInput } from './insightsScope';
import { epochDay, mondayOf, quantilesOf, type Quantiles } from './insightWindow';

/**
 * The counts one flow's insights are assembled from. The pure reference (`flowAggregates`, below) and
 * the collector's SQL both produce exactly this; `assembleFlowInsight` turns it into the answer, so the
 * derived numbers (rates, the drop-off step, time saved) are computed once, in one place.
 */
export interface StepAggregate {
  stepId: string;
  /** The smallest `stepIndex` any event gave the step: orders steps the flow document does not list. */
  minIndex: number;
  /** Distinct users with `step_shown`. */
  reached: number;
  shownEvents: number;
  missingEvents: number;
  confusedEvents: number;
  /** Per user: first `step_completed` − first `step_shown` in the range, when not negative. */
  time: Quantiles;
}

export interface SurveyAggregate {
  answers: number;
  respondents: number;
  scoreSum: number;
  /** Answers per score 1…5. */
  distribution: [number, number, number, number, number];
}

export interface FlowAggregate {
  flowId: string;
  started: number;
  completed: number;
  dismissed: number;
  completedRuns: number;
  /** Every step any event in the range named, in any order. */
  steps: StepAggregate[];
  /** Per user: first `flow_completed` − first `flow_started` in the range, when not negative. */
  task: Quantiles;
  survey: SurveyAggregate;
  /** Distinct users per ISO week (keyed by the Monday's epoch day). */
  weeklyStarted: Map<number, number>;
  weeklyCompleted: Map<number, number>;
}

/** What the insights need of a flow document. */
export interface FlowDef {
  id: string;
  name: string;
  version: number;
  steps: { id: string; title: string }[];
  baselineMinutes?: number;
}

export const flowDefOf = (f: Flow): FlowDef => ({
  id: f.id,
  name: f.name,
  version: f.version,
  steps: f.steps.map((s) => ({ id: s.id, title: s.title })),
  ...(f.baselineMinutes !== undefined ? { baselineMinutes: f.baselineMinutes } : {}),
});

type FlowEvent = Extract<WaymarkEvent, { flowId: string }>;
type StepEvent = Extract<WaymarkEvent, { stepId: string }>;

const isFlowEvent = (e: WaymarkEvent): e is FlowEvent => 'flowId' in e;
const isStepEvent = (e: WaymarkEvent): e is StepEvent => 'stepId' in e;

/** Durations of users who have both a start and an end, end not before start. */
function pairedDurations(starts: Map<string, number>, ends: Map<string, number>): number[] {
  const out: number[] = [];
  for (const [user, end] of ends) {
    const start = starts.get(user);
    if (start !== undefined && end >= start) out.push(end - start);
  }
  return out;
}

function weekly(byWeek: Map<number, Set<string>>): Map<number, number> {
  return new Map([...byWeek].map(([w, s]) => [w, s.size]));
}

interface StepAcc {
  minIndex: number;
  shownUsers: Set<string>;
  shownEvents: number;
  missingEvents: number;
  confusedEvents: number;
  firstShown: Map<string, number>;
  firstCompleted: Map<string, number>;
}

interface FlowAcc {
  started: Set<string>;
  completed: Set<string>;
  dismissed: Set<string>;
  completedRuns: number;
  firstStart: Map<string, number>;
  firstComplete: Map<string, number>;
  steps: Map<string, StepAcc>;
  respondents: Set<string>;
  distribution: [number, number, number, number, number];
  weeklyStarted: Map<number, Set<string>>;
  weeklyCompleted: Map<number, Set<string>>;
}

const newFlowAcc = (): FlowAcc => ({
  started: new Set(),
  completed: new Set(),
  dismissed: new Set(),
  completedRuns: 0,
  firstStart: new Map(),
  firstComplete: new Map(),
  steps: new Map(),
  respondents: new Set(),
  distribution: [0, 0, 0, 0, 0],
  weeklyStarted: new Map(),
  weeklyCompleted: new Map(),
});

/** The reference: every flow with an event in the range (from in-scope users), by flow id. */
export function flowAggregates(input: InsightsInput): Map<string, FlowAggregate> {
  const { inRange } = scope(input);
  const flows = new Map<string, FlowAcc>();
  for (const e of inRange) {
    if (!isFlowEvent(e)) continue;
    let f = flows.get(e.flowId);
    if (!f) flows.set(e.flowId, (f = newFlowAcc()));
    const week = mondayOf(epochDay(e.ts));
    switch (e.type) {
      case 'flow_started':
        f.started.add(e.userId);
        keepFirst(f.firstStart, e.userId, e.ts);
        addTo(f.weeklyStarted, week, e.userId);
        break;
      case 'flow_completed':
        f.completed.add(e.userId);
        f.completedRuns++;
        keepFirst(f.firstComplete, e.userId, e.ts);
        addTo(f.weeklyCompleted, week, e.userId);
        break;
      case 'flow_dismissed':
        f.dismissed.add(e.userId);
        break;
      case 'survey_answered':
        f.respondents.add(e.userId);
        f.distribution[e.score - 1] = (f.distribution[e.score - 1] ?? 0) + 1;
        break;
      default:
        break;
    }
    if (!isStepEvent(e)) continue;
    let s = f.steps.get(e.stepId);
    if (!s) {
      s = {
        minIndex: e.stepIndex,
        shownUsers: new Set(),
        shownEvents: 0,
        missingEvents: 0,
        confusedEvents: 0,
        firstShown: new Map(),
        firstCompleted: new Map(),
      };
      f.steps.set(e.stepId, s);
    }
    s.minIndex = Math.min(s.minIndex, e.stepIndex);
    if (e.type === 'step_shown') {
      s.shownUsers.add(e.userId);
      s.shownEvents++;
      keepFirst(s.firstShown, e.userId, e.ts);
    } else if (e.type === 'step_completed') keepFirst(s.firstCompleted, e.userId, e.ts);
    else if (e.type === 'target_missing') s.missingEvents++;
    else if (e.type === 'step_confused') s.confusedEvents++;
  }

  const out = new Map<string, FlowAggregate>();
  for (const [flowId, f] of flows) {
    const answers = f.distribution.reduce((a, b) => a + b, 0);
    const scoreSum = f.distribution.reduce((a, n, i) => a + n * (i + 1), 0);
    out.set(flowId, {
      flowId,
      started: f.started.size,
      completed: f.completed.size,
      dismissed: f.dismissed.size,
      completedRuns: f.completedRuns,
      steps: [...f.steps].map(([stepId, s]) => ({
        stepId,
        minIndex: s.minIndex,
        reached: s.shownUsers.size,
        shownEvents: s.shownEvents,
        missingEvents: s.missingEvents,
        confusedEvents: s.confusedEvents,
        time: quantilesOf(pairedDurations(s.firstShown, s.firstCompleted)),
      })),
      task: quantilesOf(pairedDurations(f.firstStart, f.firstComplete)),
      survey: { answers, respondents: f.respondents.size, scoreSum, distribution: f.distribution },
      weeklyStarted: weekly(f.weeklyStarted),
      weeklyCompleted: weekly(f.weeklyCompleted),
    });
  }
  return out;
}

/** The aggregate of a flow with no event in the range. */
export const emptyFlowAggregate = (flowId: string): FlowAggregate => ({
  flowId,
  started: 0,
  completed: 0,
  dismissed: 0,
  completedRuns: 0,
  steps: [],
  task: { n: 0, median: null, p90: null },
  survey: { answers: 0, respondents: 0, scoreSum: 0, distribution: [0, 0, 0, 0, 0] },
  weeklyStarted: new Map(),
  weeklyCompleted: new Map(),
});
