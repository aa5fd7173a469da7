import { describe, expect, it } from 'vitest';
import { createInsightsAdmin, type InsightsCredentials } from '../../../background/insights/createInsightsAdmin';
import { AdminRequestSchemas } from '../../../src/messages/protocol';
import { FlowSchema, type Flow } from '../../../src/schema/flow';

/*
 * The admin's insights requests with a fake collector behind an injected fetch: who may send them, what
 * goes over the wire, how the collector's field errors come back, and how answers are checked.
 */

const FLOW: Flow = FlowSchema.parse({
  schemaVersion: 2,
  kind: 'flow',
  id: 'file-expense',
  name: 'File an expense',
  version: 3,
  status: 'published',
  match: ['https://erp.example.com/*'],
  start: 'launcher',
  steps: [{ id: 's1', title: 'Open', body: [] }],
  baselineMinutes: 10,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

function setup(cred: InsightsCredentials | null, answer: (path: string, body: unknown) => { status: number; body: unknown }) {
  const sent: { path: string; method: string; body: unknown; auth: string | null }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input)).pathname;
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    sent.push({ path, method: init?.method ?? 'GET', body, auth: new Headers(init?.headers).get('Authorization') });
    const a = answer(path, body);
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'Content-Type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { admin: createInsightsAdmin({ access: { credentials: async () => cred }, fetch }), sent };
}

const ADMIN: InsightsCredentials = { serverUrl: 'http://c.example', token: 'wm_admin', role: 'admin' };
const TEAMS = { minGroupSize: 5, teams: [{ team: 'sales', members: 6, mappedByAdmin: 6 }], unassigned: 0 };

describe('insights admin requests', () => {
  it('need a saved admin token, and send nothing otherwise', async () => {
    const none = setup(null, () => ({ status: 200, body: TEAMS }));
    expect(await none.admin.teams()).toMatchObject({ ok: false, error: expect.stringContaining('Not set up') });
    const champ = setup({ ...ADMIN, role: 'champion' }, () => ({ status: 200, body: TEAMS }));
    expect(await champ.admin.setSettings({ minGroupSize: 6 })).toMatchObject({ ok: false, error: expect.stringContaining('the saved one is a champion token') });
    expect([...none.sent, ...champ.sent]).toEqual([]);
  });

  it('saves a mapping, then reads the sizes again', async () => {
    const { admin, sent } = setup(ADMIN, (path) => (path === '/v1/admin/teams' ? { status: 200, body: sent.at(-1)?.method === 'POST' ? { updated: 1 } : TEAMS } : { status: 404, body: { error: 'no' } }));
    const r = await admin.assign([{ userId: 'emp-1', team: 'sales' }]);
    expect(r).toEqual({ ok: true, updated: 1, teams: TEAMS });
    expect(sent.map((s) => [s.method, s.path, s.auth])).toEqual([
      ['POST', '/v1/admin/teams', 'Bearer wm_admin'],
      ['GET', '/v1/admin/teams', 'Bearer wm_admin'],
    ]);
    expect(sent[0]?.body).toEqual({ assignments: [{ userId: 'emp-1', team: 'sales' }] });
  });

  it("keeps the collector's field errors, so the page can show them at the field", async () => {
    const { admin } = setup(ADMIN, () => ({
      status: 400,
      body: { error: 'invalid insights settings', issues: [{ path: 'minGroupSize', message: 'the minimum group size cannot be below 5' }] },
    }));
    expect(await admin.setSettings({ minGroupSize: 3 })).toEqual({
      ok: false,
      error: 'The collector refused the query (HTTP 400: invalid insights settings (minGroupSize: the minimum group size cannot be below 5)).',
      issues: [{ path: 'minGroupSize', message: 'the minimum group size cannot be below 5' }],
    });
  });

  it('publishes a flow (201), and checks the answer is that flow and matches the contract', async () => {
    const published = { flow: { ...FLOW, version: 4 }, publishedAt: '2026-02-01T10:00:00.000Z', migratedFrom: null };
    const ok = setup(ADMIN, () => ({ status: 201, body: published }));
    const r = await ok.admin.publishFlow(FLOW);
    expect(r).toMatchObject({ ok: true, published: { flow: { id: 'file-expense', version: 4, baselineMinutes: 10 } } });
    expect(ok.sent[0]).toMatchObject({ method: 'POST', path: '/v1/admin/flows', body: FLOW });

    const other = setup(ADMIN, () => ({ status: 201, body: { ...published, flow: { ...FLOW, id: 'another' } } }));
    expect(await other.admin.publishFlow(FLOW)).toMatchObject({ ok: false, error: expect.stringContaining('another flow') });
    const broken = setup(ADMIN, () => ({ status: 201, body: { flow: { id: 'file-expense' } } }));
    expect(await broken.admin.publishFlow(FLOW)).toMatchObject({ ok: false, error: expect.stringContaining('does not match what this version of Waymark expects') });
    const wrongStatus = setup(ADMIN, () => ({ status: 200, body: published }));
    expect(await wrongStatus.admin.publishFlow(FLOW)).toMatchObject({ ok: false });
  });

  it('the messages are checked on arrival: a flow that is not a flow, a team mapping without ids, a size that is not a whole number', () => {
    expect(AdminRequestSchemas['admin/insights/flows/publish'].safeParse({ type: 'admin/insights/flows/publish', flow: { id: 'x' } }).success).toBe(false);
    expect(AdminRequestSchemas['admin/insights/flows/publish'].safeParse({ type: 'admin/insights/flows/publish', flow: FLOW }).success).toBe(true);
    expect(AdminRequestSchemas['admin/insights/teams/assign'].safeParse({ type: 'admin/insights/teams/assign', assignments: [{ userId: '', team: 'a' }] }).success).toBe(false);
    expect(AdminRequestSchemas['admin/insights/teams/assign'].safeParse({ type: 'admin/insights/teams/assign', assignments: [] }).success).toBe(false);
    expect(AdminRequestSchemas['admin/insights/settings/set'].safeParse({ type: 'admin/insights/settings/set', minGroupSize: 5.5 }).success).toBe(false);
    // The floor is the collector's to enforce (and to name at the field).
    expect(AdminRequestSchemas['admin/insights/settings/set'].safeParse({ type: 'admin/insights/settings/set', minGroupSize: 3 }).success).toBe(true);
  });
});
