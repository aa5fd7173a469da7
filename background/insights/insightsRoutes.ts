import type { z } from 'zod';
import type { InsightsAnswer, InsightsKind, InsightsQueryRequest } from '../../src/messages/insights';
import {
  FeatureInsightsResponseSchema,
  FlowInsightsResponseSchema,
  OverviewResponseSchema,
  PromptInsightsResponseSchema,
  StuckResponseSchema,
  TeamInsightsResponseSchema,
} from '../../src/schema/insights';

/** Each query kind's route and the schema its answer must match before the page sees it. */
export const INSIGHTS_ROUTES = {
  overview: { path: '/v1/insights/overview', schema: OverviewResponseSchema },
  flows: { path: '/v1/insights/flows', schema: FlowInsightsResponseSchema },
  features: { path: '/v1/insights/features', schema: FeatureInsightsResponseSchema },
  prompts: { path: '/v1/insights/prompts', schema: PromptInsightsResponseSchema },
  stuck: { path: '/v1/insights/stuck', schema: StuckResponseSchema },
  teams: { path: '/v1/insights/teams', schema: TeamInsightsResponseSchema },
} as const satisfies Record<InsightsKind, { path: string; schema: z.ZodType }>;

/**
 * The request path with its query string: the parameters in a fixed order, absent ones left out, so
 * the same query always makes the same URL.
 */
export function insightsPath(q: InsightsQueryRequest): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q.params).sort(([a], [b]) => a.localeCompare(b))) {
    if (typeof v === 'string' && v !== '') params.set(k, v);
  }
  return `${INSIGHTS_ROUTES[q.kind].path}?${params.toString()}`;
}

/** Pairs a validated response with its kind (the schemas make it that kind's type). */
export function answerOf<K extends InsightsKind>(kind: K, response: z.output<(typeof INSIGHTS_ROUTES)[K]['schema']>): InsightsAnswer {
  return { kind, response } as InsightsAnswer;
}
