import { describe, expect, it } from 'vitest';
import type { FlowDef } from '../../../src/metrics/flowAggregate';
import { flowInsights } from '../../../src/metrics/flowInsights';
import { overviewInsights } from '../../../src/metrics/overviewInsights';
import { stuckSteps } from '../../../src/metrics/stuckSteps';
import { DAY, eventBuilder, MIN, T0 } from './eventBuilder';

const def: FlowDef = {
  id: 'f',
  name: 'Create a deal',
  version: 2,
  steps: [
    { id: 'a', title: 'Open deals' },
    { id: 'b', title: 'Fill the form' },
    { id: 'c', title: 'Save' },
  ],
  baselineMinutes: 10,
};

/** Seven users through a three-step flow, with numbers worked out by hand in the comments. */
function scenario() {
  const { at, events } = eventBuilder();
  const flow = { flowId: 'f', flowVersion: 2 } as const;
  const step = (stepId: string, stepIndex: number) => ({ ...flow, stepId, stepIndex });
  // Before the range: never counted.
  at('u8', T0 - DAY, { type: 'flow_started', ...flow });
  for (let i = 1; i <= 7; i++) {
    const u = `u${i}`;
    const start = T0 + i * MIN;
    at(u, start, { type: 'flow_started', ...flow });
    at(u, start + 1000, { type: 'step_shown', ...step('a', 0) });
    if (i === 7) {
      at(u, start + 5000, { type: 'flow_dismissed', ...step('a', 0) });
      continue;
    }
    at(u, start + 1000 + i * 1000, { type: 'step_completed', ...step('a', 0) }); // a: 1000…6000 ms
    at(u, start + 10_000, { type: 'step_shown', ...step('b', 1) });
    if (i >= 5) {
      at(u, start + 18_000, { type: 'target_missing', ...step('b', 1), waitedMs: 8000 });
      if (i === 5) at(u, start + 19_000, { type: 'step_confused', ...step('b', 1) });
      if (i === 6) at(u, start + 20_000, { type: 'flow_dismissed', ...step('b', 1) });
      continue;
    }
    at(u, start + 12_000, { type: 'step_completed', ...step('b', 1) }); // b: 2000 ms each
    at(u, start + 13_000, { type: 'step_shown', ...step('c', 2) });
    at(u, start + 13_000 + i * 500, { type: 'step_completed', ...step('c', 2) }); // c: 500…2000 ms
    at(u, start + (i + 1) * MIN, { type: 'flow_completed', ...flow }); // task: 2…5 min
    at(u, start + (i + 1) * MIN + 1000, { type: 'survey_answered', ...flow, score: [5, 4, 4, 2][i - 1] ?? 3 });
  }
  return events;
}

const range = { from: '2026-03-02', to: '2026-03-08' };

describe('flowInsights (reference)', () => {
  it('computes the funnel, drop-off, step times, dismiss and missing rates, time saved and satisfaction', () => {
    const [f] = flowInsights({ events: scenario(), ...range, minGroupSize: 3, flows: [def] });
    expect(f).toBeDefined();
    if (!f) return;
    expect(f).toMatchObject({ flowId: 'f', name: 'Create a deal', latestVersion: 2, started: 7, completed: 4, dismissed: 2 });
    expect(f.completionRate).toBeCloseTo(4 / 7, 12);
    expect(f.dismissRate).toBeCloseTo(2 / 7, 12);
    expect(f.steps.map((s) => [s.stepId, s.index, s.title, s.reached, s.dropped])).toEqual([
      ['a', 0, 'Open deals', 7, 1],
      ['b', 1, 'Fill the form', 6, 2],
      ['c', 2, 'Save', 4, 0],
    ]);
    expect(f.dropOffStepId).toBe('b');
    const [a, b, c] = f.steps;
    expect([a?.timedUsers, a?.medianMs, a?.p90Ms]).toEqual([6, 3000, 6000]);
    expect([b?.timedUsers, b?.medianMs, b?.p90Ms]).toEqual([4, 2000, 2000]);
    expect([c?.timedUsers, c?.medianMs, c?.p90Ms]).toEqual([4, 1000, 2000]);
    expect([b?.shownEvents, b?.missingEvents, b?.missingRate, b?.confusedEvents]).toEqual([6, 2, 2 / 6, 1]);
    expect(b?.dropRate).toBe(2 / 6);
    expect(f.timeSaved).toEqual({
      baselineMinutes: 10,
      completedRuns: 4,
      timedUsers: 4,
      medianTaskMs: 3 * MIN,
      p90TaskMs: 5 * MIN,
      savedMinutesPerTask: 7,
      savedMinutesTotal: 28,
    });
    expect(f.satisfaction).toEqual({ answers: 4, respondents: 4, meanScore: 3.75, distribution: [0, 1, 0, 2, 1], responseRate: 1 });
    expect(f.weeklyStarted).toEqual([{ weekStart: '2026-03-02', value: 7 }]);
    expect(f.weeklyCompleted).toEqual([{ weekStart: '2026-03-02', value: 4 }]);
  });

  it('withholds times and survey statistics computed from fewer people than the minimum group size', () => {
    const [f] = flowInsights({ events: scenario(), ...range, minGroupSize: 5, flows: [def] });
    expect(f?.steps[0]?.medianMs).toBe(3000); // 6 people
    expect(f?.steps[1]?.medianMs).toBeNull(); // 4 people
    expect(f?.timeSaved).toMatchObject({ timedUsers: 4, medianTaskMs: null, savedMinutesPerTask: null, savedMinutesTotal: null });
    expect(f?.satisfaction).toMatchObject({ answers: 4, meanScore: null, distribution: null });
  });

  it('counts only the chosen users, lists a flow asked for without events, and orders unknown steps by index', () => {
    const [f] = flowInsights({ events: scenario(), ...range, minGroupSize: 3, flows: [def], users: new Set(['u1', 'u2', 'u7']) });
    expect([f?.started, f?.completed, f?.dismissed]).toEqual([3, 2, 1]);
    expect(flowInsights({ events: scenario(), ...range, minGroupSize: 3, flows: [], flowId: 'nope' })).toEqual([
      expect.objectContaining({ flowId: 'nope', name: null, started: 0, steps: [], dropOffStepId: null, completionRate: null }),
    ]);
    const [undocumented] = flowInsights({ events: scenario(), ...range, minGroupSize: 3, flows: [] });
    expect(undocumented?.steps.map((s) => [s.stepId, s.index, s.title])).toEqual([
      ['a', 0, null],
      ['b', 1, null],
      ['c', 2, null],
    ]);
    expect(undocumented?.timeSaved.baselineMinutes).toBeNull();
  });

  it('lists stuck steps, the worst first, with the action that fits', () => {
    const flows = flowInsights({ events: scenario(), ...range, minGroupSize: 3, flows: [def] });
    const items = stuckSteps(flows, 3);
    expect(items.map((i) => [i.stepId, i.reason, i.action, i.rate])).toEqual([
      ['b', 'target_missing', 'edit_step', 2 / 6],
      ['a', 'drop_off', 'reach_team', 1 / 7],
    ]);
    expect(items[0]?.advice).toMatch(/pick its target again/);
    expect(stuckSteps(flows, 7).map((i) => i.stepId)).toEqual(['a']); // b was reached by 6 < 7
  });
});

describe('overviewInsights (reference)', () => {
  it('sums the scope: flow users, survey answers and the time saved over flows with a baseline', () => {
    const input = { events: scenario(), ...range, minGroupSize: 3 };
    const overview = overviewInsights(input, flowInsights({ ...input, flows: [def] }));
    expect(overview).toEqual({
      flowStartedUsers: 7,
      flowCompletedUsers: 4,
      featureUsers: 0,
      promptUses: 0,
      surveyAnswers: 4,
      meanSurveyScore: 3.75,
      savedMinutesTotal: 28,
      weeklyActiveUsers: [{ weekStart: '2026-03-02', value: 7 }],
    });
    expect(overviewInsights({ ...input, minGroupSize: 5 }, []).meanSurveyScore).toBeNull();
  });
});
