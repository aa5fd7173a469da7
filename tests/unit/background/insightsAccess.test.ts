import { describe, expect, it } from 'vitest';
import { createInsightsAccess, type AccessStore } from '../../../background/insights/createInsightsAccess';
import { describeInsightsFailure } from '../../../background/insights/describeInsightsFailure';
import { insightsPath } from '../../../background/insights/insightsRoutes';
import { AdminRequestSchemas } from '../../../src/messages/protocol';
import type { Role } from '../../../src/schema/api';

/*
 * The insights access with a fake collector behind an injected fetch and an in-memory store: what is
 * saved, what is refused and why, what goes over the wire, and how answers are checked.
 */

const SCOPE = { from: '2026-01-05', to: '2026-02-01', team: null, minGroupSize: 5, activeUsers: 40 };

function memoryStore(initial?: unknown): AccessStore & { value: unknown } {
  const s = {
    value: initial,
    read: async () => s.value,
    write: async (r: unknown) => {
      s.value = structuredClone(r);
    },
    clear: async () => {
      s.value = undefined;
    },
  };
  return s;
}

function fakeCollector(tokens: Record<string, Role>) {
  const requests: { url: string; auth: string | null }[] = [];
  let stuckBody: unknown = { suppressed: false, scope: SCOPE, items: [] };
  let down = false;
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const auth = new Headers(init?.headers).get('Authorization');
    requests.push({ url, auth });
    if (down) throw new TypeError('Failed to fetch');
    const role = tokens[(auth ?? '').replace(/^Bearer /, '')];
    if (!role) return json(401, { error: 'unknown token' });
    const path = new URL(url).pathname;
    if (path === '/v1/me') return json(200, { tenant: 'acme', role, tokenId: 'tk_1' });
    if (role === 'employee') return json(403, { error: 'this route needs the champion role' });
    if (path === '/v1/insights/stuck') return json(200, stuckBody);
    return json(404, { error: 'not found' });
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    setStuck: (b: unknown) => (stuckBody = b),
    setDown: (d: boolean) => (down = d),
  };
}

/** `syncUrl` null: sync has no collector set up. */
const setup = (syncUrl: string | null = 'http://sync.example:8787') => {
  const collector = fakeCollector({ 'wm_champ': 'champion', 'wm_emp': 'employee', 'wm_admin': 'admin' });
  const store = memoryStore();
  const access = createInsightsAccess({ store, syncServerUrl: async () => syncUrl ?? undefined, fetch: collector.fetch });
  return { collector, store, access };
};

const stuckQuery = { kind: 'stuck', params: { from: '2026-01-05', to: '2026-02-01' } } as const;

describe('insights access', () => {
  it('uses the sync collector unless a URL is set, and never shows the token back', async () => {
    const { access, store, collector } = setup();
    expect(await access.get()).toEqual({ serverUrl: null, effectiveServerUrl: 'http://sync.example:8787', tokenSet: false, tenant: null, role: null });
    const r = await access.save({ serverUrl: '', token: 'wm_champ' });
    expect(r.ok).toBe(true);
    expect(collector.requests.at(-1)).toEqual({ url: 'http://sync.example:8787/v1/me', auth: 'Bearer wm_champ' });
    if (!r.ok) return;
    expect(r.access).toEqual({ serverUrl: null, effectiveServerUrl: 'http://sync.example:8787', tokenSet: true, tenant: 'acme', role: 'champion' });
    expect(JSON.stringify(r.access)).not.toContain('wm_champ');
    expect(JSON.stringify(await access.get())).not.toContain('wm_champ');
    expect(store.value).toMatchObject({ v: 1, token: 'wm_champ' });

    // A URL of its own; an empty token keeps the saved one (checked again against the new URL).
    const r2 = await access.save({ serverUrl: 'https://insights.example/', token: '' });
    expect(r2.ok && r2.access).toMatchObject({ serverUrl: 'https://insights.example', effectiveServerUrl: 'https://insights.example', tokenSet: true });
    expect(collector.requests.at(-1)).toEqual({ url: 'https://insights.example/v1/me', auth: 'Bearer wm_champ' });
  });

  it('refuses an employee token, an unknown one, and an unreachable collector, and saves nothing', async () => {
    const { access, store, collector } = setup();
    const emp = await access.save({ serverUrl: '', token: 'wm_emp' });
    expect(emp.ok).toBe(false);
    if (!emp.ok) {
      expect(emp.error).toMatch(/employee token/);
      expect(emp.error).toMatch(/champion or admin/);
      expect(emp.issues).toEqual([{ path: 'token', message: 'an employee token cannot read insights' }]);
    }
    const unknown = await access.save({ serverUrl: '', token: 'wm_nope' });
    expect(!unknown.ok && unknown.error).toMatch(/HTTP 401/);
    collector.setDown(true);
    const down = await access.save({ serverUrl: '', token: 'wm_champ' });
    expect(!down.ok && down.error).toMatch(/Could not reach the collector at http:\/\/sync.example:8787/);
    expect(store.value).toBeUndefined();
    expect((await access.get()).tokenSet).toBe(false);
  });

  it('asks for a URL when sync has none, and for a token when none is saved', async () => {
    const { access, collector } = setup(null);
    const noUrl = await access.save({ serverUrl: '', token: 'wm_champ' });
    expect(!noUrl.ok && noUrl.issues?.[0]?.path).toBe('serverUrl');
    const noToken = await access.save({ serverUrl: 'http://x.example' });
    expect(!noToken.ok && noToken.issues?.[0]?.path).toBe('token');
    expect(collector.requests).toHaveLength(0);
    const bad = await access.save({ serverUrl: 'ftp://x.example', token: 'wm_champ' });
    expect(!bad.ok && bad.issues?.[0]?.path).toBe('serverUrl');
  });

  it('sends queries with the champion token and returns the validated answer', async () => {
    const { access, collector } = setup();
    expect(await access.query(stuckQuery)).toMatchObject({ ok: false, reason: 'no-access' });
    expect(collector.requests).toHaveLength(0);
    await access.save({ serverUrl: '', token: 'wm_champ' });
    const r = await access.query(stuckQuery);
    expect(r).toEqual({ ok: true, answer: { kind: 'stuck', response: { suppressed: false, scope: SCOPE, items: [] } } });
    expect(collector.requests.at(-1)).toEqual({ url: 'http://sync.example:8787/v1/insights/stuck?from=2026-01-05&to=2026-02-01', auth: 'Bearer wm_champ' });
  });

  it('refuses an answer that does not match the contract, naming the field', async () => {
    const { access, collector } = setup();
    await access.save({ serverUrl: '', token: 'wm_champ' });
    collector.setStuck({ suppressed: false, scope: { ...SCOPE, activeUsers: -1 }, items: [] });
    const r = await access.query(stuckQuery);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('invalid');
      expect(r.error).toMatch(/scope\.activeUsers/);
    }
    // A suppressed answer is an answer, not an error.
    collector.setStuck({ suppressed: true, scope: { ...SCOPE, team: 'tiny', activeUsers: null }, reason: 'fewer than 5 people' });
    expect(await access.query(stuckQuery)).toMatchObject({ ok: true, answer: { kind: 'stuck', response: { suppressed: true } } });
  });

  it('reads a broken stored record as nothing saved', async () => {
    const collector = fakeCollector({});
    const access = createInsightsAccess({ store: memoryStore({ v: 1, token: 42 }), syncServerUrl: async () => undefined, fetch: collector.fetch });
    expect(await access.get()).toMatchObject({ tokenSet: false, effectiveServerUrl: null });
  });
});

describe('insights queries', () => {
  it('build the same URL for the same query, leaving out what is absent', () => {
    expect(insightsPath({ kind: 'flows', params: { to: '2026-02-01', from: '2026-01-05', team: 'Sales EMEA', flowId: 'onboarding' } })).toBe(
      '/v1/insights/flows?flowId=onboarding&from=2026-01-05&team=Sales+EMEA&to=2026-02-01',
    );
    expect(insightsPath({ kind: 'teams', params: { from: '2026-01-05', to: '2026-02-01' } })).toBe('/v1/insights/teams?from=2026-01-05&to=2026-02-01');
  });

  it('are checked by the message schema: kind, dates and range', () => {
    const schema = AdminRequestSchemas['admin/insights/query'];
    expect(schema.safeParse({ type: 'admin/insights/query', query: stuckQuery }).success).toBe(true);
    expect(schema.safeParse({ type: 'admin/insights/query', query: { kind: 'people', params: stuckQuery.params } }).success).toBe(false);
    const backwards = schema.safeParse({ type: 'admin/insights/query', query: { kind: 'stuck', params: { from: '2026-02-01', to: '2026-01-05' } } });
    expect(backwards.success).toBe(false);
    expect(backwards.error?.issues[0]?.path).toEqual(['query', 'params', 'to']);
  });

  it('failures say what to do, by kind', () => {
    const url = 'http://c.example';
    expect(describeInsightsFailure({ kind: 'http', status: 401, message: 'unknown token', retryAfterMs: null }, url).reason).toBe('unauthorized');
    const forbidden = describeInsightsFailure({ kind: 'http', status: 403, message: 'needs champion', retryAfterMs: null }, url);
    expect(forbidden).toEqual({ reason: 'forbidden', error: expect.stringMatching(/HTTP 403.*champion or admin token/) });
    expect(describeInsightsFailure({ kind: 'http', status: 503, message: 'down', retryAfterMs: 2500 }, url).error).toMatch(/Try again in 3 s/);
    expect(describeInsightsFailure({ kind: 'http', status: 400, message: 'from: bad', retryAfterMs: null }, url).reason).toBe('rejected');
    expect(describeInsightsFailure({ kind: 'timeout', afterMs: 60_000 }, url).error).toMatch(/within 60 s/);
    expect(describeInsightsFailure({ kind: 'network', message: 'Failed to fetch' }, url).error).toMatch(/at http:\/\/c\.example/);
  });
});
