import { resolve } from 'node:path';
import { z } from 'zod';

/** The collector's settings, read from the environment in one place. */
export interface Config {
  /** @default 8787 */
  port: number;
  /** @default '127.0.0.1' (put a TLS-terminating proxy in front to serve other machines) */
  host: string;
  /** PGlite's directory, used when `databaseUrl` is unset. @default './.waymark-data' */
  dataDir: string;
  /** A PostgreSQL URL. When set, PGlite is not used. */
  databaseUrl: string | undefined;
  /** The largest request body accepted; more is a 413. @default 1048576 (1 MiB) */
  maxBodyBytes: number;
  rateLimit: {
    /** Requests per second each token may sustain; 0 turns the limit off. @default 50 */
    perSecond: number;
    /** Requests a token may make at once after being idle. @default 200 */
    burst: number;
  };
}

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const EnvSchema = z.object({
  PORT: int(0, 65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./.waymark-data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAX_BODY_BYTES: int(1024, 64 * 1024 * 1024).default(1024 * 1024),
  RATE_LIMIT_PER_SECOND: int(0, 1_000_000).default(50),
  RATE_LIMIT_BURST: int(1, 1_000_000).default(200),
});

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const r = EnvSchema.safeParse(env);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid environment:\n${lines.join('\n')}`);
  }
  const e = r.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    rateLimit: { perSecond: e.RATE_LIMIT_PER_SECOND, burst: e.RATE_LIMIT_BURST },
  };
}

/** Where the data lives, for log lines: never prints a password. */
export function describeStorage(config: Config): string {
  if (config.databaseUrl === undefined) return `PGlite in ${config.dataDir}`;
  try {
    const u = new URL(config.databaseUrl);
    return `PostgreSQL at ${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}
