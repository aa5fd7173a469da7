import type { z } from 'zod';
import type { Failure, Ok } from '../../src/messages/protocol';
import { PublishFlowResponseSchema, type PublishFlowResponse, type Role } from '../../src/schema/api';
import type { Flow } from '../../src/schema/flow';
import {
  AdminTeamListResponseSchema,
  InsightsSettingsSchema,
  TeamAssignmentResponseSchema,
  type AdminTeamListResponse,
  type InsightsSettings,
  type TeamAssignment,
} from '../../src/schema/insights';
import { createCollectorClient, type RequestFailure } from '../sync/collectorClient';
import { describeInsightsFailure } from './describeInsightsFailure';

/** The saved access, as only the background sees it. */
export interface InsightsCredentials {
  serverUrl: string;
  token: string;
  role: Role | null;
}

/** An admin request writes one small document: it should not take long. */
export const INSIGHTS_ADMIN_TIMEOUT_MS = 30_000;

export interface InsightsAdminOptions {
  access: { credentials(): Promise<InsightsCredentials | null> };
  /** In a browser, pass a bound `fetch`. */
  fetch: typeof fetch;
}

/**
 * The admin's requests that go with insights: team mapping, the minimum group size, and publishing a
 * flow (its `baselineMinutes` is what time saved is measured against). They use the insights access's
 * token, which must be an admin one; every answer is checked against its schema, and a refusal keeps
 * the collector's field errors (`issues`, paths relative to the body sent) so the page can show them at
 * the field.
 */
export function createInsightsAdmin(o: InsightsAdminOptions) {
  type Result<T> = Ok<T> | Failure;

  async function call<S extends z.ZodType>(
    send: (c: ReturnType<typeof createCollectorClient>) => Promise<{ ok: true; value: z.output<S> } | { ok: false; failure: RequestFailure }>,
  ): Promise<Result<{ value: z.output<S> }>> {
    const cred = await o.access.credentials();
    if (cred === null) return { ok: false, error: 'Not set up: enter the collector URL and an admin token under Insights › Access first.' };
    if (cred.role !== 'admin') {
      return { ok: false, error: `This needs an admin token; the saved one is a ${cred.role ?? 'unchecked'} token. Create one with npm run waymark -- token create --role admin.` };
    }
    const r = await send(createCollectorClient({ serverUrl: cred.serverUrl, token: cred.token, timeoutMs: INSIGHTS_ADMIN_TIMEOUT_MS, fetch: o.fetch }));
    if (r.ok) return { ok: true, value: r.value };
    const d = describeInsightsFailure(r.failure, cred.serverUrl);
    const issues = r.failure.kind === 'http' ? (r.failure.issues ?? []) : [];
    return { ok: false, error: d.error, issues };
  }

  const teams = () => call<typeof AdminTeamListResponseSchema>((c) => c.get('/v1/admin/teams', AdminTeamListResponseSchema));

  return {
    async teams(): Promise<Result<{ teams: AdminTeamListResponse }>> {
      const r = await teams();
      return r.ok ? { ok: true, teams: r.value } : r;
    },

    /** Saves the mapping in one request (the collector stores all of it or none), then reads the sizes again. */
    async assign(assignments: TeamAssignment[]): Promise<Result<{ updated: number; teams: AdminTeamListResponse }>> {
      const r = await call<typeof TeamAssignmentResponseSchema>((c) => c.post('/v1/admin/teams', { assignments }, TeamAssignmentResponseSchema, 200));
      if (!r.ok) return r;
      const after = await teams();
      if (!after.ok) return { ok: false, error: `Saved ${r.value.updated} assignments, but the team sizes could not be read again: ${after.error}` };
      return { ok: true, updated: r.value.updated, teams: after.value };
    },

    async setSettings(settings: { minGroupSize: number }): Promise<Result<{ settings: InsightsSettings }>> {
      const r = await call<typeof InsightsSettingsSchema>((c) => c.post('/v1/admin/insights/settings', settings, InsightsSettingsSchema, 200));
      return r.ok ? { ok: true, settings: r.value } : r;
    },

    /** The collector numbers the version; its answer must be the same flow id. */
    async publishFlow(flow: Flow): Promise<Result<{ published: PublishFlowResponse }>> {
      const r = await call<typeof PublishFlowResponseSchema>((c) => c.post('/v1/admin/flows', flow, PublishFlowResponseSchema, 201));
      if (!r.ok) return r;
      if (r.value.flow.id !== flow.id) return { ok: false, error: `The collector answered with another flow (“${r.value.flow.id}”, not “${flow.id}”).` };
      return { ok: true, published: r.value };
    },
  };
}
export type InsightsAdmin = ReturnType<typeof createInsightsAdmin>;
