import { Hono, type Context } from 'hono';
import {
  AdminFlowListResponseSchema,
  FlowVersionsResponseSchema,
  PublishFlowResponseSchema,
  RetireFlowResponseSchema,
} from '../../src/schema/api';
import { DocIdSchema } from '../../src/schema/flow';
import { readFlow, zodIssues } from '../../src/schema/migrate';
import { requireRole } from '../auth/requireRole';
import type { AppEnv } from '../http/appEnv';
import { readJsonBody, sendError, sendJson, validated } from '../http/reply';
import { listFlowSummaries, listFlowVersions, publishFlow, retireFlow } from '../store/flowStore';
import type { RouteDeps } from './routeDeps';

type FlowIdParam = { ok: true; id: string } | { ok: false; response: Response };

function flowIdParam(c: Context<AppEnv>): FlowIdParam {
  const r = DocIdSchema.safeParse(c.req.param('id'));
  if (r.success) return { ok: true, id: r.data };
  return { ok: false, response: sendError(c, 400, 'invalid flow id in the URL', zodIssues(r.error, ['params', 'id'])) };
}

/** Publishing, listing and retiring flows: admin only. Published versions are immutable rows. */
export function adminFlowRoutes({ sql, auth }: RouteDeps): Hono<AppEnv> {
  const admin = requireRole('admin');
  return new Hono<AppEnv>()
    .post('/admin/flows', auth, admin, async (c) => {
      const body = await readJsonBody(c);
      if (!body.ok) return body.response;
      const read = readFlow(body.value);
      if (!read.ok) return sendError(c, 400, 'invalid flow document', read.issues);
      const p = c.get('principal');
      const published = await publishFlow(sql, p.tenant, read.value, p.tokenId);
      return sendJson(
        c,
        PublishFlowResponseSchema,
        { flow: published.flow, publishedAt: published.publishedAt.toISOString(), migratedFrom: read.migratedFrom },
        201,
      );
    })
    .get('/admin/flows', auth, admin, async (c) => {
      const flows = await listFlowSummaries(sql, c.get('principal').tenant);
      return sendJson(c, AdminFlowListResponseSchema, { flows });
    })
    .get('/admin/flows/:id/versions', auth, admin, async (c) => {
      const id = flowIdParam(c);
      if (!id.ok) return id.response;
      const found = await listFlowVersions(sql, c.get('principal').tenant, id.id);
      if (found === null) return sendError(c, 404, `no flow "${id.id}"`);
      // The stored documents are `unknown` until this check: they are validated on the way out.
      return c.json(validated(FlowVersionsResponseSchema, { id: id.id, ...found }));
    })
    .post('/admin/flows/:id/retire', auth, admin, async (c) => {
      const id = flowIdParam(c);
      if (!id.ok) return id.response;
      const retired = await retireFlow(sql, c.get('principal').tenant, id.id);
      if (retired === null) return sendError(c, 404, `no flow "${id.id}"`);
      return sendJson(c, RetireFlowResponseSchema, {
        id: id.id,
        state: 'retired',
        latestVersion: retired.latestVersion,
        retiredAt: retired.retiredAt.toISOString(),
      });
    });
}
