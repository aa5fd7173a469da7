import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL server from the Debian package (`postgresql`): initdb in a temporary
 * directory, started on a free port on 127.0.0.1 with its socket in that directory, removed on stop.
 * Used by the server tests and the server benchmark, so that both backends run on every machine.
 */
export interface ThrowawayPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  /** Creates an empty database and returns its URL: one per test suite, for isolation. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export type PostgresAvailability = { ok: true; bin: string } | { ok: false; reason: string };

/** Finds the binaries: `PG_BIN`, else the newest `/usr/lib/postgresql/<version>/bin`. */
export function findPostgres(): PostgresAvailability {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv) {
    return existsSync(join(fromEnv, 'initdb')) ? { ok: true, bin: fromEnv } : { ok: false, reason: `PG_BIN=${fromEnv} has no initdb` };
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest === undefined) {
    return { ok: false, reason: `no PostgreSQL binaries in ${root}/*/bin (apt-get install postgresql, or set PG_BIN)` };
  }
  return { ok: true, bin: join(root, newest, 'bin') };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  /**
   * Keep PostgreSQL's durability settings. Off for tests (fsync off: faster, and a crash only loses a
   * throwaway database); on for benchmarks, so the figures mean something.
   * @default false
   */
  durable?: boolean;
}

/** initdb refuses to run as root: as root, run the binaries as the `postgres` user. */
function asPostgres(bin: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

export async function startPostgres(options: StartOptions = {}): Promise<ThrowawayPostgres> {
  const found = findPostgres();
  if (!found.ok) throw new Error(found.reason);
  const dir = mkdtempSync(join(tmpdir(), 'waymark-pg-'));
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(dir, 'data');
  const exec = async (tool: string, args: string[]) => {
    const [cmd, argv] = asPostgres(join(found.bin, tool), args);
    try {
      return await run(cmd, argv, { cwd: dir, timeout: 60_000 });
    } catch (err) {
      const e = err as { stderr?: string; message: string };
      throw new Error(`${tool} failed: ${e.stderr ?? e.message}`);
    }
  };
  await exec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=100',
    ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ];
  try {
    await exec('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', settings.join(' '), 'start']);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    port,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      await exec('psql', ['-h', dir, '-p', String(port), '-U', 'postgres', '-q', '-c', `CREATE DATABASE ${name}`]);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
