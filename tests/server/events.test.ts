import { afterAll, describe, expect, it } from 'vitest';
import { countEvents } from '../../server/store/eventStore';
import { ApiErrorSchema, ClientListResponseSchema, INGEST_MAX_EVENTS, IngestResponseSchema } from '../../src/schema/api';
import { backends, backendTitle, stopSharedPostgres } from './support/backends';
import { makeEvent, makeEvents } from './support/fixtures';
import { serveBackend, type Client } from './support/harness';

afterAll(stopSharedPostgres);

describe.each(backends())('event ingest on $name', (backend) => {
  describe.skipIf(backend.skip)(backendTitle(backend), () => {
    const server = serveBackend(backend);
    let tenantN = 0;
    /** Each test its own tenant, so counts are its own. */
    const fresh = async (): Promise<{ tenant: string; api: Client }> => {
      const tenant = `events-${++tenantN}`;
      return { tenant, api: server().client(await server().token(tenant, 'employee')) };
    };

    it('stores a batch, and acknowledges the same batch again as duplicates without storing it twice', async () => {
      const { tenant, api } = await fresh();
      const events = makeEvents(120);
      const first = await api.post('/v1/events', { events });
      expect(first.status).toBe(200);
      const r1 = IngestResponseSchema.parse(first.body).results;
      expect(r1.map((r) => r.status)).toEqual(events.map(() => 'stored'));
      expect(r1.map((r) => r.id)).toEqual(events.map((e) => e.id));
      expect(await countEvents(server().sql, tenant)).toBe(120);

      const again = await api.post('/v1/events', { events });
      expect(again.status).toBe(200);
      const r2 = IngestResponseSchema.parse(again.body).results;
      expect(r2.map((r) => r.status)).toEqual(events.map(() => 'duplicate'));
      expect(r2.map((r) => r.id)).toEqual(events.map((e) => e.id));
      expect(await countEvents(server().sql, tenant)).toBe(120);
    });

    it('judges each event on its own: one bad event is rejected with its field path, the others are stored', async () => {
      const { tenant, api } = await fresh();
      const events: unknown[] = makeEvents(5);
      const bad = { ...makeEvent(3, 'step_shown'), flowId: 'not a valid id!' };
      events[3] = bad;
      events.push(42, { ...makeEvent(9, 'flow_started'), id: 'not-a-uuid' }, { ...makeEvent(10, 'feature_used'), extra: 1 });
      const res = await api.post('/v1/events', { events });
      expect(res.status).toBe(200);
      const results = IngestResponseSchema.parse(res.body).results;
      expect(results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored', 'rejected', 'stored', 'rejected', 'rejected', 'rejected']);
      const at = (i: number) => {
        const r = results[i];
        if (r?.status !== 'rejected') throw new Error(`event ${i} was not rejected`);
        return r;
      };
      expect(at(3).id).toBe(bad.id);
      expect(at(3).issues).toEqual([{ path: 'events.3.flowId', message: expect.stringMatching(/letters, digits/) }]);
      expect(at(5).id).toBeNull();
      expect(at(5).issues[0]?.path).toBe('events.5');
      expect(at(6).issues).toEqual([{ path: 'events.6.id', message: 'must be a UUIDv7' }]);
      expect(at(7).issues[0]?.path).toBe('events.7');
      expect(at(7).issues[0]?.message).toMatch(/extra/);
      expect(await countEvents(server().sql, tenant)).toBe(4);
    });

    it('rejects, per event, text PostgreSQL cannot store (NUL, unpaired surrogates) instead of failing the batch', async () => {
      const { tenant, api } = await fresh();
      const events = [makeEvent(0), { ...makeEvent(1), userId: 'a\u0000b' }, { ...makeEvent(2), userId: 'x\uD800y' }, makeEvent(3)];
      const results = IngestResponseSchema.parse((await api.post('/v1/events', { events })).body).results;
      expect(results.map((r) => r.status)).toEqual(['stored', 'rejected', 'rejected', 'stored']);
      expect(results[1]).toMatchObject({ issues: [{ path: 'events.1.userId', message: expect.stringMatching(/NUL/) }] });
      expect(results[2]).toMatchObject({ issues: [{ path: 'events.2.userId', message: expect.stringMatching(/surrogate/) }] });
      expect(await countEvents(server().sql, tenant)).toBe(2);
    });

    it('stores the first of two events with one id in a batch, and calls the second a duplicate', async () => {
      const { tenant, api } = await fresh();
      const e = makeEvent(0);
      const results = IngestResponseSchema.parse((await api.post('/v1/events', { events: [e, makeEvent(1), e] })).body).results;
      expect(results.map((r) => r.status)).toEqual(['stored', 'stored', 'duplicate']);
      expect(await countEvents(server().sql, tenant)).toBe(2);
    });

    it('copies the common fields into columns and keeps the whole event as JSON', async () => {
      const { tenant, api } = await fresh();
      const step = makeEvent(5, 'target_missing');
      const feature = makeEvent(6, 'feature_used');
      await api.post('/v1/events', { events: [step, feature] });
      const { rows } = await server().sql.query(
        `SELECT id::text AS id, type, user_id, ts, seq, flow_id, flow_version, step_id, step_index, feature_id, body
         FROM events WHERE tenant = $1 ORDER BY seq`,
        [tenant],
      );
      expect(rows).toEqual([
        {
          id: step.id,
          type: 'target_missing',
          user_id: step.userId,
          ts: step.ts,
          seq: step.seq,
          flow_id: 'flow-2',
          flow_version: 2,
          step_id: 'step-1',
          step_index: 1,
          feature_id: null,
          body: step,
        },
        {
          id: feature.id,
          type: 'feature_used',
          user_id: feature.userId,
          ts: feature.ts,
          seq: feature.seq,
          flow_id: null,
          flow_version: null,
          step_id: null,
          step_index: null,
          feature_id: 'feature-1',
          body: feature,
        },
      ]);
    });

    it(`refuses more than ${INGEST_MAX_EVENTS} events, naming the field`, async () => {
      const { api } = await fresh();
      const res = await api.post('/v1/events', { events: makeEvents(INGEST_MAX_EVENTS + 1) });
      expect(res.status).toBe(400);
      expect(ApiErrorSchema.parse(res.body).issues).toEqual([{ path: 'events', message: `at most ${INGEST_MAX_EVENTS} events per request` }]);
      const ok = await api.post('/v1/events', { events: makeEvents(INGEST_MAX_EVENTS) });
      expect(ok.status).toBe(200);
    });

    it('names the field of an invalid envelope, and says when the body is not JSON', async () => {
      const { api } = await fresh();
      const res = await api.post('/v1/events', { events: [], client: { installId: '', dropped: -1 } });
      expect(res.status).toBe(400);
      expect(ApiErrorSchema.parse(res.body).issues?.map((i) => i.path)).toEqual(['client.installId', 'client.dropped']);
      const bad = await api.postRaw('/v1/events', '{"events": [');
      expect(bad.status).toBe(400);
      expect(ApiErrorSchema.parse(bad.body).error).toBe('request body is not valid JSON');
    });

    it('records the highest dropped counter per install, readable by admins of that tenant only', async () => {
      const { tenant, api } = await fresh();
      expect((await api.post('/v1/events', { events: [makeEvent(0)], client: { installId: 'install-a', dropped: 5 } })).status).toBe(200);
      // Out of order: a lower count must not overwrite the higher one.
      await api.post('/v1/events', { events: [], client: { installId: 'install-a', dropped: 3 } });
      await api.post('/v1/events', { events: [], client: { installId: 'install-b' } });
      const admin = server().client(await server().token(tenant, 'admin'));
      const list = ClientListResponseSchema.parse((await admin.get('/v1/admin/clients')).body).clients;
      expect(list.map((c) => [c.installId, c.dropped]).sort()).toEqual([
        ['install-a', 5],
        ['install-b', 0],
      ]);
      const other = server().client(await server().token(`${tenant}-other`, 'admin'));
      expect(ClientListResponseSchema.parse((await other.get('/v1/admin/clients')).body).clients).toEqual([]);
      expect((await api.get('/v1/admin/clients')).status).toBe(403);
    });
  });
});
