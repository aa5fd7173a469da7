import { Hono } from 'hono';
import { FlowsResponseSchema } from '../../src/schema/api';
import { requireRole } from '../auth/requireRole';
import type { AppEnv } from '../http/appEnv';
import { ifNoneMatchHits, strongEtag } from '../http/etag';
import { validated } from '../http/reply';
import { listLiveFlowDocs } from '../store/flowStore';
import type { RouteDeps } from './routeDeps';

/**
 * GET /v1/flows, employee: the tenant's live flows, with a strong ETag of the body. A client sending it
 * back in `If-None-Match` gets 304 and no body while nothing was published or retired.
 */
export function flowRoutes({ sql, auth }: RouteDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/flows', auth, requireRole('employee'), async (c) => {
    const { tenant } = c.get('principal');
    const body = JSON.stringify(validated(FlowsResponseSchema, { flows: await listLiveFlowDocs(sql, tenant) }));
    const etag = strongEtag(body);
    const headers = {
      ETag: etag,
      // Per tenant, so per token: shared caches must not serve one tenant's flows to another.
      'Cache-Control': 'private, no-cache',
      Vary: 'Authorization',
    };
    if (ifNoneMatchHits(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
    return c.body(body, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
  });
}
