import { z } from 'zod';
import type { PublishFlowResponse, Role } from '../schema/api';
import { FlowSchema } from '../schema/flow';
import {
  FeatureInsightsQuerySchema,
  FlowInsightsQuerySchema,
  InsightsQuerySchema,
  PromptInsightsQuerySchema,
  TeamAssignmentRequestSchema,
  TeamInsightsQuerySchema,
  type AdminTeamListResponse,
  type FeatureInsightsResponse,
  type InsightsSettings,
  type FlowInsightsResponse,
  type OverviewResponse,
  type PromptInsightsResponse,
  type StuckResponse,
  type TeamInsightsResponse,
} from '../schema/insights';

/**
 * The options page's insights messages. Only the background talks to the collector: the page asks for
 * one query at a time (`admin/insights/query`), the background sends it with the champion token it
 * keeps, and answers with the collector's response once it matched `src/schema/insights.ts`.
 *
 * Insights need a `champion` (or `admin`) token, while sync holds an `employee` one, so insights have
 * their own access setting: a collector URL (the sync one unless set) and a token that, like the sync
 * token, is write-only.
 */

/** What the page sends to save the insights access. An empty `serverUrl` means "the sync collector". */
export const InsightsAccessInputSchema = z.strictObject({
  serverUrl: z.union([
    z.literal(''),
    z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
      .max(2048)
      .transform((u) => u.replace(/\/+$/, '')),
  ]),
  /** Absent or empty: keep the saved token. */
  token: z.string().trim().max(512).optional(),
});
export type InsightsAccessInput = z.input<typeof InsightsAccessInputSchema>;

/** The insights access as the options page sees it: never the token itself. */
export interface InsightsAccessView {
  /** The URL saved for insights; null: the sync one is used. */
  serverUrl: string | null;
  /** The URL queries go to (the saved one, else the sync one); null when neither is set. */
  effectiveServerUrl: string | null;
  tokenSet: boolean;
  /** Who the saved token was when it was checked on saving (GET /v1/me). */
  tenant: string | null;
  role: Role | null;
}

/** The insights queries, by kind; each kind is one `GET /v1/insights/<kind>` route. */
export const INSIGHTS_KINDS = ['overview', 'flows', 'features', 'prompts', 'stuck', 'teams'] as const;
export type InsightsKind = (typeof INSIGHTS_KINDS)[number];

export const InsightsQueryRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('overview'), params: InsightsQuerySchema }),
  z.strictObject({ kind: z.literal('flows'), params: FlowInsightsQuerySchema }),
  z.strictObject({ kind: z.literal('features'), params: FeatureInsightsQuerySchema }),
  z.strictObject({ kind: z.literal('prompts'), params: PromptInsightsQuerySchema }),
  z.strictObject({ kind: z.literal('stuck'), params: InsightsQuerySchema }),
  z.strictObject({ kind: z.literal('teams'), params: TeamInsightsQuerySchema }),
]);
export type InsightsQueryRequest = z.input<typeof InsightsQueryRequestSchema>;

/** The validated answer of each kind. */
export interface InsightsResponses {
  overview: OverviewResponse;
  flows: FlowInsightsResponse;
  features: FeatureInsightsResponse;
  prompts: PromptInsightsResponse;
  stuck: StuckResponse;
  teams: TeamInsightsResponse;
}
export type InsightsAnswer = { [K in InsightsKind]: { kind: K; response: InsightsResponses[K] } }[InsightsKind];

/**
 * Why a query gave no answer, so the page can say what to do: `no-access` (no URL or token saved),
 * `unauthorized` (401: unknown or revoked token), `forbidden` (403: the role may not read insights),
 * `rejected` (another 4xx), `unavailable` (5xx, 429), `network`, `timeout`, `invalid` (the answer did
 * not match the contract).
 */
export const INSIGHTS_FAILURES = ['no-access', 'unauthorized', 'forbidden', 'rejected', 'unavailable', 'network', 'timeout', 'invalid'] as const;
export type InsightsFailureReason = (typeof INSIGHTS_FAILURES)[number];

export const InsightsAdminRequestSchemas = {
  'admin/insights/access/get': z.strictObject({ type: z.literal('admin/insights/access/get') }),
  /**
   * Checks the token with the collector (GET /v1/me) and saves it only when its role may read insights;
   * an employee token is refused, with the reason.
   */
  'admin/insights/access/set': z.strictObject({ type: z.literal('admin/insights/access/set'), access: InsightsAccessInputSchema }),
  'admin/insights/access/clear': z.strictObject({ type: z.literal('admin/insights/access/clear') }),
  'admin/insights/query': z.strictObject({ type: z.literal('admin/insights/query'), query: InsightsQueryRequestSchema }),
  /** The tenant's teams and their sizes (GET /v1/admin/teams); needs an admin token. */
  'admin/insights/teams/get': z.strictObject({ type: z.literal('admin/insights/teams/get') }),
  /** Maps users to teams (POST /v1/admin/teams); `team: null` removes a mapping. Needs an admin token. */
  'admin/insights/teams/assign': z.strictObject({ type: z.literal('admin/insights/teams/assign'), ...TeamAssignmentRequestSchema.shape }),
  /**
   * Sets the tenant's minimum group size (POST /v1/admin/insights/settings). Only its shape is checked
   * here: the collector owns the floor (5), and its refusal names the field.
   */
  'admin/insights/settings/set': z.strictObject({ type: z.literal('admin/insights/settings/set'), minGroupSize: z.number().int() }),
  /** Publishes one flow document to the collector (POST /v1/admin/flows); needs an admin token. */
  'admin/insights/flows/publish': z.strictObject({ type: z.literal('admin/insights/flows/publish'), flow: FlowSchema }),
} as const;

/** The answers of the admin messages above (a failure is a `Failure` with the collector's issues). */
export interface InsightsAdminReplies {
  teams: AdminTeamListResponse;
  settings: InsightsSettings;
  published: PublishFlowResponse;
}
