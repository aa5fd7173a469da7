import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../server/auth/rateLimiter';
import { ApiErrorSchema } from '../../src/schema/api';
import { backends, backendTitle, stopSharedPostgres, type BackendStore } from './support/backends';
import { makeEvents } from './support/fixtures';
import { startTestServer, type TestServer } from './support/harness';

afterAll(stopSharedPostgres);

describe('rate limiter (token bucket)', () => {
  it('allows a burst, then refills at the configured rate, and says how long to wait', () => {
    let t = 0;
    const limiter = createRateLimiter({ perSecond: 2, burst: 3, now: () => t });
    expect([1, 2, 3].map(() => limiter.take('k').ok)).toEqual([true, true, true]);
    expect(limiter.take('k')).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take('other').ok).toBe(true); // per key
    t += 500; // one token back
    expect(limiter.take('k').ok).toBe(true);
    expect(limiter.take('k').ok).toBe(false);
    t += 60_000; // never more than the burst
    expect([1, 2, 3, 4].map(() => limiter.take('k').ok)).toEqual([true, true, true, false]);
  });

  it('is off at 0 per second', () => {
    const limiter = createRateLimiter({ perSecond: 0, burst: 1 });
    expect(Array.from({ length: 100 }, () => limiter.take('k').ok).every(Boolean)).toBe(true);
  });
});

describe.each(backends())('limits on $name', (backend) => {
  describe.skipIf(backend.skip)(backendTitle(backend), () => {
    let store: BackendStore;
    let server: TestServer;
    let clock = 1_000_000;
    beforeAll(async () => {
      store = await backend.create();
      server = await startTestServer(await store.open(), {
        limits: { maxBodyBytes: 64 * 1024, rateLimit: { perSecond: 1, burst: 3 } },
        now: () => clock,
      });
    });
    afterAll(async () => {
      await server.close();
      await server.sql.close();
      await store.dispose();
    });

    it('answers 413 with a JSON error for a body over the limit, whether or not its length is announced', async () => {
      const api = server.client(await server.token('big', 'employee'));
      const events = makeEvents(400); // about 70 KB of JSON
      const res = await api.post('/v1/events', { events });
      expect(res.status).toBe(413);
      expect(ApiErrorSchema.parse(res.body).error).toBe('request body exceeds 65536 bytes');

      // Streamed (chunked, no Content-Length): the limit is enforced while reading.
      const body = JSON.stringify({ events });
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          const bytes = new TextEncoder().encode(body);
          for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.subarray(i, i + 8192));
          controller.close();
        },
      });
      const streamed = await fetch(`${server.url}/v1/events`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await server.token('big', 'employee')}`, 'Content-Type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit & { duplex: 'half' });
      expect(streamed.status).toBe(413);
      expect(ApiErrorSchema.parse(await streamed.json()).error).toMatch(/exceeds/);
    });

    it('answers 429 with Retry-After once a token spends its burst, per token, and recovers with time', async () => {
      const api = server.client(await server.token('busy', 'employee'));
      const neighbour = server.client(await server.token('busy', 'employee'));
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await api.get('/v1/flows')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await api.get('/v1/flows');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('1');
      expect(ApiErrorSchema.parse(limited.body).error).toMatch(/rate limit/);
      expect((await neighbour.get('/v1/flows')).status).toBe(200);
      clock += 1_000;
      expect((await api.get('/v1/flows')).status).toBe(200);
    });
  });
});
