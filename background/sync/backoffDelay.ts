export interface BackoffOptions {
  /** The delay after the first failure (before jitter). @default 2000 */
  baseMs: number;
  /** No delay grows past this. @default 600000 (10 min) */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, maxMs: 600_000 };

/**
 * How long to wait after `failures` failed attempts in a row (1 for the first): exponential, capped,
 * with "equal jitter" (half fixed, half random), so that a fleet of browsers that lost the collector
 * at the same moment does not come back at the same moment, and no retry comes sooner than half the
 * step. A `Retry-After` from the server is honoured when it asks for longer (up to the cap).
 */
export function backoffDelay(failures: number, options: BackoffOptions, random: () => number, retryAfterMs: number | null = null): number {
  const step = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  const jittered = step / 2 + random() * (step / 2);
  const asked = retryAfterMs === null ? 0 : Math.min(retryAfterMs, options.maxMs);
  return Math.round(Math.max(jittered, asked));
}
