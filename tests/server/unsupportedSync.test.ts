import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getDb } from '../../background/db';
import { createSyncEngine } from '../../background/sync/createSyncEngine';
import { createSyncSettings } from '../../background/sync/syncSettings';
import { createWriter } from '../../background/writer';
import { countEvents } from '../../server/store/eventStore';
import { memorySettings, resetDb } from '../unit/sync/harness';
import { backends, backendTitle, stopSharedPostgres } from './support/backends';
import { olderCatalogue } from './support/olderCatalogue';
import { serveBackend, startTestServer, type TestServer } from './support/harness';

afterAll(stopSharedPostgres);

const Json = z.record(z.string(), z.unknown());

/**
 * The network between the real sync engine and the real collectors: sends each request to the
 * collector of the moment. For `legacy`, it makes the current code exactly a collector from before
 * `unsupported`: the request's `client.verdicts` is removed (such a collector strips the unknown key),
 * and the build it did not report is removed from health and ingest answers. That the remaining
 * answer is the older collector's, byte for byte, is `unsupportedEvents.test.ts`.
 */
function network(target: { server: TestServer; legacy: boolean }, log: string[]): typeof fetch {
  return async (input, init = {}) => {
    const url = new URL(String(input));
    log.push(`${init.method ?? 'GET'} ${url.pathname}`);
    let body = init.body;
    if (target.legacy && typeof body === 'string' && url.pathname === '/v1/events') {
      const parsed = Json.parse(JSON.parse(body));
      const client = Json.parse(parsed.client);
      delete client.verdicts;
      body = JSON.stringify({ ...parsed, client });
    }
    const res = await fetch(target.server.url + url.pathname + url.search, { ...init, body: body ?? null });
    if (!target.legacy || res.status !== 200) return res;
    const answer = Json.parse(await res.json());
    delete answer.version;
    delete answer.collector;
    return new Response(JSON.stringify(answer), { status: 200, headers: res.headers });
  };
}

describe.each(backends())('the sync engine against collectors that do not know an event, on $name', (backend) => {
  describe.skipIf(backend.skip)(backendTitle(backend), () => {
    const newest = serveBackend(backend);

    it('keeps the event through an older collector and a newer one that still lacks it, and stores it once one knows it', async () => {
      await resetDb();
      const sql = newest().sql;
      const tenant = `held-${backend.name}`;
      const token = await newest().token(tenant, 'employee');
      const older = await startTestServer(sql, { events: olderCatalogue('content_shown') });
      try {
        const target = { server: older, legacy: true };
        const log: string[] = [];
        const clock = { now: 1_750_000_000_000 };
        const engine = createSyncEngine({
          db: getDb,
          settings: createSyncSettings(memorySettings({ serverUrl: 'http://collector.invalid', token })),
          fetch: network(target, log),
          alarms: { ensure: async () => {} },
          version: '1.0.0',
          onFlowsChanged: async () => {},
          now: () => clock.now,
          setTimer: () => () => {},
        });
        const writer = createWriter({ userId: async () => 'u-1', now: () => clock.now });
        await writer.run(async (ctx) => {
          ctx.emit({ type: 'feature_used', featureId: 'export', firstUse: true });
          ctx.emit({ type: 'content_shown', contentId: 'tip-1', contentKind: 'tip' });
          ctx.emit({ type: 'feature_used', featureId: 'export', firstUse: false });
        });

        // 1. A collector from before `content_shown`: it refuses the event as invalid; the engine holds it.
        await engine.trigger('soon');
        expect(await countEvents(sql, tenant)).toBe(2);
        let s = await engine.status();
        expect(s).toMatchObject({ unsynced: 0, stored: 2, rejected: 0, held: { count: 1, types: ['content_shown'] } });

        // 2. Later runs do not send it again (the collector reports no new build).
        log.length = 0;
        clock.now += 60_000;
        await engine.trigger('due');
        expect(log.filter((l) => l === 'POST /v1/events')).toEqual([]);
        expect(log).toContain('GET /v1/health');

        // 3. Upgraded to a build that answers `unsupported` but still lacks the type: sent again once, held again.
        target.legacy = false;
        clock.now += 60_000;
        await engine.trigger('due');
        expect(log.filter((l) => l === 'POST /v1/events')).toHaveLength(1);
        s = await engine.status();
        expect(s).toMatchObject({ stored: 2, rejected: 0, held: { count: 1 } });
        log.length = 0;
        clock.now += 60_000;
        await engine.trigger('due');
        expect(log.filter((l) => l === 'POST /v1/events')).toEqual([]);

        // 4. Upgraded to a collector that knows it: stored, nothing held, nothing lost.
        target.server = newest();
        clock.now += 60_000;
        await engine.trigger('due');
        expect(await countEvents(sql, tenant)).toBe(3);
        s = await engine.status();
        expect(s).toMatchObject({ unsynced: 0, stored: 3, rejected: 0, dropped: 0, held: { count: 0 } });
        engine.destroy();
      } finally {
        await older.close();
      }
    });
  });
});
