import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Sql } from './sql';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Any constant: the key of the advisory lock that serialises migrations across collector instances. */
const MIGRATION_LOCK_KEY = 0x5761796d; // "Waym"

/** The migrations shipped with the server: `migrations/NNNN_name.sql`, in id order. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((file) => {
      const m = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
      if (!m) throw new Error(`migration file name must look like 0001_name.sql: ${file}`);
      return { id: Number(m[1]), name: m[2] ?? '', sql: readFileSync(dir + file, 'utf8') };
    })
    .sort((a, b) => a.id - b.id);
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, all in one transaction, and returns
 * the ids applied. Several instances starting at once against one PostgreSQL queue on an advisory lock,
 * so each migration runs once. Migrations are append-only: never edit one that has shipped.
 */
export async function migrate(sql: Sql, migrations: readonly Migration[] = loadMigrations()): Promise<number[]> {
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query('SELECT id FROM schema_migrations');
    const done = new Set(rows.map((r) => Number(r.id)));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.id)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
      applied.push(m.id);
    }
    return applied;
  });
}
