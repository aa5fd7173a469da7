import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowDefOf, type FlowDef } from '../../src/metrics/flowAggregate';
import { IngestResponseSchema, PublishFlowResponseSchema } from '../../src/schema/api';
import type { WaymarkEvent } from '../../src/schema/event';
import { TeamInsightsResponseSchema } from '../../src/schema/insights';
import { messyPopulation, MESSY_FROM, MESSY_TO, type MessyPopulation } from '../sim/messyPopulation';
import { createRng } from '../sim/rng';
import { backends, backendTitle, stopSharedPostgres } from './support/backends';
import { serveBackend, type Client } from './support/harness';
import { expectEveryEndpointAgrees, qs, referenceScope, type InsightsQuery } from './support/insightsReference';

/**
 * The collector's SQL against the pure reference on populations nobody tuned the metrics for
 * (`tests/sim/messyPopulation.ts`): several seeds, each its own tenant, ingested as browsers send it
 * (batches of any size, out of order across people, some sent twice), then every endpoint for ranges
 * and teams drawn from the seed. The tidy simulator's known answers are checked in `insights.test.ts`;
 * this one checks that the two implementations agree wherever the data is odd.
 */

afterAll(stopSharedPostgres);

const SEEDS = [11, 2027, 90_001];
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

type Q = InsightsQuery;

/** The population's events and the team each person ends up in (the admin's mapping over the reported one). */
function truthOf(pop: MessyPopulation) {
  const events: WaymarkEvent[] = pop.users.flatMap((u) => u.events);
  const teamOf = new Map<string, string>();
  for (const u of pop.users) {
    const t = u.adminTeam ?? u.reportedTeam;
    if (t !== undefined) teamOf.set(u.userId, t);
  }
  return { events, teamOf };
}

/** Ranges and teams for one seed: the whole period, ranges cut anywhere (also before and past the data), single days, each team. */
function queriesOf(seed: number, pop: MessyPopulation): Q[] {
  const rng = createRng(seed ^ 0x5eed);
  const start = Date.parse(`${MESSY_FROM}T00:00:00Z`);
  const day = (n: number) => iso(start + n * DAY);
  const out: Q[] = [{ from: MESSY_FROM, to: MESSY_TO }, { from: day(-20), to: day(60) }, { from: day(-12), to: day(-1) }];
  for (let i = 0; i < 4; i++) {
    const a = rng.int(-5, 35);
    out.push({ from: day(a), to: day(a + rng.int(0, 20)) });
  }
  out.push({ from: day(5), to: day(5) });
  const teams = [...new Set(pop.users.flatMap((u) => (u.adminTeam ?? u.reportedTeam) ?? []))].sort();
  for (const team of teams) out.push({ from: MESSY_FROM, to: MESSY_TO, team });
  if (teams[0] !== undefined) out.push({ from: day(7), to: day(20), team: teams[0] });
  out.push({ from: MESSY_FROM, to: MESSY_TO, team: 'no such team' });
  return out;
}

describe.each(backends())('insights agree with the reference on messy populations, on $name', (backend) => {
  describe.skipIf(backend.skip)(backendTitle(backend), () => {
    const server = serveBackend(backend);

    describe.each(SEEDS)('seed %i', (seed) => {
      const pop = messyPopulation(seed);
      const { events, teamOf } = truthOf(pop);
      const tenant = `messy-${seed}`;
      let champion: Client;
      let defs: FlowDef[];

      beforeAll(async () => {
        const admin = server().client(await server().token(tenant, 'admin'));
        const employee = server().client(await server().token(tenant, 'employee'));
        champion = server().client(await server().token(tenant, 'champion'));
        const latest = new Map<string, FlowDef>();
        for (const f of pop.flows) {
          const r = await admin.post('/v1/admin/flows', f);
          expect(r.status, JSON.stringify(r.body)).toBe(201);
          const def = flowDefOf(PublishFlowResponseSchema.parse(r.body).flow);
          latest.set(def.id, def);
        }
        defs = [...latest.values()];

        // Batches of any size, each with its browser's reported team; shuffled across people; one in ten sent twice.
        const rng = createRng(seed);
        const batches: { events: WaymarkEvent[]; client: { installId: string; team?: string } }[] = [];
        for (const u of pop.users) {
          for (let i = 0; i < u.events.length; ) {
            const n = rng.int(1, 120);
            batches.push({ events: u.events.slice(i, i + n), client: { installId: u.installId, ...(u.reportedTeam !== undefined ? { team: u.reportedTeam } : {}) } });
            i += n;
          }
        }
        for (let i = batches.length - 1; i > 0; i--) {
          const j = rng.int(0, i);
          [batches[i], batches[j]] = [batches[j]!, batches[i]!];
        }
        const sends = batches.flatMap((b) => (rng.chance(0.1) ? [b, b] : [b]));
        let stored = 0;
        for (const b of sends) {
          const r = await employee.post('/v1/events', b);
          expect(r.status, JSON.stringify(r.body)).toBe(200);
          stored += IngestResponseSchema.parse(r.body).results.filter((x) => x.status === 'stored').length;
        }
        expect(stored).toBe(events.length);
        const assignments = pop.users.flatMap((u) => (u.adminTeam !== undefined ? [{ userId: u.userId, team: u.adminTeam }] : []));
        if (assignments.length > 0) expect((await admin.post('/v1/admin/teams', { assignments })).status).toBe(200);
      });

      it('is a population the check means something on: the period is shown, some teams are shown and some withheld', async () => {
        const full = { from: MESSY_FROM, to: MESSY_TO };
        expect(referenceScope({ events, teamOf }, full, 5).suppressed).toBe(false);
        const t = TeamInsightsResponseSchema.parse((await champion.get(`/v1/insights/teams?${qs(full)}`)).body);
        if (t.suppressed) throw new Error('teams unexpectedly suppressed');
        expect(t.teams.filter((r) => !r.suppressed).length).toBeGreaterThan(0);
        expect(t.teams.filter((r) => r.suppressed).length).toBeGreaterThan(0);
      });

      it.each(queriesOf(seed, pop))('every endpoint for %o', async (q) => {
        await expectEveryEndpointAgrees(champion, { events, teamOf }, defs, q, { flowId: 'deal-flow', featureId: 'ai-summary' });
      });
    });
  });
});
