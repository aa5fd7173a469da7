import type { TenantId } from '../../src/schema/api';
import type { PromptInsight } from '../../src/schema/insights';
import { emptyPromptInsight } from '../../src/metrics/promptUsage';
import type { SqlQueryable } from '../db/sql';
import { dailyWhere, eventTotalsSql, type InsightFilter } from './insightsFlowStore';
import { num, str } from './rowValues';

/** The SQL twin of `promptInsights` (src/metrics/promptUsage.ts), unsorted. */
export async function promptInsightsSql(sql: SqlQueryable, tenant: TenantId, f: InsightFilter): Promise<Map<string, PromptInsight>> {
  const used = dailyWhere(tenant, f, ['prompt_used']);
  const uses = await sql.query(
    `WITH per_user AS (SELECT d.subject, d.user_id, sum(d.n) AS n FROM insight_daily d WHERE ${used.where} GROUP BY 1, 2)
     SELECT subject, sum(n) AS uses, count(*) AS users, count(*) FILTER (WHERE n >= 2) AS reusers FROM per_user GROUP BY 1`,
    used.params,
  );
  const ratings = await eventTotalsSql(sql, tenant, f, ['prompt_rated']);
  const out = new Map<string, PromptInsight>();
  const get = (id: string) => {
    let p = out.get(id);
    if (!p) out.set(id, (p = emptyPromptInsight(id)));
    return p;
  };
  for (const r of uses.rows) {
    const p = get(str(r.subject));
    p.uses = num(r.uses);
    p.users = num(r.users);
    p.reuses = p.uses - p.users;
    p.reusers = num(r.reusers);
  }
  for (const r of ratings) {
    const p = get(r.subject);
    if (r.detail === 'up') p.thumbsUp = r.events;
    else if (r.detail === 'down') p.thumbsDown = r.events;
  }
  return out;
}
