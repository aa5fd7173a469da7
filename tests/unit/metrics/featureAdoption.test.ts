import { describe, expect, it } from 'vitest';
import { featureInsights, HABIT_DEFINITION } from '../../../src/metrics/featureAdoption';
import { promptInsights } from '../../../src/metrics/promptUsage';
import { DAY, eventBuilder, MIN } from './eventBuilder';

const at9 = (day: string) => Date.parse(`${day}T09:00:00.000Z`);

function scenario() {
  const { at, events } = eventBuilder();
  const x = { featureId: 'x' } as const;
  // v1: first use before the range; uses in three of the four habit weeks, and an outcome.
  at('v1', at9('2026-02-20'), { type: 'feature_used', ...x, firstUse: true });
  for (const d of ['2026-03-02', '2026-03-09', '2026-03-16']) at('v1', at9(d), { type: 'feature_used', ...x, firstUse: false });
  at('v1', at9('2026-03-16') + MIN, { type: 'feature_outcome', ...x });
  // v2: exposed, then first use ten minutes later; used again a week on (two habit weeks).
  at('v2', at9('2026-03-03'), { type: 'feature_seen', ...x });
  at('v2', at9('2026-03-03') + 10 * MIN, { type: 'feature_used', ...x, firstUse: true });
  at('v2', at9('2026-03-10'), { type: 'feature_used', ...x, firstUse: false });
  // v3: exposed before the range, first (only) use four days later, with an outcome.
  at('v3', at9('2026-03-01'), { type: 'feature_seen', ...x });
  at('v3', at9('2026-03-05'), { type: 'feature_used', ...x, firstUse: true });
  at('v3', at9('2026-03-05') + MIN, { type: 'feature_outcome', ...x });
  // v4: one use, never exposed (no feature_seen); v5: exposed only.
  at('v4', at9('2026-03-28'), { type: 'feature_used', ...x, firstUse: true });
  at('v5', at9('2026-03-20'), { type: 'feature_seen', ...x });
  // Outside the range: ignored.
  at('v6', at9('2026-03-30'), { type: 'feature_used', ...x, firstUse: true });
  return events;
}

const range = { from: '2026-03-02', to: '2026-03-29' };

describe('featureInsights (reference)', () => {
  it('computes first use, time to first use, repeat use, the ladder, the habit and weekly actives', () => {
    const [f] = featureInsights({ events: scenario(), ...range, minGroupSize: 2 });
    expect(f).toEqual({
      featureId: 'x',
      uses: 7,
      users: 4,
      firstUsers: 3,
      repeatUsers: 2,
      timeToFirstUse: { users: 2, medianMs: 10 * MIN, p90Ms: 4 * DAY },
      ladder: { touched: 4, repeated: 2, withOutcome: 1 },
      habit: { definition: HABIT_DEFINITION, windowFrom: '2026-03-02', windowTo: '2026-03-29', activeUsers: 4, habitualUsers: 1, habitRate: 0.25 },
      weeklyActiveUsers: [
        { weekStart: '2026-03-02', value: 3 },
        { weekStart: '2026-03-09', value: 2 },
        { weekStart: '2026-03-16', value: 1 },
        { weekStart: '2026-03-23', value: 1 },
      ],
    });
    expect(HABIT_DEFINITION).toMatch(/at least 3 of the last 4 weeks/);
  });

  it('looks back before the range for the habit window, and withholds small-sample times', () => {
    const [f] = featureInsights({ events: scenario(), from: '2026-03-28', to: '2026-03-29', minGroupSize: 5 });
    expect(f).toMatchObject({ uses: 1, users: 1, firstUsers: 1, timeToFirstUse: { users: 0, medianMs: null } });
    expect(f?.habit).toMatchObject({ windowFrom: '2026-03-02', activeUsers: 4, habitualUsers: 1 });
    expect(featureInsights({ events: scenario(), ...range, minGroupSize: 5 })[0]?.timeToFirstUse).toEqual({ users: 2, medianMs: null, p90Ms: null });
  });
});

describe('promptInsights (reference)', () => {
  it('counts uses, re-uses and ratings per template', () => {
    const { at, events } = eventBuilder();
    const t = at9('2026-03-03');
    for (let i = 0; i < 3; i++) at('w1', t + i * MIN, { type: 'prompt_used', templateId: 'p1', firstUse: i === 0 });
    at('w2', t, { type: 'prompt_used', templateId: 'p1', firstUse: true });
    at('w1', t + 5 * MIN, { type: 'prompt_rated', templateId: 'p1', rating: 'up' });
    at('w2', t + 5 * MIN, { type: 'prompt_rated', templateId: 'p1', rating: 'up' });
    at('w2', t + 6 * MIN, { type: 'prompt_rated', templateId: 'p1', rating: 'down' });
    at('w3', t, { type: 'prompt_rated', templateId: 'p2', rating: 'down' });
    expect(promptInsights({ events, ...range, minGroupSize: 5 })).toEqual([
      { templateId: 'p1', uses: 4, users: 2, reuses: 2, reusers: 1, thumbsUp: 2, thumbsDown: 1 },
      { templateId: 'p2', uses: 0, users: 0, reuses: 0, reusers: 0, thumbsUp: 0, thumbsDown: 1 },
    ]);
  });
});
