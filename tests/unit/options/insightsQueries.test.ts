import { describe, expect, it } from 'vitest';
import { defaultRange } from '../../../options-ui/insights/defaultRange';
import { funnelStages } from '../../../options-ui/insights/funnelStages';
import { requestsFor } from '../../../options-ui/insights/useInsightsQueries';
import { AdminRequestSchemas } from '../../../src/messages/protocol';
import type { FlowInsight } from '../../../src/schema/insights';

describe('the insights page queries', () => {
  it('ask every kind once, scoped to the team, except the team breakdown', () => {
    const rs = requestsFor({ from: '2026-01-05', to: '2026-03-01', team: 'sales' });
    expect(rs.map((r) => r.kind).sort()).toEqual(['features', 'flows', 'overview', 'prompts', 'stuck', 'teams']);
    for (const r of rs) {
      expect(r.params).toEqual(r.kind === 'teams' ? { from: '2026-01-05', to: '2026-03-01' } : { from: '2026-01-05', to: '2026-03-01', team: 'sales' });
      // Each is a message the background accepts.
      expect(AdminRequestSchemas['admin/insights/query'].safeParse({ type: 'admin/insights/query', query: r }).success).toBe(true);
    }
    expect(requestsFor({ from: '2026-01-05', to: '2026-03-01', team: null }).every((r) => !('team' in r.params))).toBe(true);
  });

  it('default to the 28 days up to today (UTC)', () => {
    expect(defaultRange(Date.parse('2026-03-01T23:59:00Z'))).toEqual({ from: '2026-02-02', to: '2026-03-01' });
  });
});

describe('funnelStages', () => {
  it('lists started, each step numbered from 1, completed, and marks the drop-off step', () => {
    const step = (stepId: string, index: number, title: string | null, reached: number) => ({
      stepId, index, title, reached, dropped: 0, dropRate: null, timedUsers: 0, medianMs: null, p90Ms: null, shownEvents: 0, missingEvents: 0, missingRate: null, confusedEvents: 0,
    });
    const flow = {
      flowId: 'f', started: 10, completed: 4, dropOffStepId: 'b',
      steps: [step('a', 0, 'Open', 10), step('b', 1, null, 9)],
    } as unknown as FlowInsight;
    expect(funnelStages(flow)).toEqual([
      { label: 'Started', users: 10, dropOff: false },
      { label: '1. Open', users: 10, dropOff: false },
      { label: '2. b', users: 9, dropOff: true },
      { label: 'Completed', users: 4, dropOff: false },
    ]);
  });
});
