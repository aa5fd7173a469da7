import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { assembleFeatureInsight, emptyFeatureAggregate } from '../../src/metrics/featureAdoption';
import { assembleFlowInsight } from '../../src/metrics/assembleFlowInsight';
import { emptyFlowAggregate } from '../../src/metrics/flowAggregate';
import { byteOrder, dayRangeOf, type DayRange } from '../../src/metrics/insightWindow';
import { assembleOverview } from '../../src/metrics/overviewInsights';
import { emptyPromptInsight } from '../../src/metrics/promptUsage';
import { decideScope, type ScopeDecision } from '../../src/metrics/scopeSuppression';
import { stuckSteps } from '../../src/metrics/stuckSteps';
import { assembleTeamRows, totalOf } from '../../src/metrics/teamInsights';
import { suppressTeams } from '../../src/metrics/teamSuppression';
import type { TenantId } from '../../src/schema/api';
import {
  FeatureInsightsQuerySchema,
  FeatureInsightsResponseSchema,
  FlowInsightsQuerySchema,
  FlowInsightsResponseSchema,
  HABIT_DEFINITION,
  InsightsQuerySchema,
  OverviewResponseSchema,
  PromptInsightsQuerySchema,
  PromptInsightsResponseSchema,
  StuckResponseSchema,
  TeamInsightsQuerySchema,
  TeamInsightsResponseSchema,
  type FlowInsight,
} from '../../src/schema/insights';
import { zodIssues } from '../../src/schema/migrate';
import { requireRole } from '../auth/requireRole';
import type { Sql, SqlQueryable } from '../db/sql';
import type { AppEnv } from '../http/appEnv';
import { sendError, sendJson } from '../http/reply';
import { featureAggregatesSql } from '../store/insightsFeatureStore';
import { flowAggregatesSql, flowDefs, type InsightFilter } from '../store/insightsFlowStore';
import { activeUsersSql, overviewAggregateSql, teamAggregatesSql } from '../store/insightsOverviewStore';
import { promptInsightsSql } from '../store/insightsPromptStore';
import { getMinGroupSize } from '../store/insightSettingsStore';
import { teamSizes } from '../store/teamStore';
import type { RouteDeps } from './routeDeps';

type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

function parseQuery<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Parsed<z.output<S>> {
  const r = schema.safeParse(c.req.query());
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, response: sendError(c, 400, 'invalid insights query', zodIssues(r.error, ['query'])) };
}

/**
 * May this scope be shown? The whole tenant when it has enough active users; one team when the
 * breakdown by team for the same range does not withhold it (small, or withheld with a small one).
 */
async function decide(sql: SqlQueryable, tenant: TenantId, q: { from: string; to: string; team?: string | undefined }, range: DayRange): Promise<ScopeDecision> {
  const minGroupSize = await getMinGroupSize(sql, tenant);
  const base = { from: q.from, to: q.to, team: q.team ?? null, minGroupSize };
  if (q.team === undefined) return decideScope(base, await activeUsersSql(sql, tenant, { range }), undefined);
  const sizes = await teamSizes(sql, tenant, range);
  const withheld = suppressTeams(sizes, minGroupSize);
  return decideScope(base, sizes.find((s) => s.team === q.team)?.users ?? 0, withheld.get(q.team));
}

const filterOf = (range: DayRange, team: string | undefined, subject?: string): InsightFilter => ({
  range,
  ...(team !== undefined ? { team } : {}),
  ...(subject !== undefined ? { subject } : {}),
});

async function flowsFor(sql: SqlQueryable, tenant: TenantId, f: InsightFilter, minGroupSize: number): Promise<FlowInsight[]> {
  const [aggs, defs] = [await flowAggregatesSql(sql, tenant, f), await flowDefs(sql, tenant)];
  const byId = new Map(defs.map((d) => [d.id, d]));
  const ids = f.subject !== undefined ? [f.subject] : [...aggs.keys()].sort(byteOrder);
  return ids.map((id) => assembleFlowInsight(aggs.get(id) ?? emptyFlowAggregate(id), byId.get(id), f.range, minGroupSize));
}

/**
 * Each answer's queries run in one read-only REPEATABLE READ transaction: they all see the same
 * snapshot, so a batch ingested meanwhile cannot make the funnel and its steps disagree. The
 * transaction also gets more sort and hash memory than the default 4 MB, because the per-user
 * aggregates of a tenant with millions of events otherwise spill to disk.
 */
const INSIGHTS_WORK_MEM = '64MB';

async function inSnapshot<T>(sql: Sql, fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
  return sql.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    await tx.query(`SET LOCAL work_mem = '${INSIGHTS_WORK_MEM}'`);
    return fn(tx);
  });
}

/**
 * GET /v1/insights/*, champion and admin, the caller's tenant only. Every answer is team-level or
 * tenant-level, never about one person, and is suppressed below the tenant's minimum group size.
 */
export function insightsRoutes({ sql: db, auth }: RouteDeps): Hono<AppEnv> {
  const champion = requireRole('champion');
  return new Hono<AppEnv>()
    .get('/insights/overview', auth, champion, async (c) => {
      const q = parseQuery(c, InsightsQuerySchema);
      if (!q.ok) return q.response;
      const { tenant } = c.get('principal');
      return inSnapshot(db, async (sql) => {
        const range = dayRangeOf(q.value);
        const d = await decide(sql, tenant, q.value, range);
        if (d.suppressed) return sendJson(c, OverviewResponseSchema, d);
        const f = filterOf(range, q.value.team);
        const k = d.scope.minGroupSize;
        const overview = assembleOverview(await overviewAggregateSql(sql, tenant, f), await flowsFor(sql, tenant, f, k), range, k);
        return sendJson(c, OverviewResponseSchema, { suppressed: false, scope: d.scope, overview });
      });
    })
    .get('/insights/flows', auth, champion, async (c) => {
      const q = parseQuery(c, FlowInsightsQuerySchema);
      if (!q.ok) return q.response;
      const { tenant } = c.get('principal');
      return inSnapshot(db, async (sql) => {
        const range = dayRangeOf(q.value);
        const d = await decide(sql, tenant, q.value, range);
        if (d.suppressed) return sendJson(c, FlowInsightsResponseSchema, d);
        const flows = await flowsFor(sql, tenant, filterOf(range, q.value.team, q.value.flowId), d.scope.minGroupSize);
        return sendJson(c, FlowInsightsResponseSchema, { suppressed: false, scope: d.scope, flows });
      });
    })
    .get('/insights/features', auth, champion, async (c) => {
      const q = parseQuery(c, FeatureInsightsQuerySchema);
      if (!q.ok) return q.response;
      const { tenant } = c.get('principal');
      return inSnapshot(db, async (sql) => {
        const range = dayRangeOf(q.value);
        const d = await decide(sql, tenant, q.value, range);
        if (d.suppressed) return sendJson(c, FeatureInsightsResponseSchema, d);
        const aggs = await featureAggregatesSql(sql, tenant, filterOf(range, q.value.team, q.value.featureId));
        const ids = q.value.featureId !== undefined ? [q.value.featureId] : [...aggs.keys()].sort(byteOrder);
        const features = ids.map((id) => assembleFeatureInsight(aggs.get(id) ?? emptyFeatureAggregate(id), range, d.scope.minGroupSize));
        return sendJson(c, FeatureInsightsResponseSchema, { suppressed: false, scope: d.scope, habitDefinition: HABIT_DEFINITION, features });
      });
    })
    .get('/insights/prompts', auth, champion, async (c) => {
      const q = parseQuery(c, PromptInsightsQuerySchema);
      if (!q.ok) return q.response;
      const { tenant } = c.get('principal');
      return inSnapshot(db, async (sql) => {
        const range = dayRangeOf(q.value);
        const d = await decide(sql, tenant, q.value, range);
        if (d.suppressed) return sendJson(c, PromptInsightsResponseSchema, d);
        const byId = await promptInsightsSql(sql, tenant, filterOf(range, q.value.team, q.value.templateId));
        const ids = q.value.templateId !== undefined ? [q.value.templateId] : [...byId.keys()].sort(byteOrder);
        const prompts = ids.map((id) => byId.get(id) ?? emptyPromptInsight(id));
        return sendJson(c, PromptInsightsResponseSchema, { suppressed: false, scope: d.scope, prompts });
      });
    })
    .get('/insights/stuck', auth, champion, async (c) => {
      const q = parseQuery(c, InsightsQuerySchema);
      if (!q.ok) return q.response;
      const { tenant } = c.get('principal');
      return inSnapshot(db, async (sql) => {
        const range = dayRangeOf(q.value);
        const d = await decide(sql, tenant, q.value, range);
        if (d.suppressed) return sendJson(c, StuckResponseSchema, d);
        const k = d.scope.minGroupSize;
        const items = stuckSteps(await flowsFor(sql, tenant, filterOf(range, q.value.team), k), k);
        return sendJson(c, StuckResponseSchema, { suppressed: false, scope: d.scope, items });
      });
    })
    .get('/insights/teams', auth, champion, async (c) => {
      const q = parseQuery(c, TeamInsightsQuerySchema);
      if (!q.ok) return q.response;
      const { tenant } = c.get('principal');
      return inSnapshot(db, async (sql) => {
        const range = dayRangeOf(q.value);
        const d = await decide(sql, tenant, { from: q.value.from, to: q.value.to }, range);
        if (d.suppressed) return sendJson(c, TeamInsightsResponseSchema, d);
        const rows = await teamAggregatesSql(sql, tenant, range, {
          ...(q.value.flowId !== undefined ? { flowId: q.value.flowId } : {}),
          ...(q.value.featureId !== undefined ? { featureId: q.value.featureId } : {}),
        });
        return sendJson(c, TeamInsightsResponseSchema, {
          suppressed: false,
          scope: d.scope,
          total: totalOf(rows),
          teams: assembleTeamRows(rows, d.scope.minGroupSize),
        });
      });
    });
}
