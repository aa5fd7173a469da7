import { afterAll, describe, expect, it } from 'vitest';
import {
  AdminFlowListResponseSchema,
  ApiErrorSchema,
  FlowsResponseSchema,
  FlowVersionsResponseSchema,
  PublishFlowResponseSchema,
  RetireFlowResponseSchema,
} from '../../src/schema/api';
import { backends, backendTitle, stopSharedPostgres } from './support/backends';
import { makeFlow } from './support/fixtures';
import { serveBackend, type Client } from './support/harness';

afterAll(stopSharedPostgres);

describe.each(backends())('flows on $name', (backend) => {
  describe.skipIf(backend.skip)(backendTitle(backend), () => {
    const server = serveBackend(backend);
    let n = 0;
    const tenant = async () => {
      const t = `flows-${++n}`;
      return {
        admin: server().client(await server().token(t, 'admin')),
        employee: server().client(await server().token(t, 'employee')),
      };
    };
    const publish = async (admin: Client, doc: unknown) => {
      const r = await admin.post('/v1/admin/flows', doc);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return PublishFlowResponseSchema.parse(r.body);
    };

    it('publishes versions, serves the latest with an ETag, answers 304, and drops a retired flow', async () => {
      const { admin, employee } = await tenant();

      // The document's own version and status are ignored: the server numbers published versions.
      const v1 = await publish(admin, makeFlow('onboarding', { version: 9, status: 'draft' }));
      expect(v1.flow.version).toBe(1);
      expect(v1.flow.status).toBe('published');
      expect(v1.migratedFrom).toBeNull();
      const v2 = await publish(admin, makeFlow('onboarding', { name: 'Onboarding, take two' }));
      expect(v2.flow.version).toBe(2);
      await publish(admin, makeFlow('billing'));

      const list = AdminFlowListResponseSchema.parse((await admin.get('/v1/admin/flows')).body).flows;
      expect(list.map((f) => [f.id, f.name, f.state, f.latestVersion, f.versionCount])).toEqual([
        ['billing', 'Flow billing', 'published', 1, 1],
        ['onboarding', 'Onboarding, take two', 'published', 2, 2],
      ]);

      const history = FlowVersionsResponseSchema.parse((await admin.get('/v1/admin/flows/onboarding/versions')).body);
      expect(history.versions.map((v) => [v.version, v.flow.name])).toEqual([
        [2, 'Onboarding, take two'],
        [1, 'Flow onboarding'],
      ]);

      const live = await employee.get('/v1/flows');
      expect(live.status).toBe(200);
      const etag = live.headers.get('etag');
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      expect(FlowsResponseSchema.parse(live.body).flows.map((f) => [f.id, f.version])).toEqual([
        ['billing', 1],
        ['onboarding', 2],
      ]);

      const same = await employee.get('/v1/flows', { 'If-None-Match': etag ?? '' });
      expect(same.status).toBe(304);
      expect(same.body).toBeUndefined();
      expect(same.headers.get('etag')).toBe(etag);
      // A weak form of the same tag, as some proxies send, and a list of tags, also match.
      expect((await employee.get('/v1/flows', { 'If-None-Match': `"x", W/${etag}` })).status).toBe(304);
      expect((await employee.get('/v1/flows', { 'If-None-Match': '"stale"' })).status).toBe(200);

      const retired = await admin.post('/v1/admin/flows/onboarding/retire');
      expect(retired.status).toBe(200);
      expect(RetireFlowResponseSchema.parse(retired.body)).toMatchObject({ id: 'onboarding', state: 'retired', latestVersion: 2 });
      // Retiring twice is a no-op with the same answer.
      const again = RetireFlowResponseSchema.parse((await admin.post('/v1/admin/flows/onboarding/retire')).body);
      expect(again.retiredAt).toBe(RetireFlowResponseSchema.parse(retired.body).retiredAt);

      const after = await employee.get('/v1/flows', { 'If-None-Match': etag ?? '' });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(etag);
      expect(FlowsResponseSchema.parse(after.body).flows.map((f) => f.id)).toEqual(['billing']);

      const listed = AdminFlowListResponseSchema.parse((await admin.get('/v1/admin/flows')).body).flows;
      expect(listed.find((f) => f.id === 'onboarding')).toMatchObject({ state: 'retired', versionCount: 2 });

      // Publishing a retired id brings it back as the next version.
      const v3 = await publish(admin, makeFlow('onboarding'));
      expect(v3.flow.version).toBe(3);
      expect(FlowsResponseSchema.parse((await employee.get('/v1/flows')).body).flows.map((f) => [f.id, f.version])).toEqual([
        ['billing', 1],
        ['onboarding', 3],
      ]);
    });

    it('gives the same ETag for the same flows, and an empty list its own', async () => {
      const { admin, employee } = await tenant();
      const empty = await employee.get('/v1/flows');
      expect(FlowsResponseSchema.parse(empty.body).flows).toEqual([]);
      await publish(admin, makeFlow('a'));
      const one = await employee.get('/v1/flows');
      const two = await employee.get('/v1/flows');
      expect(one.headers.get('etag')).toBe(two.headers.get('etag'));
      expect(one.headers.get('etag')).not.toBe(empty.headers.get('etag'));
      expect(one.headers.get('cache-control')).toBe('private, no-cache');
    });

    it('migrates an old (schema 1) document on publish', async () => {
      const { admin } = await tenant();
      const r = await publish(admin, {
        schemaVersion: 1,
        id: 'legacy',
        name: 'Legacy',
        status: 'draft',
        urlPattern: 'https://app.example.com/*',
        autoStart: true,
        steps: [{ id: 's1', title: 'Hi', body: 'Hello there' }],
      });
      expect(r.migratedFrom).toBe(1);
      expect(r.flow).toMatchObject({ schemaVersion: 2, id: 'legacy', version: 1, start: 'auto', status: 'published' });
    });

    it('refuses an invalid document, naming each field and why', async () => {
      const { admin } = await tenant();
      const doc = makeFlow('broken', { steps: [{ id: 'a', title: 'A', body: [] }, { id: 'b', title: '', body: [] }] });
      const r = await admin.post('/v1/admin/flows', doc);
      expect(r.status).toBe(400);
      const err = ApiErrorSchema.parse(r.body);
      expect(err.error).toBe('invalid flow document');
      expect(err.issues).toEqual([{ path: 'steps.1.title', message: 'a step needs a title' }]);
      const dup = await admin.post('/v1/admin/flows', makeFlow('broken', { steps: [{ id: 'a', title: 'A', body: [] }, { id: 'a', title: 'B', body: [] }] }));
      expect(ApiErrorSchema.parse(dup.body).issues).toEqual([{ path: 'steps.1.id', message: 'duplicate step id "a" (also step 1)' }]);
      const version = await admin.post('/v1/admin/flows', { ...makeFlow('x'), schemaVersion: 99 });
      expect(ApiErrorSchema.parse(version.body).issues?.[0]?.path).toBe('schemaVersion');
    });

    it('answers 404 for unknown flows and 400 for malformed ids', async () => {
      const { admin } = await tenant();
      expect((await admin.get('/v1/admin/flows/nothing/versions')).status).toBe(404);
      expect((await admin.post('/v1/admin/flows/nothing/retire')).status).toBe(404);
      const bad = await admin.post('/v1/admin/flows/%20bad/retire');
      expect(bad.status).toBe(400);
      expect(ApiErrorSchema.parse(bad.body).issues?.[0]?.path).toBe('params.id');
    });

    it('gives concurrent publishes of one flow distinct, consecutive versions', async () => {
      const { admin } = await tenant();
      const results = await Promise.all(Array.from({ length: 8 }, () => publish(admin, makeFlow('race'))));
      expect(results.map((r) => r.flow.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });
  });
});
