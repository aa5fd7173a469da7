import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../server/auth/tokenStore';
import { HealthResponseSchema, IngestResponseSchema } from '../../src/schema/api';
import { backends, backendTitle, stopSharedPostgres, type BackendStore } from './support/backends';
import { makeEvents } from './support/fixtures';
import { clientFor } from './support/harness';
import { spawnServer, waitForHealth } from './support/processes';

afterAll(stopSharedPostgres);

describe.each(backends())('the server process on $name', (backend) => {
  describe.skipIf(backend.skip)(backendTitle(backend), () => {
    let store: BackendStore;
    beforeAll(async () => {
      store = await backend.create();
    });
    afterAll(() => store.dispose());

    it('starts with PORT and its storage, reports healthy, and exits 0 on SIGTERM', async () => {
      const server = await spawnServer(store.env);
      try {
        const res = await waitForHealth(server);
        expect(HealthResponseSchema.parse(await res.json())).toEqual({ status: 'ok', storage: backend.name, version: expect.stringMatching(/^\d+\.\d+\.\d+\+ev\.[0-9a-f]{8}$/) });
        if (backend.name === 'pglite') expect(existsSync(join(store.config.dataDir, 'waymark.pid'))).toBe(true);
      } finally {
        expect(await server.stop('SIGTERM')).toBe(0);
      }
      expect(server.output()).toMatch(/SIGTERM: closing[\s\S]*closed/);
      // The PGlite lock is released, so the next process can open the directory.
      expect(existsSync(join(store.config.dataDir, 'waymark.pid'))).toBe(false);
    });

    it('also closes cleanly on SIGINT (Ctrl-C)', async () => {
      const server = await spawnServer(store.env);
      await waitForHealth(server);
      expect(await server.stop('SIGINT')).toBe(0);
    });

    // PGlite only (PostgreSQL serves any number of processes).
    if (backend.name === 'pglite') it('refuses to share a PGlite directory with a running server', async () => {
      const first = await spawnServer(store.env);
      try {
        await waitForHealth(first);
        const second = await spawnServer(store.env);
        expect(await second.exited).toBe(1);
        expect(second.output()).toMatch(/is in use by process \d+/);
        expect((await fetch(`${first.url}/v1/health`)).status).toBe(200);
      } finally {
        expect(await first.stop()).toBe(0);
      }
    });

    it('keeps acknowledged events through a SIGKILL, and restarts on the same storage', async () => {
      const sql = await store.open();
      const { secret } = await createToken(sql, { tenant: 'crash', role: 'employee' });
      await sql.close();
      const events = makeEvents(500);

      const first = await spawnServer(store.env);
      await waitForHealth(first);
      const stored = await clientFor(first.url, secret).post('/v1/events', { events });
      expect(IngestResponseSchema.parse(stored.body).results.every((r) => r.status === 'stored')).toBe(true);
      expect(await first.stop('SIGKILL')).toBe('SIGKILL');

      // A PGlite lock left by the killed process is taken over.
      const second = await spawnServer(store.env);
      try {
        await waitForHealth(second);
        const again = await clientFor(second.url, secret).post('/v1/events', { events });
        expect(IngestResponseSchema.parse(again.body).results.every((r) => r.status === 'duplicate')).toBe(true);
      } finally {
        expect(await second.stop()).toBe(0);
      }
    });
  });
});

describe('the server process configuration', () => {
  it('exits 1 naming a bad setting', async () => {
    const server = await spawnServer({ DATA_DIR: '/nonexistent/never-opened', MAX_BODY_BYTES: 'lots' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/MAX_BODY_BYTES: must be a whole number/);
  });
});
