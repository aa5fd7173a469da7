import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { roleAllows } from '../../server/auth/requireRole';
import { createToken, listTokens, revokeToken } from '../../server/auth/tokenStore';
import { countEvents } from '../../server/store/eventStore';
import {
  AdminFlowListResponseSchema,
  ApiErrorSchema,
  ClientListResponseSchema,
  FlowsResponseSchema,
  IngestResponseSchema,
  WhoAmIResponseSchema,
} from '../../src/schema/api';
import { backends, backendTitle, stopSharedPostgres } from './support/backends';
import { makeEvents, makeFlow } from './support/fixtures';
import { serveBackend } from './support/harness';

afterAll(stopSharedPostgres);

describe('roles', () => {
  it('are ordered: each includes the ones below it', () => {
    expect(roleAllows('employee', 'employee')).toBe(true);
    expect(roleAllows('employee', 'champion')).toBe(false);
    expect(roleAllows('champion', 'employee')).toBe(true);
    expect(roleAllows('champion', 'admin')).toBe(false);
    expect(roleAllows('admin', 'champion')).toBe(true);
  });
});

describe.each(backends())('auth on $name', (backend) => {
  describe.skipIf(backend.skip)(backendTitle(backend), () => {
    const server = serveBackend(backend);
    it('stores only a SHA-256 of each token, nowhere the token itself', async () => {
      const { record, secret } = await createToken(server().sql, { tenant: 'hash', role: 'admin', label: 'ops' });
      expect(secret).toMatch(/^wm_[A-Za-z0-9_-]{43}$/); // 32 random bytes
      const { rows } = await server().sql.query('SELECT * FROM tokens WHERE id = $1', [record.id]);
      expect(rows).toHaveLength(1);
      const dump = JSON.stringify(rows);
      expect(dump).not.toContain(secret);
      expect(dump).not.toContain(secret.slice(3));
      expect(rows[0]?.secret_hash).toBe(createHash('sha256').update(secret).digest('hex'));
      expect(JSON.stringify(await listTokens(server().sql, 'hash'))).not.toContain(secret);
    });

    it('answers 401 without a token, with a malformed or unknown one, and once it is revoked', async () => {
      const anonymous = await server().client().get('/v1/flows');
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(ApiErrorSchema.parse(anonymous.body).error).toMatch(/Authorization: Bearer/);
      expect((await server().client('nonsense').get('/v1/flows')).status).toBe(401);
      expect((await server().client(`wm_${'A'.repeat(43)}`).get('/v1/flows')).status).toBe(401);

      const { record, secret } = await createToken(server().sql, { tenant: 'revoke', role: 'employee' });
      const api = server().client(secret);
      expect((await api.get('/v1/flows')).status).toBe(200);
      await revokeToken(server().sql, record.id);
      const after = await api.get('/v1/flows');
      expect(after.status).toBe(401);
      expect(ApiErrorSchema.parse(after.body).error).toBe('invalid or revoked token');
    });

    it('lets each role do what it may, and answers 403 otherwise', async () => {
      const employee = server().client(await server().token('roles', 'employee'));
      const champion = server().client(await server().token('roles', 'champion'));
      const admin = server().client(await server().token('roles', 'admin'));
      const flow = makeFlow('roles-flow');

      const denied = await employee.post('/v1/admin/flows', flow);
      expect(denied.status).toBe(403);
      expect(ApiErrorSchema.parse(denied.body).error).toMatch(/employee.*needs admin/);
      expect((await employee.get('/v1/admin/flows')).status).toBe(403);
      expect((await employee.post('/v1/admin/flows/roles-flow/retire')).status).toBe(403);
      expect((await employee.get('/v1/admin/clients')).status).toBe(403);
      expect((await champion.post('/v1/admin/flows', flow)).status).toBe(403);

      expect((await admin.post('/v1/admin/flows', flow)).status).toBe(201);
      for (const c of [employee, champion, admin]) {
        expect((await c.post('/v1/events', { events: makeEvents(1) })).status).toBe(200);
        expect((await c.get('/v1/flows')).status).toBe(200);
      }
      expect(WhoAmIResponseSchema.parse((await champion.get('/v1/me')).body)).toMatchObject({ tenant: 'roles', role: 'champion' });
    });

    it('never shows one tenant another tenant’s events, flows or clients', async () => {
      const a = { admin: server().client(await server().token('tenant-a', 'admin')), employee: server().client(await server().token('tenant-a', 'employee')) };
      const b = { admin: server().client(await server().token('tenant-b', 'admin')), employee: server().client(await server().token('tenant-b', 'employee')) };
      const events = makeEvents(20);
      await a.employee.post('/v1/events', { events, client: { installId: 'a-install', dropped: 2 } });
      expect((await a.admin.post('/v1/admin/flows', makeFlow('secret-flow'))).status).toBe(201);

      // The tenant comes from the token: a `tenant` in the body is ignored (stripped), not obeyed.
      const sneaky = await b.employee.post('/v1/events', { tenant: 'tenant-a', events: makeEvents(1) });
      expect(sneaky.status).toBe(200);

      expect(FlowsResponseSchema.parse((await b.employee.get('/v1/flows')).body).flows).toEqual([]);
      expect(AdminFlowListResponseSchema.parse((await b.admin.get('/v1/admin/flows')).body).flows).toEqual([]);
      expect((await b.admin.get('/v1/admin/flows/secret-flow/versions')).status).toBe(404);
      expect((await b.admin.post('/v1/admin/flows/secret-flow/retire')).status).toBe(404);
      expect(ClientListResponseSchema.parse((await b.admin.get('/v1/admin/clients')).body).clients).toEqual([]);

      // B sending A's event ids stores them for B: a "duplicate" would tell B which ids A holds.
      const replay = IngestResponseSchema.parse((await b.employee.post('/v1/events', { events })).body).results;
      expect(replay.every((r) => r.status === 'stored')).toBe(true);
      expect(await countEvents(server().sql, 'tenant-a')).toBe(20);
      expect(await countEvents(server().sql, 'tenant-b')).toBe(21);

      // And A's flow is untouched by B's attempts.
      expect(FlowsResponseSchema.parse((await a.employee.get('/v1/flows')).body).flows.map((f) => f.id)).toEqual(['secret-flow']);
    });
  });
});
