import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestResponseSchema } from '../../src/schema/api';
import { OverviewResponseSchema, TeamInsightsResponseSchema, type TeamInsightsResponse } from '../../src/schema/insights';
import { eventBuilder } from '../unit/metrics/eventBuilder';
import { backends, backendTitle, stopSharedPostgres } from './support/backends';
import { serveBackend, type Client } from './support/harness';

/**
 * The differencing attack on complementary suppression, through the real API: a small team must stay
 * hidden not only in each answer but across answers for nearly equal ranges. Team s (3 people) is
 * small everywhere; c (8 people) and d (7) can each hide it; two more people of c are active on the
 * last day of the second range. If the team withheld beside s followed activity in the range, the first
 * range would withhold c and show d, the second withhold d and show c, and s would be the second
 * range's total minus what it shows minus d's numbers from the first range.
 */

afterAll(stopSharedPostgres);

const day = (d: number) => Date.parse(`2026-03-${String(d).padStart(2, '0')}T10:00:00Z`);

describe.each(backends())('complementary suppression across ranges on $name', (backend) => {
  describe.skipIf(backend.skip)(backendTitle(backend), () => {
    const server = serveBackend(backend);
    let champion: Client;

    beforeAll(async () => {
      const employee = server().client(await server().token('diff', 'employee'));
      champion = server().client(await server().token('diff', 'champion'));
      const teams: [string, number, (i: number) => number][] = [
        ['s', 3, () => 2],
        ['c', 8, (i) => (i < 6 ? 2 : 5)],
        ['d', 7, () => 3],
        ['big', 20, () => 4],
      ];
      // One builder for everyone: each event gets its own id.
      const { at, events } = eventBuilder();
      for (const [team, n, activeOn] of teams) {
        const from = events.length;
        for (let i = 0; i < n; i++) {
          at(`${team}-${i}`, day(activeOn(i)), { type: 'flow_started', flowId: 'f', flowVersion: 1 });
          at(`${team}-${i}`, day(activeOn(i)) + 60_000, { type: 'flow_completed', flowId: 'f', flowVersion: 1 });
        }
        const r = await employee.post('/v1/events', { events: events.slice(from), client: { installId: `browsers-of-${team}`, team } });
        expect(IngestResponseSchema.parse(r.body).results.every((x) => x.status === 'stored')).toBe(true);
      }
    });

    const teamsIn = async (from: string, to: string): Promise<Extract<TeamInsightsResponse, { suppressed: false }>> => {
      const r = TeamInsightsResponseSchema.parse((await champion.get(`/v1/insights/teams?from=${from}&to=${to}`)).body);
      if (r.suppressed) throw new Error('the whole breakdown is suppressed');
      return r;
    };
    const withheld = (r: Extract<TeamInsightsResponse, { suppressed: false }>) => r.teams.flatMap((t) => (t.suppressed ? [[t.team, t.why]] : []));

    it('withholds the same teams in both ranges, so subtracting one answer from the other reveals nothing', async () => {
      const first = await teamsIn('2026-03-01', '2026-03-04');
      const second = await teamsIn('2026-03-01', '2026-03-05');
      expect(withheld(first)).toEqual([
        ['d', 'complementary'],
        ['s', 'small'],
      ]);
      expect(withheld(second)).toEqual(withheld(first));
      // c is the team whose activity changed: shown in both, with its own numbers.
      expect(first.teams.find((t) => t.team === 'c')).toMatchObject({ suppressed: false, metrics: { activeUsers: 6 } });
      expect(second.teams.find((t) => t.team === 'c')).toMatchObject({ suppressed: false, metrics: { activeUsers: 8 } });
      // What the totals leave over is s and d together in both ranges, never s alone.
      for (const r of [first, second]) {
        const shown = r.teams.reduce((n, t) => n + (t.suppressed ? 0 : t.metrics.activeUsers), 0);
        expect(r.total.activeUsers - shown).toBe(3 + 7);
      }
      // Filtering to d is refused in both ranges too.
      for (const to of ['2026-03-04', '2026-03-05']) {
        const r = OverviewResponseSchema.parse((await champion.get(`/v1/insights/overview?from=2026-03-01&to=${to}&team=d`)).body);
        expect(r.suppressed).toBe(true);
      }
    });
  });
});
