import type { FlowInsight } from '../../src/schema/insights';

export interface FunnelStage {
  label: string;
  users: number;
  /** The step that loses the most users. */
  dropOff: boolean;
}

/** The funnel's bars: started, each step (people who reached it, numbered from 1), completed. */
export function funnelStages(flow: FlowInsight): FunnelStage[] {
  return [
    { label: 'Started', users: flow.started, dropOff: false },
    ...flow.steps.map((s) => ({ label: `${s.index + 1}. ${s.title ?? s.stepId}`, users: s.reached, dropOff: s.stepId === flow.dropOffStepId })),
    { label: 'Completed', users: flow.completed, dropOff: false },
  ];
}
