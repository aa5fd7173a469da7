export interface RateLimiterOptions {
  /** Tokens added per second; 0 turns limiting off. */
  perSecond: number;
  /** Bucket size: how many requests may arrive at once after a quiet spell. */
  burst: number;
  /** @default Date.now */
  now?: () => number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string): RateDecision;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per key (per access token), in this process's memory. With several collector
 * instances each enforces its own limit, so the fleet allows up to N times the rate: good enough to stop
 * a runaway client, and it needs no shared state. Keys are token ids, which admins create, so the map
 * stays small.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { perSecond, burst } = options;
  const now = options.now ?? Date.now;
  const buckets = new Map<string, Bucket>();
  return {
    take(key) {
      if (perSecond <= 0) return { ok: true };
      const t = now();
      const b = buckets.get(key) ?? { tokens: burst, at: t };
      b.tokens = Math.min(burst, b.tokens + ((t - b.at) / 1000) * perSecond);
      b.at = t;
      buckets.set(key, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / perSecond)) };
    },
  };
}
