import type { InsightsFailureReason } from '../../src/messages/insights';
import type { RequestFailure } from '../sync/collectorClient';

/**
 * What went wrong with an insights request, in words a champion can act on, and its kind. The server's
 * own message is kept (it names the bad parameter of a 400, the role of a 403).
 */
export function describeInsightsFailure(f: RequestFailure, serverUrl: string): { reason: InsightsFailureReason; error: string } {
  switch (f.kind) {
    case 'network':
      return { reason: 'network', error: `Could not reach the collector at ${serverUrl} (${f.message}). Check the URL and that the collector is running.` };
    case 'timeout':
      return { reason: 'timeout', error: `The collector at ${serverUrl} did not answer within ${Math.round(f.afterMs / 1000)} s. Try a shorter date range, or try again later.` };
    case 'invalid':
      return { reason: 'invalid', error: `The collector's answer does not match what this version of Waymark expects (${f.message}).` };
    case 'http':
      if (f.status === 401) {
        return { reason: 'unauthorized', error: `The collector does not accept this token (HTTP 401: ${f.message}). It may be mistyped or revoked: enter a champion token again.` };
      }
      if (f.status === 403) {
        return { reason: 'forbidden', error: `This token may not read insights (HTTP 403: ${f.message}). Insights need a champion or admin token.` };
      }
      if (f.status === 429 || f.status === 408 || f.status >= 500) {
        const wait = f.retryAfterMs === null ? '' : ` Try again in ${Math.max(1, Math.ceil(f.retryAfterMs / 1000))} s.`;
        return { reason: 'unavailable', error: `The collector is busy or unavailable (HTTP ${f.status}: ${f.message}).${wait}` };
      }
      if (f.status === 404) {
        return { reason: 'rejected', error: `This collector has no insights API (HTTP 404: ${f.message}). Update it to a version that serves /v1/insights.` };
      }
      return { reason: 'rejected', error: `The collector refused the query (HTTP ${f.status}: ${f.message}).` };
  }
}
