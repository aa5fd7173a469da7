import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../server/db/openDatabase';
import type { Sql } from '../../../server/db/sql';
import { findPostgres, startPostgres, type ThrowawayPostgres } from './postgres';

/** One storage backend under test, as the server sees it: a config and the env a child process needs. */
export interface BackendStore {
  config: { databaseUrl: string | undefined; dataDir: string };
  /** For spawned processes (CLI, server): DATA_DIR or DATABASE_URL. */
  env: Record<string, string>;
  /** Opens (and migrates) the storage. For PGlite, close it before a child process opens the same dir. */
  open(): Promise<Sql>;
  /** Removes what `create` made. */
  dispose(): Promise<void>;
}

export interface Backend {
  name: 'pglite' | 'postgres';
  /** Why this backend's tests are skipped, when they are. */
  skip: string | false;
  /** A fresh, empty store: a new PGlite directory, or a new database on the shared PostgreSQL. */
  create(): Promise<BackendStore>;
}

let postgres: Promise<ThrowawayPostgres> | undefined;
let databases = 0;

/** Stops this file's PostgreSQL, if one was started: call it in a top-level afterAll. */
export async function stopSharedPostgres(): Promise<void> {
  const p = postgres;
  postgres = undefined;
  if (p) await (await p).stop();
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'waymark-test-'));
}

const pglite: Backend = {
  name: 'pglite',
  skip: false,
  async create() {
    const dataDir = tempDir();
    const config = { databaseUrl: undefined, dataDir };
    return {
      config,
      env: { DATA_DIR: dataDir },
      open: () => openDatabase(config),
      async dispose() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

function postgresBackend(skip: string | false): Backend {
  return {
    name: 'postgres',
    skip,
    async create() {
      postgres ??= startPostgres();
      const pg = await postgres;
      const url = await pg.createDatabase(`waymark_test_${process.pid}_${++databases}`);
      const dataDir = tempDir(); // unused with DATABASE_URL, but a child process must not touch the repo's
      const config = { databaseUrl: url, dataDir };
      return {
        config,
        env: { DATABASE_URL: url, DATA_DIR: dataDir },
        open: () => openDatabase(config),
        async dispose() {
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  };
}

/**
 * The backends every server test runs against. PostgreSQL comes from the Debian package; when its
 * binaries are missing the PostgreSQL variants fail loudly under CI=true (CI must test both), and are
 * skipped, with the reason in their title, elsewhere.
 */
export function backends(): Backend[] {
  const found = findPostgres();
  if (!found.ok && process.env.CI === 'true') {
    throw new Error(`CI=true but PostgreSQL is not available for the server tests: ${found.reason}`);
  }
  if (!found.ok) console.warn(`[waymark tests] skipping the PostgreSQL variants: ${found.reason}`);
  return [pglite, postgresBackend(found.ok ? false : found.reason)];
}

/** For `describe.each`: a title that says when and why a variant is skipped. */
export function backendTitle(b: Backend): string {
  return b.skip ? `${b.name} (skipped: ${b.skip})` : b.name;
}
