import type { RequestFailure } from './collectorClient';

/**
 * What to do after a failed request:
 * - `retry`: a transient failure (network, timeout, an unreadable answer, 408, 429, 5xx): try again
 *   after a backoff;
 * - `pause`: the collector refused the request itself (401/403: the token; any other 4xx: a request
 *   this server will never accept). Sending it again cannot help, so sync stops until the settings
 *   change, the extension is updated, or an admin presses Sync now. Nothing is dropped meanwhile.
 */
export type RetryDecision = { action: 'retry'; retryAfterMs: number | null } | { action: 'pause'; reason: string };

export function retryDecision(f: RequestFailure): RetryDecision {
  if (f.kind !== 'http') return { action: 'retry', retryAfterMs: null };
  if (f.status === 408 || f.status === 429 || f.status >= 500) return { action: 'retry', retryAfterMs: f.retryAfterMs };
  if (f.status === 401 || f.status === 403) {
    return { action: 'pause', reason: `the collector refused the token (HTTP ${f.status}: ${f.message}); check the token in the sync settings` };
  }
  return { action: 'pause', reason: `the collector refused the request (HTTP ${f.status}: ${f.message})` };
}
