import { PGlite } from '@electric-sql/pglite';
import { classifyStorageError, type QueryResult, type Sql, type SqlQueryable } from './sql';

interface PgliteLike {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[]; affectedRows?: number }>;
  exec(script: string): Promise<unknown>;
}

function wrap(db: PgliteLike): SqlQueryable {
  return {
    async query(text, params = []): Promise<QueryResult> {
      try {
        const r = await db.query(text, [...params]);
        const rows = r.rows as QueryResult['rows'];
        return { rows, rowCount: Math.max(rows.length, r.affectedRows ?? 0) };
      } catch (err) {
        throw classifyStorageError(err);
      }
    },
    async exec(script) {
      try {
        await db.exec(script);
      } catch (err) {
        throw classifyStorageError(err);
      }
    },
  };
}

/**
 * Embedded PostgreSQL (PGlite, WASM) keeping its files in `dir`, or in memory when `dir` is undefined.
 *
 * Invariant: one directory, one open instance, in one process. PGlite does not lock its directory
 * itself (0.5 opens a second instance on the same files without complaint, and both then corrupt
 * them); `openDatabase` takes a lock file first. Several collector instances need PostgreSQL.
 */
export async function openPgliteSql(dir: string | undefined): Promise<Sql> {
  const db = dir === undefined ? new PGlite() : new PGlite({ dataDir: dir });
  await db.waitReady;
  const q = wrap(db);
  return {
    kind: 'pglite',
    ...q,
    transaction: (fn) =>
      db.transaction((tx) => fn(wrap(tx))).catch((err: unknown) => {
        throw classifyStorageError(err);
      }),
    async close() {
      if (!db.closed) await db.close();
    },
  };
}
