import { Hono } from 'hono';
import { ClientListResponseSchema } from '../../src/schema/api';
import { requireRole } from '../auth/requireRole';
import type { AppEnv } from '../http/appEnv';
import { sendJson } from '../http/reply';
import { listClients } from '../store/clientStore';
import type { RouteDeps } from './routeDeps';

/** GET /v1/admin/clients, admin: each install's last contact and dropped-events counter. */
export function adminClientRoutes({ sql, auth }: RouteDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/admin/clients', auth, requireRole('admin'), async (c) => {
    const clients = await listClients(sql, c.get('principal').tenant);
    return sendJson(c, ClientListResponseSchema, { clients });
  });
}
