import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { oldCollectorRefusal } from '../../background/sync/oldCollectorRefusal';
import { countEvents } from '../../server/store/eventStore';
import { HealthResponseSchema, IngestResponseSchema, type EventResult } from '../../src/schema/api';
import type { WaymarkEvent } from '../../src/schema/event';
import { backends, backendTitle, stopSharedPostgres } from './support/backends';
import { makeEvent } from './support/fixtures';
import { olderCatalogue } from './support/olderCatalogue';
import { serveBackend, startTestServer, type Client } from './support/harness';

afterAll(stopSharedPostgres);

const FixtureSchema = z.object({
  request: z.object({ events: z.array(z.unknown()), client: z.object({ installId: z.string() }) }),
  status: z.number(),
  body: z.string(),
});
/** The answer of the collector from before `unsupported` (commit fe45660), captured from that server. */
const before = FixtureSchema.parse(JSON.parse(readFileSync(new URL('./fixtures/ingestBeforeUnsupported.json', import.meta.url), 'utf8')));

/** A batch with one event of each case: known, unknown type, unknown field, bad field, bad envelope, unstorable. */
function mixedBatch(): unknown[] {
  return [
    makeEvent(0, 'feature_used'),
    { ...makeEvent(1, 'feature_used'), type: 'tour_rated', rating: 3 },
    { ...makeEvent(2, 'feature_used'), source: 'launcher' },
    { ...makeEvent(3, 'step_shown'), flowId: 'not a valid id!' },
    { ...makeEvent(4, 'feature_used'), type: 'tour_rated', id: 'not-a-uuid' },
    { ...makeEvent(5, 'feature_used'), type: 'tour_rated', note: 'a\u0000b' },
    { ...makeEvent(6, 'feature_used'), type: 'Not A Type' },
  ];
}

const results = (body: unknown): EventResult[] => IngestResponseSchema.parse(body).results;

describe.each(backends())('events a collector does not know, on $name', (backend) => {
  describe.skipIf(backend.skip)(backendTitle(backend), () => {
    const server = serveBackend(backend);
    let tenantN = 0;
    const fresh = async (): Promise<{ tenant: string; api: Client }> => {
      const tenant = `unsupported-${++tenantN}`;
      return { tenant, api: server().client(await server().token(tenant, 'employee')) };
    };

    it('answers unsupported (type, unknown fields) to a client that understands it, rejected for really invalid events', async () => {
      const { tenant, api } = await fresh();
      const events = mixedBatch();
      const res = await api.post('/v1/events', { events, client: { installId: 'i-1', verdicts: ['unsupported'] } });
      expect(res.status).toBe(200);
      const r = results(res.body);
      expect(r.map((x) => x.status)).toEqual(['stored', 'unsupported', 'unsupported', 'rejected', 'rejected', 'rejected', 'rejected']);
      const id = (i: number) => (events[i] as { id: string }).id;
      expect(r[1]).toEqual({ id: id(1), status: 'unsupported', type: 'tour_rated' });
      expect(r[2]).toEqual({ id: id(2), status: 'unsupported', type: 'feature_used', unknownFields: ['source'] });
      expect(r[3]).toMatchObject({ status: 'rejected', issues: [{ path: 'events.3.flowId', message: expect.stringMatching(/letters, digits/) }] });
      expect(r[4]).toMatchObject({ status: 'rejected', id: 'not-a-uuid' });
      expect(r[5]).toMatchObject({ status: 'rejected' });
      expect(r[6]).toMatchObject({ status: 'rejected', issues: [{ path: 'events.6.type' }] });
      expect(await countEvents(server().sql, tenant)).toBe(1);

      // The answer names the build, as the health check does.
      const health = HealthResponseSchema.parse((await server().client().get('/v1/health')).body);
      expect(health.version).toMatch(/^\d+\.\d+\.\d+\+ev\.[0-9a-f]{8}$/);
      expect(IngestResponseSchema.parse(res.body).collector).toEqual({ version: health.version });
    });

    it('answers a client that does not list the verdict exactly as the collector before it did, byte for byte', async () => {
      const { api } = await fresh();
      const res = await api.post('/v1/events', before.request);
      expect(res.status).toBe(before.status);
      const old = z.object({ results: z.array(z.unknown()) }).parse(JSON.parse(before.body));
      expect(JSON.stringify(z.object({ results: z.array(z.unknown()) }).parse(res.body).results)).toBe(JSON.stringify(old.results));
    });

    it('the extension reads an older collector’s refusal of a type it lacks as “not known”, and a real refusal as final', async () => {
      const older = await startTestServer(server().sql, { events: olderCatalogue('content_shown') });
      try {
        const tenant = `unsupported-${++tenantN}`;
        const api = older.client(await older.token(tenant, 'employee'));
        const events = [makeEvent(0, 'content_shown'), makeEvent(1, 'feature_used'), { ...makeEvent(2, 'content_shown'), contentId: 'bad id!' }];
        // The older collector never heard of `verdicts`: an old route strips it; here it has no say either way.
        const r = results((await api.post('/v1/events', { events, client: { installId: 'i-1' } })).body);
        expect(r.map((x) => x.status)).toEqual(['rejected', 'stored', 'rejected']);
        const issues = (i: number) => {
          const x = r[i];
          if (x?.status !== 'rejected') throw new Error(`event ${i} was not rejected`);
          return x.issues;
        };
        expect(issues(0)[0]?.message).toMatch(/^Invalid discriminator value\. Expected 'flow_started'/);
        expect(oldCollectorRefusal(events[0] as WaymarkEvent, 0, issues(0))).toEqual({ type: 'content_shown' });
        // Invalid by the extension's own schema: the collector's age is not the reason, so it stays final.
        expect(oldCollectorRefusal(events[2] as WaymarkEvent, 2, issues(2))).toBeNull();
        // The same refusal read for another index or another event is not taken as one.
        expect(oldCollectorRefusal(events[0] as WaymarkEvent, 1, issues(0))).toBeNull();
        expect(oldCollectorRefusal(makeEvent(3, 'feature_used'), 0, issues(0))).toBeNull();
      } finally {
        await older.close();
      }
    });

    it('the extension reads an older collector’s refusal of a field it lacks as “not known”', async () => {
      const older = await startTestServer(server().sql, { events: olderCatalogue('feature_used', 'firstUse') });
      try {
        const api = older.client(await older.token(`unsupported-${++tenantN}`, 'employee'));
        const e = makeEvent(0, 'feature_used');
        const r = results((await api.post('/v1/events', { events: [makeEvent(1, 'flow_started'), e] })).body);
        const v = r[1];
        if (v?.status !== 'rejected') throw new Error('the older collector stored an event it cannot know');
        expect(v.issues).toEqual([{ path: 'events.1', message: 'Unrecognized key: "firstUse"' }]);
        expect(oldCollectorRefusal(e, 1, v.issues)).toEqual({ type: 'feature_used', unknownFields: ['firstUse'] });
        // A field the event does not have is not its own: final.
        expect(oldCollectorRefusal(e, 1, [{ path: 'events.1', message: 'Unrecognized key: "source"' }])).toBeNull();
      } finally {
        await older.close();
      }
    });

    it('a newer catalogue is another build', async () => {
      const older = await startTestServer(server().sql, { events: olderCatalogue('content_shown') });
      try {
        const a = HealthResponseSchema.parse((await older.client().get('/v1/health')).body).version;
        const b = HealthResponseSchema.parse((await server().client().get('/v1/health')).body).version;
        expect(a).toBeDefined();
        expect(a).not.toBe(b);
      } finally {
        await older.close();
      }
    });
  });
});
