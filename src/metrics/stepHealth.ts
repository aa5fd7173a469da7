import type { WaymarkEvent } from '../schema/event';

/** How often one step was shown, and how often its target could not be found or told apart. */
export interface StepHealth {
  flowId: string;
  stepId: string;
  shown: number;
  missing: number;
  ambiguous: number;
}

/**
 * Per step of each flow: shown, target missing, target ambiguous. A step whose target keeps going
 * missing is usually a guide that a host-app release broke.
 */
export function stepHealth(events: Iterable<WaymarkEvent>, flowId?: string): StepHealth[] {
  const byKey = new Map<string, StepHealth>();
  for (const e of events) {
    if (e.type !== 'step_shown' && e.type !== 'target_missing' && e.type !== 'target_ambiguous') continue;
    if (flowId !== undefined && e.flowId !== flowId) continue;
    const key = `${e.flowId}\u0000${e.stepId}`;
    let h = byKey.get(key);
    if (!h) {
      h = { flowId: e.flowId, stepId: e.stepId, shown: 0, missing: 0, ambiguous: 0 };
      byKey.set(key, h);
    }
    if (e.type === 'step_shown') h.shown++;
    else if (e.type === 'target_missing') h.missing++;
    else h.ambiguous++;
  }
  return [...byKey.values()].sort((a, b) => a.flowId.localeCompare(b.flowId) || a.stepId.localeCompare(b.stepId));
}
