import type { TenantId } from '../../src/schema/api';
import type { PromptInsight } from '../../src/schema/insights';
import { emptyPromptInsight } from '../../src/metrics/promptUsage';
import type { SqlQueryable } from '../db/sql';
import { peopleSql } from './insightPeople';
import { eventTotalsSql, type InsightFilter } from './insightsFlowStore';
import { spanCountsSql } from './insightSpans';

/**
 * The SQL twin of `promptInsights` (src/metrics/promptUsage.ts), unsorted: uses and ratings are event
 * totals, users a people count (`insight_pairs`), re-users (≥ 2 uses in the range) span rows
 * (`insight_spans`), so nothing is aggregated per person.
 */
export async function promptInsightsSql(sql: SqlQueryable, tenant: TenantId, f: InsightFilter): Promise<Map<string, PromptInsight>> {
  const out = new Map<string, PromptInsight>();
  const get = (id: string) => {
    let p = out.get(id);
    if (!p) out.set(id, (p = emptyPromptInsight(id)));
    return p;
  };
  for (const t of await eventTotalsSql(sql, tenant, f, ['prompt_used', 'prompt_rated'])) {
    const p = get(t.subject);
    if (t.kind === 'prompt_used') p.uses += t.events;
    else if (t.detail === 'up') p.thumbsUp += t.events;
    else if (t.detail === 'down') p.thumbsDown += t.events;
  }
  if (out.size === 0) return out;
  const team = f.team !== undefined ? { team: f.team } : {};
  const subject = f.subject !== undefined ? { subject: f.subject } : {};
  for (const r of await peopleSql(sql, tenant, { range: f.range, ...team, keys: [{ level: 0, kinds: ['prompt_used'], ...subject }] })) {
    const p = out.get(r.subject);
    if (p) p.users += r.users;
  }
  for (const r of await spanCountsSql(sql, tenant, { range: f.range, ...team, ...subject, metric: 'prompt_repeat' })) {
    const p = out.get(r.subject);
    if (p) p.reusers += r.users;
  }
  for (const p of out.values()) p.reuses = p.uses - p.users;
  return out;
}
