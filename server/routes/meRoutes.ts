import { Hono } from 'hono';
import { WhoAmIResponseSchema } from '../../src/schema/api';
import type { AppEnv } from '../http/appEnv';
import { sendJson } from '../http/reply';
import type { RouteDeps } from './routeDeps';

/** GET /v1/me, any role: who this token is. Lets an options page test a URL and token before saving them. */
export function meRoutes({ auth }: RouteDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/me', auth, (c) => {
    const p = c.get('principal');
    return sendJson(c, WhoAmIResponseSchema, { tenant: p.tenant, role: p.role, tokenId: p.tokenId });
  });
}
