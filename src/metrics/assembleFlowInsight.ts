import type { FlowInsight, StepInsight } from '../schema/insights';
import type { FlowAggregate, FlowDef, StepAggregate } from './flowAggregate';
import { byteOrder, ratio, weekSeries, withheldBelow, type DayRange } from './insightWindow';
import { satisfaction } from './satisfaction';
import { timeSaved } from './timeSaved';

const emptyStep = (stepId: string, minIndex: number): StepAggregate => ({
  stepId,
  minIndex,
  reached: 0,
  shownEvents: 0,
  missingEvents: 0,
  confusedEvents: 0,
  time: { n: 0, median: null, p90: null },
});

/**
 * The steps in funnel order: the latest published version's steps, then any other step the events
 * named (an older version's), by their smallest index, then id.
 */
function orderedSteps(agg: FlowAggregate, def: FlowDef | undefined): { step: StepAggregate; index: number; title: string | null }[] {
  const byId = new Map(agg.steps.map((s) => [s.stepId, s]));
  const listed = (def?.steps ?? []).map((s, index) => ({ step: byId.get(s.id) ?? emptyStep(s.id, index), index, title: s.title }));
  const known = new Set(def?.steps.map((s) => s.id));
  const extra = agg.steps
    .filter((s) => !known.has(s.stepId))
    .sort((a, b) => a.minIndex - b.minIndex || byteOrder(a.stepId, b.stepId))
    .map((step) => ({ step, index: step.minIndex, title: null }));
  return [...listed, ...extra];
}

/** One flow's insights from its aggregate: the funnel, the drop-off step, step health, time saved, satisfaction. */
export function assembleFlowInsight(agg: FlowAggregate, def: FlowDef | undefined, range: DayRange, minGroupSize: number): FlowInsight {
  const ordered = orderedSteps(agg, def);
  const steps: StepInsight[] = ordered.map(({ step, index, title }, i) => {
    const next = ordered[i + 1];
    const dropped = Math.max(0, step.reached - (next === undefined ? agg.completed : next.step.reached));
    const t = withheldBelow(step.time, minGroupSize);
    return {
      stepId: step.stepId,
      index,
      title,
      reached: step.reached,
      dropped,
      dropRate: ratio(dropped, step.reached),
      timedUsers: t.n,
      medianMs: t.median,
      p90Ms: t.p90,
      shownEvents: step.shownEvents,
      missingEvents: step.missingEvents,
      missingRate: ratio(step.missingEvents, step.shownEvents),
      confusedEvents: step.confusedEvents,
    };
  });
  let dropOff: StepInsight | undefined;
  for (const s of steps) if (s.dropped > 0 && (dropOff === undefined || s.dropped > dropOff.dropped)) dropOff = s;
  return {
    flowId: agg.flowId,
    name: def?.name ?? null,
    latestVersion: def?.version ?? null,
    started: agg.started,
    completed: agg.completed,
    completionRate: ratio(agg.completed, agg.started),
    dismissed: agg.dismissed,
    dismissRate: ratio(agg.dismissed, agg.started),
    steps,
    dropOffStepId: dropOff?.stepId ?? null,
    timeSaved: timeSaved(agg.task, agg.completedRuns, def?.baselineMinutes, minGroupSize),
    satisfaction: satisfaction(agg.survey, agg.completed, minGroupSize),
    weeklyStarted: weekSeries(range, agg.weeklyStarted),
    weeklyCompleted: weekSeries(range, agg.weeklyCompleted),
  };
}

