import { describe, expect, it } from 'vitest';
import { decideScope } from '../../../src/metrics/scopeSuppression';
import { teamInsights } from '../../../src/metrics/teamInsights';
import { suppressTeams } from '../../../src/metrics/teamSuppression';
import { eventBuilder } from './eventBuilder';

const sizes = (...s: [string | null, number][]) => s.map(([team, users]) => ({ team, users }));

describe('suppressTeams', () => {
  it('withholds nothing when every team is large enough', () => {
    expect(suppressTeams(sizes(['a', 5], ['b', 9]), 5).size).toBe(0);
  });

  it('withholds a small team and the next smallest with it, so the small one cannot be subtracted out', () => {
    expect([...suppressTeams(sizes(['a', 10], ['b', 3], ['c', 8], ['d', 20]), 5)]).toEqual([
      ['b', 'small'],
      ['c', 'complementary'],
    ]);
  });

  it('keeps withholding until the withheld teams together reach the minimum group size', () => {
    const out = suppressTeams(sizes(['a', 10], ['b', 1], ['c', 2], ['d', 6], [null, 7]), 5);
    expect([...out]).toEqual([
      ['b', 'small'],
      ['c', 'small'],
      ['d', 'complementary'],
    ]);
  });

  it('withholds everything when the teams together are too small', () => {
    expect([...suppressTeams(sizes(['a', 2], ['b', 6]), 10).values()]).toEqual(['small', 'small']);
    expect([...suppressTeams(sizes(['a', 2]), 5)]).toEqual([['a', 'small']]);
  });
});

describe('decideScope', () => {
  const base = { from: '2026-03-01', to: '2026-03-31', minGroupSize: 5 };
  it('shows a scope of at least the minimum group size that the breakdown does not withhold', () => {
    expect(decideScope({ ...base, team: null }, 5, undefined)).toEqual({ suppressed: false, scope: { ...base, team: null, activeUsers: 5 } });
    expect(decideScope({ ...base, team: 'a' }, 4, 'small')).toMatchObject({ suppressed: true, scope: { activeUsers: null } });
    expect(decideScope({ ...base, team: 'c' }, 8, 'complementary')).toMatchObject({ suppressed: true, reason: expect.stringMatching(/worked out/) });
  });
});

describe('teamInsights (reference)', () => {
  it('breaks metrics down by effective team, users without a team last, with suppression applied', () => {
    const { at, events } = eventBuilder();
    const ts = Date.parse('2026-03-03T10:00:00Z');
    const teamOf = new Map<string, string>();
    for (let i = 0; i < 6; i++) {
      teamOf.set(`s${i}`, 'sales');
      at(`s${i}`, ts, { type: 'flow_started', flowId: 'f', flowVersion: 1 });
      if (i < 4) at(`s${i}`, ts + 1, { type: 'flow_completed', flowId: 'f', flowVersion: 1 });
    }
    for (let i = 0; i < 2; i++) {
      teamOf.set(`o${i}`, 'ops');
      at(`o${i}`, ts, { type: 'feature_used', featureId: 'x', firstUse: true });
    }
    for (let i = 0; i < 5; i++) at(`n${i}`, ts, { type: 'feature_used', featureId: 'x', firstUse: true });
    const r = teamInsights({ events, from: '2026-03-01', to: '2026-03-31', minGroupSize: 5, teamOf });
    expect(r.total).toEqual({ activeUsers: 13, flowStartedUsers: 6, flowCompletedUsers: 4, featureUsers: 7 });
    expect(r.teams).toEqual([
      { team: 'ops', suppressed: true, why: 'small' },
      { team: 'sales', suppressed: false, metrics: { activeUsers: 6, flowStartedUsers: 6, flowCompletedUsers: 4, featureUsers: 0 } },
      { team: null, suppressed: true, why: 'complementary' },
    ]);
  });
});
