import { z } from 'zod';
import {
  InsightsAccessInputSchema,
  type InsightsAccessInput,
  type InsightsAccessView,
  type InsightsAnswer,
  type InsightsFailureReason,
  type InsightsQueryRequest,
} from '../../src/messages/insights';
import type { Failure, Ok } from '../../src/messages/protocol';
import { RoleSchema, type WhoAmIResponse } from '../../src/schema/api';
import { zodIssues } from '../../src/schema/migrate';
import { createCollectorClient } from '../sync/collectorClient';
import { createInsightsAdmin, type InsightsCredentials } from './createInsightsAdmin';
import { describeInsightsFailure } from './describeInsightsFailure';
import { answerOf, INSIGHTS_ROUTES, insightsPath } from './insightsRoutes';

/** Where the insights access is kept: `chrome.storage.local` in the extension, a fake in tests. */
export interface AccessStore {
  read(): Promise<unknown>;
  write(record: unknown): Promise<void>;
  clear(): Promise<void>;
}

/** A query over a large tenant may take a while on the collector; a token check should not. */
export const INSIGHTS_QUERY_TIMEOUT_MS = 60_000;
export const INSIGHTS_CHECK_TIMEOUT_MS = 15_000;

/** The stored record, versioned like every persisted one. Unknown or broken records read as "nothing saved". */
const STORED_VERSION = 1;
const StoredAccessSchema = z.object({
  v: z.literal(STORED_VERSION),
  serverUrl: z.url().optional(),
  token: z.string().min(1).max(512).optional(),
  tenant: z.string().max(64).optional(),
  role: RoleSchema.optional(),
});
type StoredAccess = z.infer<typeof StoredAccessSchema>;

export interface InsightsAccessOptions {
  store: AccessStore;
  /** The sync settings' collector URL, used when insights have none of their own. */
  syncServerUrl: () => Promise<string | undefined>;
  /** In a browser, pass a bound `fetch`. */
  fetch: typeof fetch;
}

export type QueryResult = Ok<{ answer: InsightsAnswer }> | (Failure & { reason: InsightsFailureReason });

/**
 * The champion's access to insights: saved apart from the sync settings (sync holds an employee token),
 * checked with the collector before it is saved, and used for every query. The token never leaves the
 * background: views say only whether one is set.
 */
export function createInsightsAccess(o: InsightsAccessOptions) {
  async function readStored(): Promise<StoredAccess> {
    const r = StoredAccessSchema.safeParse(await o.store.read().catch(() => undefined));
    return r.success ? r.data : { v: STORED_VERSION };
  }

  async function viewOf(s: StoredAccess): Promise<InsightsAccessView> {
    const sync = await o.syncServerUrl().catch(() => undefined);
    return {
      serverUrl: s.serverUrl ?? null,
      effectiveServerUrl: s.serverUrl ?? sync ?? null,
      tokenSet: s.token !== undefined,
      tenant: s.tenant ?? null,
      role: s.role ?? null,
    };
  }

  const client = (serverUrl: string, token: string, timeoutMs: number) => createCollectorClient({ serverUrl, token, timeoutMs, fetch: o.fetch });

  const access = {
    async get(): Promise<InsightsAccessView> {
      return viewOf(await readStored());
    },

    /**
     * Saves the URL and token once the collector confirmed the token may read insights. An employee
     * token, an unknown one, or an unreachable collector changes nothing, and says why.
     */
    async save(input: InsightsAccessInput): Promise<Ok<{ access: InsightsAccessView; whoami: WhoAmIResponse }> | Failure> {
      const parsed = InsightsAccessInputSchema.safeParse(input);
      if (!parsed.success) return { ok: false, error: 'The insights access is not valid.', issues: zodIssues(parsed.error) };
      const stored = await readStored();
      const serverUrl = parsed.data.serverUrl === '' ? undefined : parsed.data.serverUrl;
      const token = parsed.data.token === undefined || parsed.data.token === '' ? stored.token : parsed.data.token;
      const effective = serverUrl ?? (await o.syncServerUrl().catch(() => undefined));
      if (effective === undefined) {
        return { ok: false, error: 'Enter the collector URL (sync has none set up).', issues: [{ path: 'serverUrl', message: 'a server URL is required' }] };
      }
      if (token === undefined) return { ok: false, error: 'Enter a champion token.', issues: [{ path: 'token', message: 'a token is required' }] };
      const me = await client(effective, token, INSIGHTS_CHECK_TIMEOUT_MS).me();
      if (!me.ok) {
        const d = describeInsightsFailure(me.failure, effective);
        return { ok: false, error: `Not saved: ${d.error}`, issues: d.reason === 'unauthorized' ? [{ path: 'token', message: 'the collector does not accept this token' }] : [] };
      }
      if (me.value.role === 'employee') {
        return {
          ok: false,
          error: `Not saved: this is an employee token (tenant “${me.value.tenant}”), which can only send events. Insights need a champion or admin token: npm run waymark -- token create --role champion.`,
          issues: [{ path: 'token', message: 'an employee token cannot read insights' }],
        };
      }
      const next: StoredAccess = { v: STORED_VERSION, token, tenant: me.value.tenant, role: me.value.role, ...(serverUrl === undefined ? {} : { serverUrl }) };
      await o.store.write(next);
      return { ok: true, access: await viewOf(next), whoami: me.value };
    },

    async clear(): Promise<InsightsAccessView> {
      await o.store.clear();
      return viewOf({ v: STORED_VERSION });
    },

    /**
     * The saved collector URL, token and role, for the background's own admin requests
     * (`createInsightsAdmin`); never sent to a page. Null when either is missing.
     */
    async credentials(): Promise<InsightsCredentials | null> {
      const stored = await readStored();
      const serverUrl = stored.serverUrl ?? (await o.syncServerUrl().catch(() => undefined));
      if (serverUrl === undefined || stored.token === undefined) return null;
      return { serverUrl, token: stored.token, role: stored.role ?? null };
    },

    /** Sends one query with the saved access; the answer is checked against the insights contract. */
    async query(q: InsightsQueryRequest): Promise<QueryResult> {
      const stored = await readStored();
      const serverUrl = stored.serverUrl ?? (await o.syncServerUrl().catch(() => undefined));
      if (serverUrl === undefined || stored.token === undefined) {
        return { ok: false, reason: 'no-access', error: 'Insights are not set up: enter the collector URL and a champion token first.' };
      }
      const route = INSIGHTS_ROUTES[q.kind];
      const r = await client(serverUrl, stored.token, INSIGHTS_QUERY_TIMEOUT_MS).get(insightsPath(q), route.schema);
      if (!r.ok) return { ok: false, ...describeInsightsFailure(r.failure, serverUrl) };
      return { ok: true, answer: answerOf(q.kind, r.value) };
    },
  };
  // The admin's requests (teams, settings, publishing) go with the same saved token.
  return { ...access, admin: createInsightsAdmin({ access, fetch: o.fetch }) };
}
export type InsightsAccess = ReturnType<typeof createInsightsAccess>;
