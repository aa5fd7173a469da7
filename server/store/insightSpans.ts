import type { TenantId } from '../../src/schema/api';
import { HABIT_MIN_ACTIVE_WEEKS, HABIT_WEEKS } from '../../src/schema/insights';
import type { DayRange, Quantiles } from '../../src/metrics/insightWindow';
import type { SqlQueryable } from '../db/sql';
import { num, str } from './rowValues';

/**
 * `insight_user_spans` and `insight_spans` (migration 0004): the per-person metrics that are not a count
 * of people with an event (step and task times, time to first use, repeat use, repeat use with an
 * outcome, the habit), turned into rows that say for which ranges [a, b] a person counts:
 *
 *   a person counts in [a, b] through a row when  lo < a <= hi  AND  need <= b <= upto,
 *
 * and through at most one of their rows of a metric and key, so the people of a range are a sum, and a
 * percentile over people is a walk over counted values. Each metric's rows, per person, from their
 * `insight_daily` rows (the reference in src/metrics):
 *
 * - `step` (flow, step) and `task` (flow, ''): the time is first end in range − first start in range.
 *   The first start in [a, b] is the start day s with prev(s) < a <= s (as in insight_pairs), the
 *   first end likewise; so every start pair and end pair whose intervals of a meet is one row:
 *   lo = max of the prevs, hi = min of the days, need = max of the days, value = end ts − start ts
 *   (rows with a negative time are left out, as the reference leaves the person out). Such pairs are
 *   found without pairing every start with every end: from each start or end day x, the first start
 *   and the first end at or after x (a running minimum), which is linear in a person's days.
 * - `feature_repeat`, `prompt_repeat` (≥ 2 uses in range): the first day of use in [a, b] is the day d
 *   with prev(d) < a <= d; the second use is on d itself when d had ≥ 2 uses, else on the next day of
 *   use, and must be <= b. So each day of use is a row lo = prev, hi = d, need = d or the next day
 *   (none when there is no second use after it).
 * - `feature_repeat_outcome`: a repeat row and an outcome pair (prev, day) whose intervals of a meet
 *   (found as for the times), need the later of the two.
 * - `feature_ttfu`: first use ever in [a, b] (lo = −1, hi = need = its day), value = first use − first
 *   `feature_seen`, when seen no later than used.
 * - `feature_habit`: active in ≥ 3 of the 4 seven-day periods ending on b: the days b at which that holds,
 *   as runs [need, upto] (lo = −1, hi = MAX: any a).
 *
 * `insight_user_spans` holds each person's rows (with the percentile bucket of the value and the team
 * they count for, kept up to date by team changes), which is what
 * ingest diffs against when it recomputes someone, what a team change moves, and where a percentile
 * reads the exact values of one bucket. `insight_spans` counts them per team, without the person.
 */

export const SPAN_MAX = 2147483647;

/**
 * Percentile buckets: value v is in bucket width_bucket(v, SPAN_BOUNDS) (how many bounds are <= v). About
 * 25% wide, so the counts per bucket stay few while one bucket holds a small share of the people.
 */
export const SPAN_BOUNDS: readonly number[] = (() => {
  const out: number[] = [];
  for (let b = 1; b < 2 ** 50; b = Math.max(b + 1, Math.floor(b * 1.25))) out.push(b);
  return out;
})();
const BOUNDS_SQL = `'{${SPAN_BOUNDS.join(',')}}'::bigint[]`;

/** The bucket of a value, as `width_bucket(value, SPAN_BOUNDS)` in SQL. */
export function spanBucket(v: number): number {
  let lo = 0;
  let hi = SPAN_BOUNDS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((SPAN_BOUNDS[mid] ?? Infinity) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Which rollup kinds each family of metrics is computed from: a person is recomputed for a family when
 * a batch changed one of their rows of those kinds in a way the family can see.
 */
export const SPAN_FAMILIES = {
  step: { kinds: ['step_shown', 'step_completed'], metrics: ['step'] },
  task: { kinds: ['flow_started', 'flow_completed'], metrics: ['task'] },
  feature: { kinds: ['feature_used', 'feature_seen', 'feature_outcome'], metrics: ['feature_ttfu', 'feature_repeat', 'feature_repeat_outcome', 'feature_habit'] },
  prompt: { kinds: ['prompt_used'], metrics: ['prompt_repeat'] },
} as const;
export type SpanFamily = keyof typeof SPAN_FAMILIES;
export type SpanMetric = (typeof SPAN_FAMILIES)[SpanFamily]['metrics'][number];

export const SPAN_KINDS: readonly string[] = Object.values(SPAN_FAMILIES).flatMap((f) => [...f.kinds]);

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
const familyOfKind = Object.entries(SPAN_FAMILIES).flatMap(([family, f]) => f.kinds.map((k) => `('${k}', '${family}')`));
const familyOfMetric = Object.entries(SPAN_FAMILIES).flatMap(([family, f]) => f.metrics.map((m) => `('${m}', '${family}')`));
/** `(kind, family)` and `(metric, family)` as relations. */
export const KIND_FAMILY = `(VALUES ${familyOfKind.join(', ')}) AS kf(kind, family)`;
export const METRIC_FAMILY = `(VALUES ${familyOfMetric.join(', ')}) AS mf(metric, family)`;

/**
 * Which rows of a batch's rollup upsert can change someone's spans: a new day, a first `ts` the batch
 * may have lowered (times), a day's uses reaching 2 (repeat use). `r` is the upserted row (its values
 * after the batch, `created` when new) and `b` the batch's own count and first ts for that row.
 */
export const SPAN_CHANGED = `r.kind IN (${list(SPAN_KINDS)}) AND (r.created
  OR (r.first_ts = b.ts AND r.kind NOT IN ('feature_outcome', 'prompt_used'))
  OR (r.n >= 2 AND r.n - b.n < 2 AND r.kind IN ('feature_used', 'prompt_used')))`;

/**
 * Every person's span rows from `src` (columns tenant, user_id, kind, subject, detail, day, n, first_ts:
 * their `insight_daily` rows of the families' kinds), as the relation `spans` with columns tenant,
 * user_id, metric, subject, detail, lo, hi, need, upto, value, bucket. A WITH list (no leading WITH):
 * ingest, the migration's backfill and the tests all use this text.
 */
export function spanCtes(src: string): string {
  const who = 'tenant, user_id';
  const habitDays = HABIT_WEEKS * 7 - 1;
  return `
sp_t AS (
  SELECT ${who}, CASE WHEN kind IN ('step_shown', 'step_completed') THEN 'step' ELSE 'task' END AS metric, subject, detail,
         kind IN ('step_shown', 'flow_started') AS is_start, day, min(first_ts) AS ts
  FROM ${src} WHERE kind IN ('step_shown', 'step_completed', 'flow_started', 'flow_completed')
  GROUP BY 1, 2, 3, 4, 5, 6, 7),
sp_tp AS (
  SELECT *, COALESCE(lag(day) OVER (PARTITION BY ${who}, metric, subject, detail, is_start ORDER BY day), -1) AS prev FROM sp_t),
sp_tc AS (
  SELECT DISTINCT ${who}, metric, subject, detail,
         min(CASE WHEN is_start THEN day END) OVER w AS s_day, min(CASE WHEN NOT is_start THEN day END) OVER w AS e_day
  FROM sp_t WINDOW w AS (PARTITION BY ${who}, metric, subject, detail ORDER BY day DESC)),
sp_use AS (
  SELECT ${who}, kind, subject, day, sum(n) AS n, min(first_ts) AS ts FROM ${src}
  WHERE kind IN ('feature_used', 'prompt_used') GROUP BY 1, 2, 3, 4, 5),
sp_rep AS (
  SELECT ${who}, kind, subject, day, prev, CASE WHEN n >= 2 THEN day ELSE next END AS need FROM (
    SELECT *, COALESCE(lag(day) OVER w, -1) AS prev, lead(day) OVER w AS next
    FROM sp_use WINDOW w AS (PARTITION BY ${who}, kind, subject ORDER BY day)) u),
sp_out AS (
  SELECT ${who}, subject, day, COALESCE(lag(day) OVER (PARTITION BY ${who}, subject ORDER BY day), -1) AS prev
  FROM (SELECT DISTINCT ${who}, subject, day FROM ${src} WHERE kind = 'feature_outcome') o),
sp_ro AS (
  SELECT DISTINCT ${who}, subject, min(CASE WHEN NOT is_out THEN day END) OVER w AS u_day, min(CASE WHEN is_out THEN day END) OVER w AS o_day
  FROM (SELECT ${who}, subject, day, false AS is_out FROM sp_use WHERE kind = 'feature_used'
        UNION ALL SELECT ${who}, subject, day, true FROM sp_out) x
  WINDOW w AS (PARTITION BY ${who}, subject ORDER BY day DESC)),
sp_first AS (
  SELECT ${who}, subject, min(day) AS day, min(ts) AS ts FROM sp_use WHERE kind = 'feature_used' GROUP BY 1, 2, 3),
sp_seen AS (
  SELECT ${who}, subject, min(first_ts) AS ts FROM ${src} WHERE kind = 'feature_seen' GROUP BY 1, 2, 3),
sp_hab AS (
  SELECT ${who}, subject, b FROM (
    SELECT ${who}, subject, day + k AS b, k / 7 AS period
    FROM sp_use CROSS JOIN generate_series(0, ${habitDays}) AS k WHERE kind = 'feature_used') x
  GROUP BY 1, 2, 3, 4 HAVING count(DISTINCT period) >= ${HABIT_MIN_ACTIVE_WEEKS}),
sp_rows AS (
  SELECT c.tenant, c.user_id, c.metric, c.subject, c.detail, GREATEST(s.prev, e.prev) AS lo, LEAST(c.s_day, c.e_day) AS hi,
         GREATEST(c.s_day, c.e_day) AS need, ${SPAN_MAX} AS upto, e.ts - s.ts AS value
  FROM sp_tc c
  JOIN sp_tp s ON s.tenant = c.tenant AND s.user_id = c.user_id AND s.metric = c.metric AND s.subject = c.subject AND s.detail = c.detail
    AND s.is_start AND s.day = c.s_day
  JOIN sp_tp e ON e.tenant = c.tenant AND e.user_id = c.user_id AND e.metric = c.metric AND e.subject = c.subject AND e.detail = c.detail
    AND NOT e.is_start AND e.day = c.e_day
  WHERE e.ts >= s.ts
  UNION ALL
  SELECT ${who}, CASE WHEN kind = 'feature_used' THEN 'feature_repeat' ELSE 'prompt_repeat' END, subject, '', prev, day, need, ${SPAN_MAX}, 0
  FROM sp_rep WHERE need IS NOT NULL
  UNION ALL
  SELECT c.tenant, c.user_id, 'feature_repeat_outcome', c.subject, '', GREATEST(r.prev, o.prev), LEAST(c.u_day, c.o_day), GREATEST(r.need, c.o_day), ${SPAN_MAX}, 0
  FROM sp_ro c
  JOIN sp_rep r ON r.tenant = c.tenant AND r.user_id = c.user_id AND r.kind = 'feature_used' AND r.subject = c.subject AND r.day = c.u_day
  JOIN sp_out o ON o.tenant = c.tenant AND o.user_id = c.user_id AND o.subject = c.subject AND o.day = c.o_day
  WHERE r.need IS NOT NULL
  UNION ALL
  SELECT f.tenant, f.user_id, 'feature_ttfu', f.subject, '', -1, f.day, f.day, ${SPAN_MAX}, f.ts - s.ts
  FROM sp_first f JOIN sp_seen s ON s.tenant = f.tenant AND s.user_id = f.user_id AND s.subject = f.subject
  WHERE s.ts <= f.ts
  UNION ALL
  SELECT ${who}, 'feature_habit', subject, '', -1, ${SPAN_MAX}, min(b), max(b), 0 FROM (
    SELECT ${who}, subject, b, b - row_number() OVER (PARTITION BY ${who}, subject ORDER BY b) AS run FROM sp_hab) h
  GROUP BY ${who}, subject, run),
spans AS (
  SELECT tenant, user_id, metric, subject, detail, lo, hi, need, upto, value, width_bucket(value, ${BOUNDS_SQL}) AS bucket
  FROM sp_rows)`;
}

export const SPAN_COLS = 'metric, subject, detail, lo, hi, need, upto, value, bucket';
/** The key of `insight_spans`, after the tenant. */
export const SPAN_KEY = 'metric, subject, detail, lo, hi, need, upto, bucket, team';

/** The migration's backfill, printed from the text above so that the two cannot drift (tests compare them with ingest). */
export function spanBackfillSql(): string {
  return `WITH src AS (SELECT tenant, user_id, kind, subject, detail, day, n, first_ts FROM insight_daily WHERE kind IN (${list(SPAN_KINDS)})),
${spanCtes('src')}
INSERT INTO insight_user_spans (tenant, user_id, ${SPAN_COLS}, team)
SELECT s.tenant, s.user_id, ${SPAN_COLS.split(', ').map((c) => `s.${c}`).join(', ')}, COALESCE(t.admin_team, t.reported_team, '')
FROM spans s LEFT JOIN user_teams t ON t.tenant = s.tenant AND t.user_id = s.user_id;

INSERT INTO insight_spans (tenant, ${SPAN_KEY}, users)
SELECT tenant, metric, subject, detail, lo, hi, need, upto, bucket, team, count(*)
FROM insight_user_spans
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;`;
}


/** One person and family whose spans a batch may have changed (from the ingest statement). */
export interface SpanChange {
  user_id: string;
  family: SpanFamily;
}

/**
 * Recomputes the spans of the people and families in `changes` from their rollup rows as they are now
 * (the caller holds their locks, `lockUsers`, so this statement sees every batch of theirs that
 * committed before), and applies the difference with what was stored for them: their rows in
 * `insight_user_spans` are replaced, and the counts of `insight_spans` move by the difference, in key
 * order. Recomputing is idempotent, so a change reported twice (or that changed nothing) costs a read.
 */
export async function refreshUserSpans(tx: SqlQueryable, tenant: TenantId, changes: readonly unknown[]): Promise<void> {
  if (changes.length === 0) return;
  const match = (a: string) =>
    ['metric', 'subject', 'detail', 'lo', 'hi', 'need', 'upto', 'value'].map((c) => `${a}.${c} = g.${c}`).join(' AND ');
  await tx.query(
    `WITH u AS (SELECT DISTINCT x.user_id, x.family FROM jsonb_to_recordset($2::jsonb) AS x(user_id text, family text)),
     src AS (
       SELECT d.tenant, d.user_id, d.kind, d.subject, d.detail, d.day, d.n, d.first_ts
       FROM insight_daily d JOIN ${KIND_FAMILY} ON kf.kind = d.kind JOIN u ON u.user_id = d.user_id AND u.family = kf.family
       WHERE d.tenant = $1 AND d.kind IN (${list(SPAN_KINDS)})),
     ${spanCtes('src')},
     old_spans AS (
       SELECT s.user_id, s.${SPAN_COLS.split(', ').join(', s.')} FROM insight_user_spans s
       JOIN ${METRIC_FAMILY} ON mf.metric = s.metric JOIN u ON u.user_id = s.user_id AND u.family = mf.family
       WHERE s.tenant = $1),
     new_spans AS (SELECT user_id, ${SPAN_COLS} FROM spans),
     gone AS (SELECT * FROM old_spans EXCEPT ALL SELECT * FROM new_spans),
     added AS (SELECT * FROM new_spans EXCEPT ALL SELECT * FROM old_spans),
     del AS (DELETE FROM insight_user_spans s USING gone g WHERE s.tenant = $1 AND s.user_id = g.user_id AND ${match('s')}),
     put AS (
       INSERT INTO insight_user_spans (tenant, user_id, ${SPAN_COLS}, team)
       SELECT $1, a.user_id, ${SPAN_COLS.split(', ').map((c) => `a.${c}`).join(', ')}, COALESCE(t.admin_team, t.reported_team, '')
       FROM added a LEFT JOIN user_teams t ON t.tenant = $1 AND t.user_id = a.user_id),
     delta AS (
       SELECT user_id, metric, subject, detail, lo, hi, need, upto, bucket, 1 AS w FROM added
       UNION ALL SELECT user_id, metric, subject, detail, lo, hi, need, upto, bucket, -1 FROM gone)
     INSERT INTO insight_spans (tenant, ${SPAN_KEY}, users)
     SELECT $1, d.metric, d.subject, d.detail, d.lo, d.hi, d.need, d.upto, d.bucket, COALESCE(t.admin_team, t.reported_team, ''), sum(d.w)
     FROM delta d LEFT JOIN user_teams t ON t.tenant = $1 AND t.user_id = d.user_id
     GROUP BY 2, 3, 4, 5, 6, 7, 8, 9, 10 HAVING sum(d.w) <> 0
     ORDER BY 2, 3, 4, 5, 6, 7, 8, 9, 10
     ON CONFLICT (tenant, ${SPAN_KEY}) DO UPDATE SET users = insight_spans.users + EXCLUDED.users`,
    [tenant, JSON.stringify(changes)],
  );
}

/** The counts of `users` ($2, a JSON array) in `insight_spans`, under the teams their rows carry. */
const CONTRIBUTION = `
  SELECT s.metric, s.subject, s.detail, s.lo, s.hi, s.need, s.upto, s.bucket, s.team, count(*) AS users
  FROM insight_user_spans s WHERE s.tenant = $1 AND s.user_id IN (SELECT jsonb_array_elements_text($2::jsonb))
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;

export async function spanContribution(tx: SqlQueryable, tenant: TenantId, usersJson: string): Promise<unknown[]> {
  return (await tx.query(CONTRIBUTION, [tenant, usersJson])).rows;
}

/**
 * After the teams of `users` changed: their rows take their new teams, and their counts move from
 * `before` (`spanContribution` under the old teams) to the new ones, in one ordered upsert.
 */
export async function moveSpans(tx: SqlQueryable, tenant: TenantId, usersJson: string, before: readonly unknown[]): Promise<void> {
  if (before.length === 0) return;
  await tx.query(
    `UPDATE insight_user_spans s SET team = COALESCE(t.admin_team, t.reported_team, '')
     FROM (SELECT jsonb_array_elements_text($2::jsonb) AS user_id) u LEFT JOIN user_teams t ON t.tenant = $1 AND t.user_id = u.user_id
     WHERE s.tenant = $1 AND s.user_id = u.user_id AND s.team IS DISTINCT FROM COALESCE(t.admin_team, t.reported_team, '')`,
    [tenant, usersJson],
  );
  await tx.query(
    `WITH after AS (${CONTRIBUTION}),
     delta AS (
       SELECT ${SPAN_KEY}, sum(users) AS users FROM (
         SELECT ${SPAN_KEY}, users FROM after
         UNION ALL
         SELECT ${SPAN_KEY}, -users FROM jsonb_to_recordset($3::jsonb)
           AS b(metric text, subject text, detail text, lo integer, hi integer, need integer, upto integer, bucket integer, team text, users integer)) x
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(users) <> 0)
     INSERT INTO insight_spans (tenant, ${SPAN_KEY}, users)
     SELECT $1, ${SPAN_KEY}, users FROM delta ORDER BY ${SPAN_KEY}
     ON CONFLICT (tenant, ${SPAN_KEY}) DO UPDATE SET users = insight_spans.users + EXCLUDED.users`,
    [tenant, usersJson, JSON.stringify(before)],
  );
}

export interface SpanQuery {
  range: DayRange;
  team?: string;
  metric: SpanMetric;
  subject?: string;
}

/** `WHERE` of the rows that count a person in the range (alias `s`), parameters from $1. */
function spanWhere(tenant: TenantId, q: SpanQuery, team: (alias: string, param: number) => string) {
  // No event has a day before 0 (ts >= 0), so a range starting earlier counts as one starting on day 0,
  // which the rows' "lo < a" needs (a first row's lo is -1).
  const params: unknown[] = [tenant, Math.max(0, q.range.fromDay), q.range.toDay, q.metric];
  let where = 's.tenant = $1 AND s.metric = $4 AND s.lo < $2 AND $2 <= s.hi AND s.need <= $3 AND $3 <= s.upto';
  if (q.subject !== undefined) {
    params.push(q.subject);
    where += ` AND s.subject = $${params.length}`;
  }
  if (q.team !== undefined) {
    params.push(q.team);
    where += ` ${team('s', params.length)}`;
  }
  return { where, params };
}

const aggTeam = (alias: string, param: number) => `AND ${alias}.team = $${param}`;
/** People counted by a metric in the range, per (subject, detail): a sum over `insight_spans`. */
export async function spanCountsSql(sql: SqlQueryable, tenant: TenantId, q: SpanQuery): Promise<{ subject: string; detail: string; users: number }[]> {
  const w = spanWhere(tenant, q, aggTeam);
  const { rows } = await sql.query(
    `SELECT s.subject, s.detail, sum(s.users) AS users FROM insight_spans s WHERE ${w.where} GROUP BY 1, 2 HAVING sum(s.users) > 0`,
    w.params,
  );
  return rows.map((r) => ({ subject: str(r.subject), detail: str(r.detail), users: num(r.users) }));
}

const PERCENTILES = [0.5, 0.9] as const;

/**
 * The median and p90 of a metric's values over the people it counts in the range, per (subject,
 * detail), exactly as `quantilesOf` (nearest rank): the counts per bucket (`insight_spans`) say which
 * bucket holds each rank and where in it, and only that bucket's people's values are read and ordered
 * (`insight_user_spans`), so the cost is a bucket's share of the people, not all of them.
 */
export async function spanQuantilesSql(sql: SqlQueryable, tenant: TenantId, q: SpanQuery): Promise<{ subject: string; detail: string; time: Quantiles }[]> {
  const h = spanWhere(tenant, q, aggTeam);
  const { rows } = await sql.query(
    `SELECT s.subject, s.detail, s.bucket, sum(s.users) AS users FROM insight_spans s WHERE ${h.where}
     GROUP BY 1, 2, 3 HAVING sum(s.users) > 0`,
    h.params,
  );
  const groups = new Map<string, { subject: string; detail: string; buckets: [number, number][] }>();
  for (const r of rows) {
    const subject = str(r.subject);
    const detail = str(r.detail);
    const k = `${subject}\u0000${detail}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { subject, detail, buckets: [] }));
    g.buckets.push([num(r.bucket), num(r.users)]);
  }
  const targets: { i: number; subject: string; detail: string; bucket: number; off: number }[] = [];
  const out = [...groups.values()].map((g) => {
    g.buckets.sort((a, b) => a[0] - b[0]);
    const n = g.buckets.reduce((s, [, c]) => s + c, 0);
    for (const p of PERCENTILES) {
      // percentileDisc's rank (src/metrics/insightWindow.ts), then the bucket that holds it.
      let rank = Math.min(n, Math.max(1, Math.ceil(p * n)));
      for (const [bucket, c] of g.buckets) {
        if (rank <= c) {
          targets.push({ i: targets.length, subject: g.subject, detail: g.detail, bucket, off: rank - 1 });
          break;
        }
        rank -= c;
      }
    }
    return { subject: g.subject, detail: g.detail, n };
  });
  const values: (number | null)[] = [];
  if (targets.length > 0) {
    const v = spanWhere(tenant, q, aggTeam);
    const t = v.params.length + 1;
    const res = await sql.query(
      `SELECT x.i, (SELECT s.value FROM insight_user_spans s
                    WHERE ${v.where} AND s.subject = x.subject AND s.detail = x.detail AND s.bucket = x.bucket
                    ORDER BY s.value OFFSET x.off LIMIT 1) AS value
       FROM jsonb_to_recordset($${t}::jsonb) AS x(i integer, subject text, detail text, bucket integer, off integer)`,
      [...v.params, JSON.stringify(targets)],
    );
    for (const r of res.rows) values[num(r.i)] = r.value === null ? null : num(r.value);
  }
  return out.map((g, gi) => ({
    subject: g.subject,
    detail: g.detail,
    time: { n: g.n, median: values[gi * PERCENTILES.length] ?? null, p90: values[gi * PERCENTILES.length + 1] ?? null },
  }));
}
