import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../server/db/migrate';
import { openPostgresSql } from '../../server/db/postgresSql';
import { backends, backendTitle, stopSharedPostgres } from './support/backends';

afterAll(stopSharedPostgres);

describe('migrations', () => {
  it('are numbered files, in order', () => {
    const ms = loadMigrations();
    expect(ms.length).toBeGreaterThan(0);
    expect(ms.map((m) => m.id)).toEqual(ms.map((_, i) => i + 1));
  });
});

describe.each(backends())('migrations on $name', (backend) => {
  describe.skipIf(backend.skip)(backendTitle(backend), () => {
    it('run once: opening again applies nothing, and the schema has what the queries need', async () => {
      const store = await backend.create();
      const sql = await store.open(); // migrates
      try {
        expect(await migrate(sql)).toEqual([]);
        const { rows } = await sql.query('SELECT id, name FROM schema_migrations ORDER BY id');
        expect(rows).toEqual(loadMigrations().map((m) => ({ id: m.id, name: m.name })));
        const idx = await sql.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'events' ORDER BY indexname`);
        expect(idx.rows.map((r) => r.indexname)).toEqual([
          'events_pkey',
          'events_tenant_feature',
          'events_tenant_flow',
          'events_tenant_ts',
          'events_tenant_type_ts',
          'events_tenant_user_ts',
        ]);
      } finally {
        await sql.close();
        await store.dispose();
      }
    });

    // Several stateless collectors starting together against one PostgreSQL.
    if (backend.name === 'postgres') {
      it('run once when several instances start at the same time', async () => {
        const store = await backend.create();
        const url = store.config.databaseUrl ?? '';
        const instances = [1, 2, 3, 4].map(() => openPostgresSql(url));
        try {
          const applied = await Promise.all(instances.map((sql) => migrate(sql)));
          expect(applied.flat().sort()).toEqual(loadMigrations().map((m) => m.id));
        } finally {
          await Promise.all(instances.map((sql) => sql.close()));
          await store.dispose();
        }
      });
    }
  });
});
