import { afterAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, HealthResponseSchema } from '../../src/schema/api';
import { backends, backendTitle, stopSharedPostgres } from './support/backends';
import { serveBackend, startTestServer } from './support/harness';

afterAll(stopSharedPostgres);

describe.each(backends())('health on $name', (backend) => {
  describe.skipIf(backend.skip)(backendTitle(backend), () => {
    const server = serveBackend(backend);
    it('answers 200 with the storage kind once storage answers', async () => {
      const r = await server().client().get('/v1/health');
      expect(r.status).toBe(200);
      expect(HealthResponseSchema.parse(r.body)).toEqual({ status: 'ok', storage: backend.name, version: expect.stringMatching(/^\d+\.\d+\.\d+\+ev\.[0-9a-f]{8}$/) });
    });

    it('answers unknown routes with a JSON 404', async () => {
      const r = await server().client().get('/v1/nope');
      expect(r.status).toBe(404);
      expect(ApiErrorSchema.parse(r.body).error).toContain('/v1/nope');
    });

    it('answers 503 when storage is gone, and other routes say so too', async () => {
      // A second app over its own store (a PGlite directory is locked by the first), closed under it.
      const other = await backend.create();
      const sql = await other.open();
      const orphan = await startTestServer(sql);
      const token = await orphan.token('health', 'employee');
      await sql.close();
      try {
        const health = await orphan.client().get('/v1/health');
        expect(health.status).toBe(503);
        expect(health.headers.get('retry-after')).toBe('1');
        expect(ApiErrorSchema.parse(health.body).error).toMatch(/storage unavailable/);
        const flows = await orphan.client(token).get('/v1/flows');
        expect(flows.status).toBe(503);
      } finally {
        await orphan.close();
        await other.dispose();
      }
    });
  });
});
