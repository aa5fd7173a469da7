import type { FlowInsight } from '../schema/insights';
import { assembleFlowInsight } from './assembleFlowInsight';
import { emptyFlowAggregate, flowAggregates, type FlowDef } from './flowAggregate';
import { scope, type InsightsInput } from './insightsScope';
import { byteOrder } from './insightWindow';

export interface FlowInsightsInput extends InsightsInput {
  /** The flows' latest published documents (step order, titles, baseline). */
  flows: readonly FlowDef[];
  /** Only this flow (listed even without events). */
  flowId?: string;
}

/**
 * Per flow, the reference: the funnel (started, each step reached, completed; distinct users), the
 * drop-off step, median and p90 time per step, the dismiss rate, the `target_missing` rate by step,
 * time saved and satisfaction. Every flow with an event in the range, sorted by id.
 */
export function flowInsights(input: FlowInsightsInput): FlowInsight[] {
  const { range, minGroupSize } = scope(input);
  const aggs = flowAggregates(input);
  const defs = new Map(input.flows.map((f) => [f.id, f]));
  const ids = input.flowId !== undefined ? [input.flowId] : [...aggs.keys()].sort(byteOrder);
  return ids.map((id) => assembleFlowInsight(aggs.get(id) ?? emptyFlowAggregate(id), defs.get(id), range, minGroupSize));
}
