import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config';
import { lockDataDir } from './dataDirLock';
import { migrate } from './migrate';
import { openPgliteSql } from './pgliteSql';
import { openPostgresSql } from './postgresSql';
import { StorageUnavailableError, type Sql } from './sql';

export interface OpenOptions {
  /**
   * How long to keep retrying while PostgreSQL is unreachable, so that a collector started together with
   * its database waits for it. @default 0 (fail at once)
   */
  waitForMs?: number;
  /**
   * How long to wait while another process holds the PGlite directory: a restart overlapping the old
   * process's shutdown. @default 0 (fail at once)
   */
  lockWaitMs?: number;
  log?: (line: string) => void;
}

/**
 * Opens the storage `config` names and brings its schema up to date: PostgreSQL when `databaseUrl` is
 * set, else PGlite in `dataDir/pglite`, locked for this process. `close()` releases everything.
 */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, options: OpenOptions = {}): Promise<Sql> {
  const log = options.log ?? (() => {});
  if (config.databaseUrl === undefined) {
    const release = await lockDataDir(config.dataDir, options.lockWaitMs ?? 0);
    let sql: Sql;
    try {
      sql = await openPgliteSql(join(config.dataDir, 'pglite'));
      await migrate(sql);
    } catch (err) {
      release();
      throw err;
    }
    return {
      ...sql,
      async close() {
        try {
          await sql.close();
        } finally {
          release();
        }
      },
    };
  }

  const sql = openPostgresSql(config.databaseUrl, { onError: (err) => log(`postgres: idle connection lost: ${err.message}`) });
  const deadline = Date.now() + (options.waitForMs ?? 0);
  for (let delay = 250; ; delay = Math.min(delay * 2, 5_000)) {
    try {
      await migrate(sql);
      return sql;
    } catch (err) {
      if (!(err instanceof StorageUnavailableError) || Date.now() + delay > deadline) {
        await sql.close().catch(() => {});
        throw err;
      }
      log(`postgres unreachable (${err.message}); retrying in ${delay} ms`);
      await sleep(delay);
    }
  }
}
