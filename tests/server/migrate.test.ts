import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../server/db/migrate';
import { openPgliteSql } from '../../server/db/pgliteSql';
import { openPostgresSql } from '../../server/db/postgresSql';
import { insertEvents } from '../../server/store/eventStore';
import { makeEvents } from './support/fixtures';
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

    it('0002 backfills the insights rollups from the events stored before it, as ingest would have', async () => {
      const store = await backend.create();
      const sql = store.config.databaseUrl !== undefined ? openPostgresSql(store.config.databaseUrl) : await openPgliteSql(undefined);
      try {
        const all = loadMigrations();
        await migrate(sql, all.filter((m) => m.id === 1));
        const events = makeEvents(300);
        // As the collector stored events before schema 2 (no rollups yet).
        await sql.query(
          `INSERT INTO events (tenant, id, type, user_id, ts, seq, flow_id, flow_version, step_id, step_index, feature_id, body)
           SELECT 'old', (e->>'id')::uuid, e->>'type', e->>'userId', (e->>'ts')::bigint, (e->>'seq')::bigint,
                  e->>'flowId', (e->>'flowVersion')::bigint, e->>'stepId', (e->>'stepIndex')::bigint, e->>'featureId', e
           FROM jsonb_array_elements($1::jsonb) AS e`,
          [JSON.stringify(events)],
        );
        expect(await migrate(sql, all)).toEqual(all.filter((m) => m.id > 1).map((m) => m.id));
        await insertEvents(sql, 'new', events);
        const rollup = async (tenant: string) =>
          (
            await sql.query(
              `SELECT kind, subject, detail, day, user_id, n, first_ts, min_index FROM insight_daily WHERE tenant = $1
               ORDER BY kind, subject, detail, day, user_id COLLATE "C"`,
              [tenant],
            )
          ).rows;
        const old = await rollup('old');
        expect(old.length).toBeGreaterThan(0);
        expect(old).toEqual(await rollup('new'));
        const days = async (tenant: string) => (await sql.query('SELECT count(*) AS n FROM insight_user_days WHERE tenant = $1', [tenant])).rows[0]?.n;
        expect(await days('old')).toBe(await days('new'));
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
