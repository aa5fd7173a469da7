import pg from 'pg';
import { classifyStorageError, type QueryResult, type Sql, type SqlQueryable } from './sql';

const INT8_OID = 20;

/**
 * `pg` decodes int8 (bigint, and every `count(*)`) as a string, PGlite as a number. Decoding it as a
 * number here makes both drivers return the same rows. Every int8 we store fits: millisecond
 * timestamps, sequence numbers and counts stay far below 2^53.
 */
function makeTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8_OID, (v: string) => Number(v));
  return types;
}

function wrap(client: pg.Pool | pg.PoolClient): SqlQueryable {
  return {
    async query(text, params = []): Promise<QueryResult> {
      try {
        const r = await client.query(text, [...params]);
        const rows = r.rows as QueryResult['rows'];
        return { rows, rowCount: r.rowCount ?? rows.length };
      } catch (err) {
        throw classifyStorageError(err);
      }
    },
    async exec(script) {
      try {
        // Without parameters pg uses the simple query protocol, which accepts several statements.
        await client.query(script);
      } catch (err) {
        throw classifyStorageError(err);
      }
    },
  };
}

export interface PostgresOptions {
  /**
   * Connections this instance may hold.
   * @default 10
   */
  maxConnections?: number;
  onError?: (err: Error) => void;
}

/** A PostgreSQL server through a `pg` pool. Stateless: any number of collector instances may share it. */
export function openPostgresSql(url: string, options: PostgresOptions = {}): Sql {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    types: makeTypes(),
  });
  // An idle client losing its connection (PostgreSQL restarted) emits 'error' on the pool; unhandled,
  // that would crash the process. The pool discards the client and the next query reconnects.
  pool.on('error', (err) => options.onError?.(err));
  let closed = false;
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (err) {
        throw classifyStorageError(err);
      }
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackErr) {
          // The connection is unusable: tell the pool to destroy it instead of reusing it.
          broken = rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr));
        }
        throw classifyStorageError(err);
      } finally {
        client.release(broken);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
