import type { z } from 'zod';
import type { InsightsAdminRequestSchemas } from '../../src/messages/insights';
import type { Responses } from '../../src/messages/protocol';
import type { InsightsAccess } from '../insights/createInsightsAccess';

type Parsed = { [K in keyof typeof InsightsAdminRequestSchemas]: z.output<(typeof InsightsAdminRequestSchemas)[K]> };
export type InsightsHandlers = { [K in keyof Parsed]: (req: Parsed[K]) => Promise<Responses[K]> };

/** The options page's insights messages: the access setting (token write-only), the queries, and the admin's team, settings and publish requests. */
export function insightsAdminHandlers(access: InsightsAccess): InsightsHandlers {
  return {
    async 'admin/insights/access/get'() {
      return { ok: true, access: await access.get() };
    },
    async 'admin/insights/access/set'(req) {
      return access.save(req.access);
    },
    async 'admin/insights/access/clear'() {
      return { ok: true, access: await access.clear() };
    },
    async 'admin/insights/query'(req) {
      return access.query(req.query);
    },
    async 'admin/insights/teams/get'() {
      return access.admin.teams();
    },
    async 'admin/insights/teams/assign'(req) {
      return access.admin.assign(req.assignments);
    },
    async 'admin/insights/settings/set'(req) {
      return access.admin.setSettings({ minGroupSize: req.minGroupSize });
    },
    async 'admin/insights/flows/publish'(req) {
      return access.admin.publishFlow(req.flow);
    },
  };
}
