/**
 * The one storage interface the server uses. It has two implementations, PGlite (embedded) and `pg`
 * (a PostgreSQL server), and every caller writes plain PostgreSQL that runs unchanged on both.
 *
 * Rows come back as `Row`: callers parse them (zod) rather than trusting a type parameter, because the
 * two drivers decode some types differently unless told otherwise (see `postgresSql.ts`).
 */
export type Row = Record<string, unknown>;

export interface QueryResult {
  rows: Row[];
  /** Rows returned or affected. */
  rowCount: number;
}

/** What a transaction callback gets: the same queries, on the transaction's connection. */
export interface SqlQueryable {
  query(text: string, params?: readonly unknown[]): Promise<QueryResult>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface Sql extends SqlQueryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Storage cannot be reached right now (connection refused or lost, server shutting down, PGlite closed).
 * The HTTP layer answers 503 for it, which clients retry, unlike a 500.
 */
export class StorageUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageUnavailableError';
  }
}

/**
 * SQLSTATE classes that mean "try again later" rather than "this query is wrong": 08 connection
 * exception, 53 insufficient resources, 57 operator intervention (shutdown, cancel), 58 system error.
 */
const UNAVAILABLE_SQLSTATE = /^(08|53|57|58)/;

/** Maps a driver error to `StorageUnavailableError` when it means storage is unreachable. */
export function classifyStorageError(err: unknown): unknown {
  if (err instanceof StorageUnavailableError) return err;
  if (!(err instanceof Error)) return err;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (/^[0-9A-Z]{5}$/.test(code)) {
      return UNAVAILABLE_SQLSTATE.test(code) ? new StorageUnavailableError(err.message, { cause: err }) : err;
    }
    // Node socket errors: ECONNREFUSED, ECONNRESET, ETIMEDOUT, EPIPE, ENOTFOUND...
    if (code.startsWith('E')) return new StorageUnavailableError(err.message, { cause: err });
  }
  // Messages pg and PGlite use when the connection or the instance is gone; they carry no code.
  if (/Connection terminated|timeout exceeded when trying to connect|Client was closed|Cannot use a pool after calling end|PGlite is closed/i.test(err.message)) {
    return new StorageUnavailableError(err.message, { cause: err });
  }
  return err;
}
