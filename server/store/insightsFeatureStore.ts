import type { TenantId } from '../../src/schema/api';
import { HABIT_MIN_ACTIVE_WEEKS, HABIT_WEEKS } from '../../src/schema/insights';
import { type FeatureAggregate } from '../../src/metrics/featureAdoption';
import { DAY_MS } from '../../src/metrics/insightWindow';
import type { SqlQueryable } from '../db/sql';
import { peopleSql } from './insightPeople';
import type { InsightFilter } from './insightsFlowStore';
import { num, numOrNull, str } from './rowValues';
import { teamClause } from './teamStore';

/** One of the values of `percentile_disc(ARRAY[...])`: an array from both drivers (of numbers or strings), or null. */
const quantile = (v: unknown, i: number): unknown => (Array.isArray(v) ? (v[i] as unknown) : null);

/**
 * The SQL twin of `featureAggregates` (src/metrics/featureAdoption.ts). First use and first exposure
 * look at the whole history of the feature (a first use is first ever, not first in the range), and
 * the habit window reaches back 28 days from `to`, so this query is bounded by feature, not by range.
 */
export async function featureAggregatesSql(sql: SqlQueryable, tenant: TenantId, f: InsightFilter): Promise<Map<string, FeatureAggregate>> {
  const { fromDay, toDay } = f.range;
  const params: unknown[] = [tenant, fromDay, toDay, fromDay * DAY_MS, (toDay + 1) * DAY_MS, toDay - HABIT_WEEKS * 7 + 1];
  let where = `d.tenant = $1 AND d.kind IN ('feature_used', 'feature_seen', 'feature_outcome')`;
  if (f.team !== undefined) {
    params.push(f.team);
    where += ` ${teamClause('d', params.length)}`;
  }
  if (f.subject !== undefined) {
    params.push(f.subject);
    where += ` AND d.subject = $${params.length}`;
  }
  const firstInRange = 'first_use >= $4 AND first_use < $5';
  // The habit window's weeks a user was active in, as bits (week 0 ends on \`to\`): a bitwise OR keeps the
  // per-user aggregate a hash aggregate, where count(DISTINCT week) needed a sort of every row.
  const activeWeeks = Array.from({ length: HABIT_WEEKS }, (_, i) => `((periods >> ${i}) & 1)`).join(' + ');
  const ttfu = `${firstInRange} AND first_seen <= first_use`;
  const { rows } = await sql.query(
    `WITH per_user AS (
       SELECT d.subject, d.user_id,
              COALESCE(sum(d.n) FILTER (WHERE d.kind = 'feature_used' AND d.day BETWEEN $2 AND $3), 0) AS uses,
              bool_or(d.kind = 'feature_outcome' AND d.day BETWEEN $2 AND $3) AS outcome,
              bool_or(d.day BETWEEN $2 AND $3) AS in_range,
              min(d.first_ts) FILTER (WHERE d.kind = 'feature_used') AS first_use,
              min(d.first_ts) FILTER (WHERE d.kind = 'feature_seen') AS first_seen,
              bit_or(1 << (($3 - d.day) / 7)) FILTER (WHERE d.kind = 'feature_used' AND d.day BETWEEN $6 AND $3) AS periods
       FROM insight_daily d WHERE ${where}
       GROUP BY d.subject, d.user_id)
     SELECT subject COLLATE "C" AS subject,
            sum(uses) AS uses,
            count(*) FILTER (WHERE uses >= 1) AS users,
            count(*) FILTER (WHERE uses >= 2) AS repeat_users,
            count(*) FILTER (WHERE uses >= 2 AND outcome) AS repeat_outcome,
            count(*) FILTER (WHERE ${firstInRange}) AS first_users,
            count(*) FILTER (WHERE ${ttfu}) AS ttfu_n,
            percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY first_use - first_seen) FILTER (WHERE ${ttfu}) AS ttfu_q,
            count(*) FILTER (WHERE periods <> 0) AS habit_active,
            count(*) FILTER (WHERE ${activeWeeks} >= ${HABIT_MIN_ACTIVE_WEEKS}) AS habitual
     FROM per_user GROUP BY 1 HAVING bool_or(in_range)`,
    params,
  );
  const weekly = await peopleSql(sql, tenant, {
    range: f.range,
    ...(f.team !== undefined ? { team: f.team } : {}),
    weekly: true,
    keys: [{ level: 0, kinds: ['feature_used'], ...(f.subject !== undefined ? { subject: f.subject } : {}) }],
  });
  const out = new Map<string, FeatureAggregate>();
  for (const r of rows) {
    const id = str(r.subject);
    out.set(id, {
      featureId: id,
      uses: num(r.uses),
      users: num(r.users),
      repeatUsers: num(r.repeat_users),
      repeatWithOutcome: num(r.repeat_outcome),
      firstUsers: num(r.first_users),
      timeToFirstUse: { n: num(r.ttfu_n), median: numOrNull(quantile(r.ttfu_q, 0)), p90: numOrNull(quantile(r.ttfu_q, 1)) },
      habitActive: num(r.habit_active),
      habitual: num(r.habitual),
      weekly: new Map(),
    });
  }
  for (const w of weekly) if (w.week !== null) out.get(w.subject)?.weekly.set(w.week, w.users);
  return out;
}
