import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureInsights } from '../../src/metrics/featureAdoption';
import { flowDefOf, type FlowDef } from '../../src/metrics/flowAggregate';
import { flowInsights } from '../../src/metrics/flowInsights';
import { activeUsers } from '../../src/metrics/insightsScope';
import { overviewInsights } from '../../src/metrics/overviewInsights';
import { promptInsights } from '../../src/metrics/promptUsage';
import { decideScope, type ScopeDecision } from '../../src/metrics/scopeSuppression';
import { stuckSteps } from '../../src/metrics/stuckSteps';
import { teamAggregates, teamInsights, teamMembers, teamSizesOf } from '../../src/metrics/teamInsights';
import { suppressTeams } from '../../src/metrics/teamSuppression';
import { IngestResponseSchema, PublishFlowResponseSchema } from '../../src/schema/api';
import type { WaymarkEvent } from '../../src/schema/event';
import {
  FeatureInsightsResponseSchema,
  FlowInsightsResponseSchema,
  HABIT_DEFINITION,
  OverviewResponseSchema,
  PromptInsightsResponseSchema,
  StuckResponseSchema,
  TeamInsightsResponseSchema,
} from '../../src/schema/insights';
import { messyPopulation, MESSY_FROM, MESSY_TO, type MessyPopulation } from '../sim/messyPopulation';
import { createRng } from '../sim/rng';
import { backends, backendTitle, stopSharedPostgres } from './support/backends';
import { serveBackend, type Client } from './support/harness';

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

interface Q {
  from: string;
  to: string;
  team?: string;
}

const qs = (q: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined)).toString();

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

      /** The scope decision the reference makes, by the same rule as the server. */
      const referenceScope = (q: Q, k: number): ScopeDecision => {
        const base = { from: q.from, to: q.to, team: q.team ?? null, minGroupSize: k };
        if (q.team === undefined) return decideScope(base, activeUsers({ events, ...q, minGroupSize: k }), undefined);
        const sizes = teamSizesOf(teamAggregates({ events, from: q.from, to: q.to, minGroupSize: k, teamOf }), teamMembers({ events, teamOf }));
        return decideScope(base, sizes.find((s) => s.team === q.team)?.users ?? 0, suppressTeams(sizes, k).get(q.team));
      };

      it('is a population the check means something on: the period is shown, some teams are shown and some withheld', async () => {
        const full = { from: MESSY_FROM, to: MESSY_TO };
        expect(referenceScope(full, 5).suppressed).toBe(false);
        const t = TeamInsightsResponseSchema.parse((await champion.get(`/v1/insights/teams?${qs(full)}`)).body);
        if (t.suppressed) throw new Error('teams unexpectedly suppressed');
        expect(t.teams.filter((r) => !r.suppressed).length).toBeGreaterThan(0);
        expect(t.teams.filter((r) => r.suppressed).length).toBeGreaterThan(0);
      });

      it.each(queriesOf(seed, pop))('every endpoint for %o', async (q) => {
        const k = 5;
        const d = referenceScope(q, k);
        const users = q.team === undefined ? undefined : new Set([...teamOf].filter(([, t]) => t === q.team).map(([u]) => u));
        const input = { events, from: q.from, to: q.to, minGroupSize: k, ...(users ? { users } : {}) };
        const get = async (path: string, extra: Record<string, string> = {}) => {
          const r = await champion.get(`${path}?${qs({ ...q, ...extra })}`);
          expect(r.status, JSON.stringify(r.body)).toBe(200);
          return r.body;
        };
        const wrap = <T extends object>(body: T) => (d.suppressed ? d : { suppressed: false, scope: d.scope, ...body });

        const flows = flowInsights({ ...input, flows: defs });
        expect(FlowInsightsResponseSchema.parse(await get('/v1/insights/flows'))).toEqual(wrap({ flows }));
        expect(FlowInsightsResponseSchema.parse(await get('/v1/insights/flows', { flowId: 'deal-flow' }))).toEqual(wrap({ flows: flowInsights({ ...input, flows: defs, flowId: 'deal-flow' }) }));
        expect(FeatureInsightsResponseSchema.parse(await get('/v1/insights/features'))).toEqual(wrap({ habitDefinition: HABIT_DEFINITION, features: featureInsights(input) }));
        expect(FeatureInsightsResponseSchema.parse(await get('/v1/insights/features', { featureId: 'ai-summary' }))).toEqual(
          wrap({ habitDefinition: HABIT_DEFINITION, features: featureInsights({ ...input, featureId: 'ai-summary' }) }),
        );
        expect(PromptInsightsResponseSchema.parse(await get('/v1/insights/prompts'))).toEqual(wrap({ prompts: promptInsights(input) }));
        expect(StuckResponseSchema.parse(await get('/v1/insights/stuck'))).toEqual(wrap({ items: stuckSteps(flows, 5) }));
        expect(OverviewResponseSchema.parse(await get('/v1/insights/overview'))).toEqual(wrap({ overview: overviewInsights(input, flows) }));
        if (q.team === undefined) {
          const t = teamInsights({ events, from: q.from, to: q.to, minGroupSize: k, teamOf, flowId: 'deal-flow' });
          expect(TeamInsightsResponseSchema.parse(await get('/v1/insights/teams', { flowId: 'deal-flow' }))).toEqual(d.suppressed ? d : { suppressed: false, scope: d.scope, ...t });
        }
      });
    });
  });
});
