import type { TenantId } from '../../src/schema/api';
import { emptyFeatureAggregate, habitWindow, type FeatureAggregate } from '../../src/metrics/featureAdoption';
import type { SqlQueryable } from '../db/sql';
import { peopleSql } from './insightPeople';
import { eventTotalsSql, type InsightFilter } from './insightsFlowStore';
import { spanCountsSql, spanQuantilesSql, type SpanMetric } from './insightSpans';

const FEATURE_KINDS = ['feature_used', 'feature_seen', 'feature_outcome'];

/**
 * The SQL twin of `featureAggregates` (src/metrics/featureAdoption.ts), with no aggregate per person:
 * the features with an event in the range and their uses are event totals; users, first users (a
 * first use ever in the range: the pair with no day before) and the weekly actives are people counts
 * (`insight_pairs`), and so are the habit window's active users (the pairs of its 28 days); repeat use,
 * repeat use with an outcome, the habit and the time to first use are span rows (`insight_spans`).
 */
export async function featureAggregatesSql(sql: SqlQueryable, tenant: TenantId, f: InsightFilter): Promise<Map<string, FeatureAggregate>> {
  const out = new Map<string, FeatureAggregate>();
  for (const t of await eventTotalsSql(sql, tenant, f, FEATURE_KINDS)) {
    let a = out.get(t.subject);
    if (!a) out.set(t.subject, (a = emptyFeatureAggregate(t.subject)));
    if (t.kind === 'feature_used') a.uses += t.events;
  }
  if (out.size === 0) return out;
  const team = f.team !== undefined ? { team: f.team } : {};
  const subject = f.subject !== undefined ? { subject: f.subject } : {};
  const used = [{ level: 0 as const, kinds: ['feature_used'], ...subject }];
  const each = <T extends { subject: string }>(rows: readonly T[], set: (a: FeatureAggregate, r: T) => void) => {
    for (const r of rows) {
      const a = out.get(r.subject);
      if (a) set(a, r);
    }
  };
  each(await peopleSql(sql, tenant, { range: f.range, ...team, keys: used }), (a, r) => (a.users = r.users));
  each(await peopleSql(sql, tenant, { range: f.range, ...team, keys: used, firstEver: true }), (a, r) => (a.firstUsers = r.users));
  each(await peopleSql(sql, tenant, { range: habitWindow(f.range), ...team, keys: used }), (a, r) => (a.habitActive = r.users));
  for (const w of await peopleSql(sql, tenant, { range: f.range, ...team, weekly: true, keys: used })) {
    if (w.week !== null) out.get(w.subject)?.weekly.set(w.week, w.users);
  }
  const spans = (metric: SpanMetric, range = f.range) => spanCountsSql(sql, tenant, { range, ...team, ...subject, metric });
  each(await spans('feature_repeat'), (a, r) => (a.repeatUsers = r.users));
  each(await spans('feature_repeat_outcome'), (a, r) => (a.repeatWithOutcome = r.users));
  // The habit is about the range's last day only (any start): `feature_habit` rows take any a.
  each(await spans('feature_habit'), (a, r) => (a.habitual = r.users));
  each(await spanQuantilesSql(sql, tenant, { range: f.range, ...team, ...subject, metric: 'feature_ttfu' }), (a, r) => (a.timeToFirstUse = r.time));
  return out;
}
