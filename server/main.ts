import { createApp } from './app';
import { ConfigError, describeStorage, loadConfig } from './config';
import { DataDirLockedError } from './db/dataDirLock';
import { openDatabase } from './db/openDatabase';
import { listen } from './listen';

/**
 * `npm run server`: the collector. Configured by the environment (see `config.ts`). Storage is
 * opened and migrated before the port opens, so a 200 from /v1/health means it is ready.
 *
 * The script runs `node --import tsx`, not the `tsx` command: that command runs the program in a
 * child process and SIGKILLs it when the child does not acknowledge a relayed signal within 30 ms,
 * which happened under load and skipped the graceful shutdown.
 */
async function main(): Promise<void> {
  const log = (line: string) => console.log(`[waymark] ${line}`);
  const config = loadConfig();
  log(`opening ${describeStorage(config)}`);
  const sql = await openDatabase(config, { waitForMs: 60_000, lockWaitMs: 5_000, log });
  const app = createApp({ sql, limits: config, log: (line) => console.error(`[waymark] ${line}`) });
  let server;
  try {
    server = await listen(app, { port: config.port, host: config.host });
  } catch (err) {
    await sql.close();
    throw err;
  }
  log(`listening on ${server.url}`);

  /** When the first signal arrived. One Ctrl-C can arrive twice (from the terminal, and relayed by npm). */
  let stoppingSince: number | undefined;
  const stop = (signal: NodeJS.Signals) => {
    if (stoppingSince !== undefined) {
      if (Date.now() - stoppingSince < 1_000) return;
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stoppingSince = Date.now();
    log(`${signal}: closing`);
    // The server first, so no request runs against a closed database.
    server
      .close()
      .then(() => sql.close())
      .then(
        () => {
          log('closed');
          process.exit(0);
        },
        (err: unknown) => {
          console.error('[waymark] error while closing:', err);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) console.error(`[waymark] ${err.message}`);
  else console.error('[waymark] failed to start:', err);
  process.exit(1);
});
