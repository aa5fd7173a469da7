import { STUCK_LIST_MAX, type FlowInsight, type StuckItem } from '../schema/insights';
import { byteOrder } from './insightWindow';

const ADVICE = {
  edit_step:
    'The step’s target is often not found: the host app probably changed. Open the step in the flow editor and pick its target again.',
  reach_team:
    'People see this step and give up. Reach the team: explain the task, ask what blocks them, or make the step clearer.',
} as const;

/**
 * The "stuck" list: steps reached by at least the minimum group size whose drop-off or target-missing
 * rate is above zero, highest rate first (ties: flow id, step index), each with what a champion can do.
 * A step whose target goes missing needs editing; a step people abandon needs their team reached.
 */
export function stuckSteps(flows: readonly FlowInsight[], minGroupSize: number): StuckItem[] {
  const items: StuckItem[] = [];
  for (const f of flows) {
    for (const s of f.steps) {
      if (s.reached < minGroupSize) continue;
      const drop = s.dropRate ?? 0;
      const missing = s.missingRate ?? 0;
      const rate = Math.max(drop, missing);
      if (rate <= 0) continue;
      const action = missing >= drop ? 'edit_step' : 'reach_team';
      items.push({
        flowId: f.flowId,
        flowName: f.name,
        stepId: s.stepId,
        stepIndex: s.index,
        stepTitle: s.title,
        reason: action === 'edit_step' ? 'target_missing' : 'drop_off',
        rate,
        reached: s.reached,
        dropRate: s.dropRate,
        missingRate: s.missingRate,
        action,
        advice: ADVICE[action],
      });
    }
  }
  items.sort((a, b) => b.rate - a.rate || byteOrder(a.flowId, b.flowId) || a.stepIndex - b.stepIndex);
  return items.slice(0, STUCK_LIST_MAX);
}
