import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowDefOf } from '../../src/metrics/flowAggregate';
import { flowInsights } from '../../src/metrics/flowInsights';
import { ApiErrorSchema, INGEST_MAX_EVENTS, IngestResponseSchema, PublishFlowResponseSchema } from '../../src/schema/api';
import type { WaymarkEvent } from '../../src/schema/event';
import {
  AdminTeamListResponseSchema,
  FeatureInsightsResponseSchema,
  FlowInsightsResponseSchema,
  HABIT_DEFINITION,
  OverviewResponseSchema,
  PromptInsightsResponseSchema,
  StuckResponseSchema,
  TeamInsightsResponseSchema,
} from '../../src/schema/insights';
import type { FlowDef } from '../../src/metrics/flowAggregate';
import { nearestRank, simulate, SIM_FROM, SIM_TO, STALE_TEAM, TEAMS, type Simulation } from '../sim/simulate';
import { backends, backendTitle, stopSharedPostgres, type BackendStore } from './support/backends';
import { makeEvents } from './support/fixtures';
import { startTestServer, type Client, type TestServer } from './support/harness';
import { expectEveryEndpointAgrees, qs, referenceInput, referenceScope, type InsightsQuery } from './support/insightsReference';

afterAll(stopSharedPostgres);

const sim: Simulation = simulate();
const allEvents: WaymarkEvent[] = sim.users.flatMap((u) => u.events);
/** Each user's effective team, as the collector should derive it: the admin's mapping, else the reported one. */
const teamOf = new Map(sim.users.flatMap((u) => (u.adminTeam ?? u.reportedTeam ? [[u.userId, u.adminTeam ?? u.reportedTeam ?? '']] : [])) as [string, string][]);

const truth = { events: allEvents, teamOf };
type Q = InsightsQuery;

describe.each(backends())('insights on $name', (backend) => {
  describe.skipIf(backend.skip)(backendTitle(backend), () => {
    let store: BackendStore;
    let server: TestServer;
    let champion: Client;
    let admin: Client;
    let employee: Client;
    let defs: FlowDef[];

    const reference = (q: Q, k = 5) => ({ d: referenceScope(truth, q, k), input: referenceInput(truth, q, k) });

    beforeAll(async () => {
      store = await backend.create();
      server = await startTestServer(await store.open());
      champion = server.client(await server.token('sim', 'champion'));
      admin = server.client(await server.token('sim', 'admin'));
      employee = server.client(await server.token('sim', 'employee'));
      defs = [];
      for (const f of sim.flows) {
        const r = await admin.post('/v1/admin/flows', f);
        expect(r.status).toBe(201);
        defs.push(flowDefOf(PublishFlowResponseSchema.parse(r.body).flow));
      }
      // Each browser sends its own batches (≤ 500 events), with its reported team, a few browsers at a time.
      const batches = sim.users.flatMap((u) => {
        const out = [];
        for (let i = 0; i < u.events.length; i += INGEST_MAX_EVENTS) {
          out.push({ events: u.events.slice(i, i + INGEST_MAX_EVENTS), client: { installId: u.installId, ...(u.reportedTeam ? { team: u.reportedTeam } : {}) } });
        }
        return out;
      });
      const queue = [...batches];
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let b = queue.shift(); b !== undefined; b = queue.shift()) {
            const r = await employee.post('/v1/events', b);
            expect(r.status).toBe(200);
            expect(IngestResponseSchema.parse(r.body).results.every((x) => x.status === 'stored')).toBe(true);
          }
        }),
      );
      const assignments = sim.users.flatMap((u) => (u.adminTeam !== undefined ? [{ userId: u.userId, team: u.adminTeam }] : []));
      expect((await admin.post('/v1/admin/teams', { assignments })).status).toBe(200);
    });
    afterAll(async () => {
      await server.close();
      await server.sql.close();
      await store.dispose();
    });

    const full = { from: SIM_FROM, to: SIM_TO };

    it('matches the simulator’s known funnel, step times, missing targets, time saved and satisfaction', async () => {
      const r = FlowInsightsResponseSchema.parse((await champion.get(`/v1/insights/flows?${qs(full)}`)).body);
      if (r.suppressed) throw new Error('unexpectedly suppressed');
      expect(r.scope).toEqual({ ...full, team: null, minGroupSize: 5, activeUsers: 300 });
      expect(r.flows.map((f) => f.flowId)).toEqual(['create-deal', 'export-report', 'setup-profile']);
      for (const f of r.flows) {
        const k = sim.known.flows[f.flowId];
        if (!k) throw new Error(f.flowId);
        expect([f.started, f.completed, f.dismissed, f.timeSaved.completedRuns]).toEqual([k.started, k.completed, k.dismissed, k.completedRuns]);
        expect(f.steps.map((s) => [s.stepId, s.reached, s.shownEvents, s.missingEvents, s.timedUsers, s.medianMs, s.p90Ms])).toEqual(
          k.steps.map((s) => [s.id, s.reached, s.shownEvents, s.missingEvents, s.durations.length, nearestRank(s.durations, 0.5), nearestRank(s.durations, 0.9)]),
        );
        const drops = k.steps.map((s, i) => Math.max(0, s.reached - (k.steps[i + 1]?.reached ?? k.completed)));
        expect(f.steps.map((s) => s.dropped)).toEqual(drops);
        const median = nearestRank(k.taskTimes, 0.5);
        expect([f.timeSaved.timedUsers, f.timeSaved.medianTaskMs, f.timeSaved.p90TaskMs]).toEqual([k.taskTimes.length, median, nearestRank(k.taskTimes, 0.9)]);
        const baseline = sim.flows.find((d) => d.id === f.flowId)?.baselineMinutes;
        if (baseline === undefined) expect(f.timeSaved.savedMinutesTotal).toBeNull();
        else expect(f.timeSaved.savedMinutesTotal).toBeCloseTo((baseline - (median ?? 0) / 60_000) * k.completedRuns, 9);
        const dist = [1, 2, 3, 4, 5].map((s) => k.surveyScores.filter((x) => x === s).length);
        expect(f.satisfaction).toEqual({
          answers: k.surveyScores.length,
          respondents: k.surveyRespondents,
          meanScore: k.surveyScores.reduce((a, b) => a + b, 0) / k.surveyScores.length,
          distribution: dist,
          responseRate: k.surveyRespondents / k.completed,
        });
      }
      expect(r.flows.find((f) => f.flowId === 'export-report')?.dropOffStepId).toBe('choose-columns');
    });

    it('matches the known feature adoption, habit and prompt usage', async () => {
      const r = FeatureInsightsResponseSchema.parse((await champion.get(`/v1/insights/features?${qs(full)}`)).body);
      if (r.suppressed) throw new Error('unexpectedly suppressed');
      expect(r.habitDefinition).toBe(HABIT_DEFINITION);
      for (const f of r.features) {
        const k = sim.known.features[f.featureId];
        if (!k) throw new Error(f.featureId);
        expect([f.uses, f.users, f.firstUsers, f.repeatUsers]).toEqual([k.uses, k.users, k.users, k.repeatUsers]);
        expect(f.ladder).toEqual({ touched: k.users, repeated: k.repeatUsers, withOutcome: k.withOutcome });
        expect(f.timeToFirstUse).toEqual({ users: k.ttfu.length, medianMs: nearestRank(k.ttfu, 0.5), p90Ms: nearestRank(k.ttfu, 0.9) });
        expect([f.habit.activeUsers, f.habit.habitualUsers]).toEqual([k.habitActive, k.habitual]);
      }
      const p = PromptInsightsResponseSchema.parse((await champion.get(`/v1/insights/prompts?${qs(full)}`)).body);
      if (p.suppressed) throw new Error('unexpectedly suppressed');
      expect(p.prompts.map((x) => [x.templateId, x.uses, x.users, x.reusers, x.thumbsUp, x.thumbsDown])).toEqual(
        Object.entries(sim.known.prompts).sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, k]) => [id, k.uses, k.users, k.reusers, k.up, k.down]),
      );
    });

    it('breaks down by team with small-team and complementary suppression; the admin’s mapping wins', async () => {
      const r = TeamInsightsResponseSchema.parse((await champion.get(`/v1/insights/teams?${qs(full)}`)).body);
      if (r.suppressed) throw new Error('unexpectedly suppressed');
      expect(r.total.activeUsers).toBe(300);
      expect(r.teams.map((t) => t.team)).not.toContain(STALE_TEAM);
      const shown = r.teams.flatMap((t) => (t.suppressed ? [] : [[t.team, t.metrics.activeUsers]]));
      expect(shown).toEqual(TEAMS.filter((t) => t.size >= 5).map((t) => [t.name, t.size]).sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)));
      expect(r.teams.filter((t) => t.suppressed)).toEqual([
        { team: 'exec', suppressed: true, why: 'small' },
        { team: null, suppressed: true, why: 'complementary' },
      ]);
      const exec = OverviewResponseSchema.parse((await champion.get(`/v1/insights/overview?${qs({ ...full, team: 'exec' })}`)).body);
      expect(exec).toMatchObject({ suppressed: true, scope: { team: 'exec', activeUsers: null } });
      const teams = AdminTeamListResponseSchema.parse((await admin.get('/v1/admin/teams')).body);
      expect(teams.teams.find((t) => t.team === 'sales')).toEqual({ team: 'sales', members: 52, mappedByAdmin: 5 });
      expect(teams.teams.find((t) => t.team === 'field')).toEqual({ team: 'field', members: 8, mappedByAdmin: 8 });
      expect(teams.unassigned).toBe(6);
    });

    const queries: Q[] = [
      full,
      { from: '2026-02-02', to: '2026-03-01' },
      { from: '2026-01-12', to: '2026-01-25', team: 'sales' },
      { ...full, team: 'research' },
      { ...full, team: 'exec' },
      { from: '2026-01-05', to: '2026-01-05' },
    ];

    it.each(queries)('agrees with the reference functions on every endpoint for %o', async (q) => {
      await expectEveryEndpointAgrees(champion, truth, defs, q, { flowId: 'export-report', featureId: 'bulk-edit' });
    });

    it('puts the step broken by the host-app release at the top of the stuck list, with the right action', async () => {
      const r = StuckResponseSchema.parse((await champion.get(`/v1/insights/stuck?${qs({ from: '2026-02-02', to: SIM_TO })}`)).body);
      if (r.suppressed) throw new Error('unexpectedly suppressed');
      expect(r.items[0]).toMatchObject({ flowId: 'create-deal', stepId: 'deal-amount', reason: 'target_missing', action: 'edit_step' });
      expect(r.items).toContainEqual(expect.objectContaining({ flowId: 'export-report', stepId: 'choose-columns', reason: 'drop_off', action: 'reach_team' }));
    });

    it('lets only champions and admins read insights, only of their own tenant, and only admins change teams and settings', async () => {
      const path = `/v1/insights/overview?${qs(full)}`;
      expect((await employee.get(path)).status).toBe(403);
      expect((await server.client().get(path)).status).toBe(401);
      expect((await admin.get(path)).status).toBe(200);
      expect((await champion.post('/v1/admin/teams', { assignments: [{ userId: 'x', team: 'a' }] })).status).toBe(403);
      expect((await champion.post('/v1/admin/insights/settings', { minGroupSize: 9 })).status).toBe(403);
      // Another tenant sees its own few users (suppressed: too few), never this tenant's.
      const other = server.client(await server.token('other', 'employee'));
      const otherEvents = makeEvents(40).map((e) => ({ ...e, ts: Date.parse('2026-01-10T10:00:00Z') }));
      expect((await other.post('/v1/events', { events: otherEvents, client: { installId: 'o', team: 'sales' } })).status).toBe(200);
      const otherChampion = server.client(await server.token('other', 'champion'));
      const mine = OverviewResponseSchema.parse((await otherChampion.get(path)).body);
      expect(mine).toMatchObject({ suppressed: false, scope: { activeUsers: 7 } });
      const sales = OverviewResponseSchema.parse((await otherChampion.get(`/v1/insights/overview?${qs({ ...full, team: 'sales' })}`)).body);
      expect(sales).toMatchObject({ suppressed: false, scope: { team: 'sales', activeUsers: 7 } });
      const ours = OverviewResponseSchema.parse((await champion.get(path)).body);
      expect(ours).toMatchObject({ scope: { activeUsers: 300 } });
      expect((await admin.get('/v1/admin/teams')).body).toMatchObject({ unassigned: 6 });
    });

    it('applies a stricter minimum group size set by an admin, and refuses one below 5', async () => {
      const bad = await admin.post('/v1/admin/insights/settings', { minGroupSize: 4 });
      expect(bad.status).toBe(400);
      expect(ApiErrorSchema.parse(bad.body).issues).toEqual([{ path: 'minGroupSize', message: 'the minimum group size cannot be below 5' }]);
      const research = `/v1/insights/flows?${qs({ ...full, team: 'research' })}`;
      expect(FlowInsightsResponseSchema.parse((await champion.get(research)).body).suppressed).toBe(false);
      expect((await admin.post('/v1/admin/insights/settings', { minGroupSize: 10 })).status).toBe(200);
      try {
        const r = FlowInsightsResponseSchema.parse((await champion.get(research)).body);
        expect(r).toMatchObject({ suppressed: true, scope: { minGroupSize: 10, activeUsers: null } });
        const { d, input } = reference({ ...full }, 10);
        const flows = flowInsights({ ...input, flows: defs });
        expect(FlowInsightsResponseSchema.parse((await champion.get(`/v1/insights/flows?${qs(full)}`)).body)).toEqual(
          d.suppressed ? d : { suppressed: false, scope: d.scope, flows },
        );
      } finally {
        await admin.post('/v1/admin/insights/settings', { minGroupSize: 5 });
      }
    });

    it('counts a retried batch once: the rollups follow only the events the collector newly stored', async () => {
      const before = (await champion.get(`/v1/insights/flows?${qs(full)}`)).body;
      const u = sim.users[0];
      if (!u) throw new Error('no user');
      const again = await employee.post('/v1/events', { events: u.events, client: { installId: u.installId } });
      expect(IngestResponseSchema.parse(again.body).results.every((x) => x.status === 'duplicate')).toBe(true);
      expect((await champion.get(`/v1/insights/flows?${qs(full)}`)).body).toEqual(before);
    });

    it('answers 400 naming the field for a bad query', async () => {
      const r = await champion.get('/v1/insights/flows?from=2026-03-01&to=2026-02-01');
      expect(r.status).toBe(400);
      expect(ApiErrorSchema.parse(r.body).issues).toEqual([{ path: 'query.to', message: '"to" must not be before "from"' }]);
      const r2 = await champion.get('/v1/insights/features?from=yesterday&to=2026-02-01&team=');
      expect(ApiErrorSchema.parse(r2.body).issues?.map((i) => i.path)).toEqual(['query.from', 'query.team']);
    });
  });
});
