import { describe, expect, it } from 'vitest';
import { decideScope } from '../../../src/metrics/scopeSuppression';
import { teamInsights } from '../../../src/metrics/teamInsights';
import { suppressTeams } from '../../../src/metrics/teamSuppression';
import { eventBuilder } from './eventBuilder';

/** Sizes in the range; members as many as are active unless given. */
const sizes = (...s: ([string | null, number] | [string | null, number, number])[]) => s.map(([team, users, members]) => ({ team, users, members: members ?? users }));

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

  it('takes the complementary teams by members, smallest first, not by who was active in the range', () => {
    // c has the fewest active people in the range but the most members: d (fewer members) goes first.
    expect([...suppressTeams(sizes(['a', 20, 20], ['b', 3, 3], ['c', 6, 30], ['d', 9, 10]), 5)]).toEqual([
      ['b', 'small'],
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

describe('complementary suppression across ranges', () => {
  it('withholds the same teams beside a small one in two nearly equal ranges, so their difference reveals nothing', () => {
    // Team s (3 people) is small in every range. c (8 people) and d (7) both look as if they could
    // hide it; on the last day two more people of c are active. Ordered by activity in the range, the
    // first range would withhold c and the second d, and s would be the difference: the second range's
    // total minus what it shows, minus d's numbers that the first range showed.
    const { at, events } = eventBuilder();
    const teamOf = new Map<string, string>();
    const day = (d: number) => Date.parse(`2026-03-${String(d).padStart(2, '0')}T10:00:00Z`);
    const add = (team: string, n: number, activeOn: (i: number) => number) => {
      for (let i = 0; i < n; i++) {
        teamOf.set(`${team}${i}`, team);
        at(`${team}${i}`, day(activeOn(i)), { type: 'flow_started', flowId: 'f', flowVersion: 1 });
      }
    };
    add('s', 3, () => 2);
    add('c', 8, (i) => (i < 6 ? 2 : 5));
    add('d', 7, () => 3);
    add('big', 20, () => 4);
    const first = teamInsights({ events, from: '2026-03-01', to: '2026-03-04', minGroupSize: 5, teamOf });
    const second = teamInsights({ events, from: '2026-03-01', to: '2026-03-05', minGroupSize: 5, teamOf });
    const withheld = (r: typeof first) => r.teams.filter((t) => t.suppressed).map((t) => [t.team, t.suppressed ? t.why : null]);
    expect(withheld(first)).toEqual([
      ['d', 'complementary'],
      ['s', 'small'],
    ]);
    expect(withheld(second)).toEqual(withheld(first));
    // c is shown in both (6, then 8 active); s is always withheld together with d.
    expect(first.teams.find((t) => t.team === 'c')).toMatchObject({ suppressed: false, metrics: { activeUsers: 6 } });
    expect(second.teams.find((t) => t.team === 'c')).toMatchObject({ suppressed: false, metrics: { activeUsers: 8 } });
  });
});
