import { expect } from 'vitest';
import { featureInsights } from '../../../src/metrics/featureAdoption';
import type { FlowDef } from '../../../src/metrics/flowAggregate';
import { flowInsights } from '../../../src/metrics/flowInsights';
import { activeUsers, type InsightsInput } from '../../../src/metrics/insightsScope';
import { overviewInsights } from '../../../src/metrics/overviewInsights';
import { promptInsights } from '../../../src/metrics/promptUsage';
import { decideScope, type ScopeDecision } from '../../../src/metrics/scopeSuppression';
import { stuckSteps } from '../../../src/metrics/stuckSteps';
import { teamAggregates, teamInsights, teamMembers, teamSizesOf } from '../../../src/metrics/teamInsights';
import { suppressTeams } from '../../../src/metrics/teamSuppression';
import type { WaymarkEvent } from '../../../src/schema/event';
import {
  FeatureInsightsResponseSchema,
  FlowInsightsResponseSchema,
  HABIT_DEFINITION,
  OverviewResponseSchema,
  PromptInsightsResponseSchema,
  StuckResponseSchema,
  TeamInsightsResponseSchema,
} from '../../../src/schema/insights';
import type { Client } from './harness';

/** A range and, optionally, one team: what every insights route is asked. */
export interface InsightsQuery {
  from: string;
  to: string;
  team?: string;
}

/** A query string of the defined values. */
export const qs = (q: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined)).toString();

/** What the collector was sent: every event, and each user's effective team (the admin's mapping over the reported one). */
export interface Truth {
  events: readonly WaymarkEvent[];
  teamOf: ReadonlyMap<string, string>;
}

/** The scope decision the reference makes for a query: the same rule as the server, over the events themselves. */
export function referenceScope(truth: Truth, q: InsightsQuery, k: number): ScopeDecision {
  const base = { from: q.from, to: q.to, team: q.team ?? null, minGroupSize: k };
  if (q.team === undefined) return decideScope(base, activeUsers({ events: truth.events, ...q, minGroupSize: k }), undefined);
  const sizes = teamSizesOf(teamAggregates({ events: truth.events, from: q.from, to: q.to, minGroupSize: k, teamOf: truth.teamOf }), teamMembers(truth));
  return decideScope(base, sizes.find((s) => s.team === q.team)?.users ?? 0, suppressTeams(sizes, k).get(q.team));
}

/** The reference functions' input for a query: the team's users when one is chosen. */
export function referenceInput(truth: Truth, q: InsightsQuery, k: number): InsightsInput {
  const users = q.team === undefined ? undefined : new Set([...truth.teamOf].filter(([, t]) => t === q.team).map(([u]) => u));
  return { events: truth.events, from: q.from, to: q.to, minGroupSize: k, ...(users ? { users } : {}) };
}

/**
 * Every insights route answers `q` exactly as the reference functions do over the same events (minimum
 * group size 5): the flows (all, and `pick.flowId` alone), the features (all, and `pick.featureId`), the
 * prompts, the stuck list, the overview, and for the whole tenant the breakdown by team.
 */
export async function expectEveryEndpointAgrees(champion: Client, truth: Truth, defs: readonly FlowDef[], q: InsightsQuery, pick: { flowId: string; featureId: string }): Promise<void> {
  const k = 5;
  const d = referenceScope(truth, q, k);
  const input = referenceInput(truth, q, k);
  const get = async (path: string, extra: Record<string, string> = {}) => {
    const r = await champion.get(`${path}?${qs({ ...q, ...extra })}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const wrap = <T extends object>(body: T) => (d.suppressed ? d : { suppressed: false, scope: d.scope, ...body });

  const flows = flowInsights({ ...input, flows: defs });
  expect(FlowInsightsResponseSchema.parse(await get('/v1/insights/flows'))).toEqual(wrap({ flows }));
  expect(FlowInsightsResponseSchema.parse(await get('/v1/insights/flows', { flowId: pick.flowId }))).toEqual(wrap({ flows: flowInsights({ ...input, flows: defs, flowId: pick.flowId }) }));
  expect(FeatureInsightsResponseSchema.parse(await get('/v1/insights/features'))).toEqual(wrap({ habitDefinition: HABIT_DEFINITION, features: featureInsights(input) }));
  expect(FeatureInsightsResponseSchema.parse(await get('/v1/insights/features', { featureId: pick.featureId }))).toEqual(
    wrap({ habitDefinition: HABIT_DEFINITION, features: featureInsights({ ...input, featureId: pick.featureId }) }),
  );
  expect(PromptInsightsResponseSchema.parse(await get('/v1/insights/prompts'))).toEqual(wrap({ prompts: promptInsights(input) }));
  expect(StuckResponseSchema.parse(await get('/v1/insights/stuck'))).toEqual(wrap({ items: stuckSteps(flows, 5) }));
  expect(OverviewResponseSchema.parse(await get('/v1/insights/overview'))).toEqual(wrap({ overview: overviewInsights(input, flows) }));
  if (q.team === undefined) {
    const t = teamInsights({ events: truth.events, from: q.from, to: q.to, minGroupSize: k, teamOf: truth.teamOf, flowId: pick.flowId });
    expect(TeamInsightsResponseSchema.parse(await get('/v1/insights/teams', { flowId: pick.flowId }))).toEqual(d.suppressed ? d : { suppressed: false, scope: d.scope, ...t });
  }
}
