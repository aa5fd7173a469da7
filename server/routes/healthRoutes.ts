import { Hono } from 'hono';
import { HealthResponseSchema } from '../../src/schema/api';
import type { AppEnv } from '../http/appEnv';
import { sendError, sendJson } from '../http/reply';
import type { RouteDeps } from './routeDeps';

/** A health check must answer quickly even when storage hangs. */
const HEALTH_TIMEOUT_MS = 2_000;

/** GET /v1/health, no auth: 200 when storage answers a query, 503 otherwise. For load balancers,
 * and for clients that wait for a newer collector (`version`). */
export function healthRoutes({ sql, version }: Pick<RouteDeps, 'sql' | 'version'>): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/health', async (c) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        sql.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
        }),
      ]);
    } catch (err) {
      return sendError(c, 503, `storage unavailable: ${err instanceof Error ? err.message : String(err)}`, undefined, {
        'Retry-After': '1',
      });
    } finally {
      clearTimeout(timer);
    }
    return sendJson(c, HealthResponseSchema, { status: 'ok', storage: sql.kind, version });
  });
}
