import { Hono } from 'hono';
import {
  AdminTeamListResponseSchema,
  InsightsSettingsSchema,
  TeamAssignmentRequestSchema,
  TeamAssignmentResponseSchema,
} from '../../src/schema/insights';
import { zodIssues } from '../../src/schema/migrate';
import { requireRole } from '../auth/requireRole';
import type { AppEnv } from '../http/appEnv';
import { readJsonBody, sendError, sendJson } from '../http/reply';
import { getMinGroupSize, setMinGroupSize } from '../store/insightSettingsStore';
import { assignTeams, listTeams } from '../store/teamStore';
import type { RouteDeps } from './routeDeps';

/** Teams and insights settings, admin only. Team sizes are listed; members never are. */
export function adminTeamRoutes({ sql, auth }: RouteDeps): Hono<AppEnv> {
  const admin = requireRole('admin');
  return new Hono<AppEnv>()
    .get('/admin/teams', auth, admin, async (c) => {
      const { tenant } = c.get('principal');
      const teams = await listTeams(sql, tenant);
      return sendJson(c, AdminTeamListResponseSchema, { minGroupSize: await getMinGroupSize(sql, tenant), ...teams });
    })
    .post('/admin/teams', auth, admin, async (c) => {
      const body = await readJsonBody(c);
      if (!body.ok) return body.response;
      const req = TeamAssignmentRequestSchema.safeParse(body.value);
      if (!req.success) return sendError(c, 400, 'invalid team assignments', zodIssues(req.error));
      const updated = await assignTeams(sql, c.get('principal').tenant, req.data.assignments);
      return sendJson(c, TeamAssignmentResponseSchema, { updated });
    })
    .post('/admin/insights/settings', auth, admin, async (c) => {
      const body = await readJsonBody(c);
      if (!body.ok) return body.response;
      const req = InsightsSettingsSchema.safeParse(body.value);
      if (!req.success) return sendError(c, 400, 'invalid insights settings', zodIssues(req.error));
      await setMinGroupSize(sql, c.get('principal').tenant, req.data.minGroupSize);
      return sendJson(c, InsightsSettingsSchema, req.data);
    });
}
