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
import { teamMembersSql, teamSizes } from '../store/teamStore';
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
 * aggregates that remain (feature adoption: a 49 MB hash table at 3M events, so ~160 MB at 10M) otherwise spill
 * to disk, and no JIT: the per-person
 * lookups of a range that starts mid-history make the planner's estimates large enough to compile
 * queries that then run in milliseconds (compiling took over a second at 1M events).
 */
const INSIGHTS_WORK_MEM = '256MB';

async function inSnapshot<T>(sql: Sql, fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
  return sql.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    await tx.query(`SET LOCAL work_mem = '${INSIGHTS_WORK_MEM}'`);
    await tx.query('SET LOCAL jit = off');
    return fn(tx);
  });
}

type RangeQuery = { from: string; to: string; team?: string | undefined };
type ShownScope = Extract<ScopeDecision, { suppressed: false }>['scope'];

/** What an answer is built from, once its query is valid and its scope may be shown. */
interface Asked<Q> {
  sql: SqlQueryable;
  tenant: TenantId;
  q: Q;
  range: DayRange;
  scope: ShownScope;
}

/**
 * The shape every insights answer shares: parse the query, read one snapshot, decide whether the scope
 * (the tenant, or one team) may be shown, and answer `{ suppressed: true }` when not. `scopeOf` picks
 * the part of the query the decision is about (by default the query itself).
 */
function answer<QS extends z.ZodType<RangeQuery>, RS extends z.ZodType>(
  db: Sql,
  querySchema: QS,
  responseSchema: RS,
  build: (a: Asked<z.output<QS>>) => Promise<z.input<RS>>,
  scopeOf: (q: z.output<QS>) => RangeQuery = (q) => q,
) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const q = parseQuery(c, querySchema);
    if (!q.ok) return q.response;
    const { tenant } = c.get('principal');
    return inSnapshot(db, async (sql) => {
      const range = dayRangeOf(q.value);
      const d = await decide(sql, tenant, scopeOf(q.value), range);
      // Every response schema has this suppressed variant; sendJson validates the answer either way.
      if (d.suppressed) return sendJson(c, responseSchema, d as z.input<RS>);
      return sendJson(c, responseSchema, await build({ sql, tenant, q: q.value, range, scope: d.scope }));
    });
  };
}

/**
 * GET /v1/insights/*, champion and admin, the caller's tenant only. Every answer is team-level or
 * tenant-level, never about one person, and is suppressed below the tenant's minimum group size.
 */
export function insightsRoutes({ sql: db, auth }: RouteDeps): Hono<AppEnv> {
  const champion = requireRole('champion');
  return new Hono<AppEnv>()
    .get(
      '/insights/overview',
      auth,
      champion,
      answer(db, InsightsQuerySchema, OverviewResponseSchema, async ({ sql, tenant, q, range, scope }) => {
        const f = filterOf(range, q.team);
        const k = scope.minGroupSize;
        const overview = assembleOverview(await overviewAggregateSql(sql, tenant, f), await flowsFor(sql, tenant, f, k), range, k);
        return { suppressed: false as const, scope, overview };
      }),
    )
    .get(
      '/insights/flows',
      auth,
      champion,
      answer(db, FlowInsightsQuerySchema, FlowInsightsResponseSchema, async ({ sql, tenant, q, range, scope }) => {
        const flows = await flowsFor(sql, tenant, filterOf(range, q.team, q.flowId), scope.minGroupSize);
        return { suppressed: false as const, scope, flows };
      }),
    )
    .get(
      '/insights/features',
      auth,
      champion,
      answer(db, FeatureInsightsQuerySchema, FeatureInsightsResponseSchema, async ({ sql, tenant, q, range, scope }) => {
        const aggs = await featureAggregatesSql(sql, tenant, filterOf(range, q.team, q.featureId));
        const ids = q.featureId !== undefined ? [q.featureId] : [...aggs.keys()].sort(byteOrder);
        const features = ids.map((id) => assembleFeatureInsight(aggs.get(id) ?? emptyFeatureAggregate(id), range, scope.minGroupSize));
        return { suppressed: false as const, scope, habitDefinition: HABIT_DEFINITION, features };
      }),
    )
    .get(
      '/insights/prompts',
      auth,
      champion,
      answer(db, PromptInsightsQuerySchema, PromptInsightsResponseSchema, async ({ sql, tenant, q, range, scope }) => {
        const byId = await promptInsightsSql(sql, tenant, filterOf(range, q.team, q.templateId));
        const ids = q.templateId !== undefined ? [q.templateId] : [...byId.keys()].sort(byteOrder);
        const prompts = ids.map((id) => byId.get(id) ?? emptyPromptInsight(id));
        return { suppressed: false as const, scope, prompts };
      }),
    )
    .get(
      '/insights/stuck',
      auth,
      champion,
      answer(db, InsightsQuerySchema, StuckResponseSchema, async ({ sql, tenant, q, range, scope }) => {
        const k = scope.minGroupSize;
        const items = stuckSteps(await flowsFor(sql, tenant, filterOf(range, q.team), k), k);
        return { suppressed: false as const, scope, items };
      }),
    )
    .get(
      '/insights/teams',
      auth,
      champion,
      answer(
        db,
        TeamInsightsQuerySchema,
        TeamInsightsResponseSchema,
        async ({ sql, tenant, q, range, scope }) => {
          const rows = await teamAggregatesSql(sql, tenant, range, {
            ...(q.flowId !== undefined ? { flowId: q.flowId } : {}),
            ...(q.featureId !== undefined ? { featureId: q.featureId } : {}),
          });
          return { suppressed: false as const, scope, total: totalOf(rows), teams: assembleTeamRows(rows, scope.minGroupSize, await teamMembersSql(sql, tenant)) };
        },
        // The breakdown is about the whole tenant: it is the one answer that shows teams side by side.
        (q) => ({ from: q.from, to: q.to }),
      ),
    );
}
