import type { TenantId } from '../../src/schema/api';
import type { SqlQueryable } from '../db/sql';
import { moveSpans, spanContribution } from './insightSpans';
import { moveTeamTotals, teamTotalsContribution } from './insightTeamTotals';

/**
 * `insight_pairs` (migration 0003): people counted for any range without one row per person. For each
 * of a user's keys, the sorted days they had such an event are cut into (day, prev) pairs (prev: the
 * day before it in the list, -1 for the first); a user is in range [a, b] exactly when one of their
 * pairs has a <= day <= b and prev < a, and then only one does. So the people of a key in a range are
 * `sum(users)` over those rows, per team (a user's effective team, '' for none) and over teams for the
 * tenant. This file is the one place that says which keys exist and how a user's rows become pairs;
 * the migration's backfill and the benchmark's loader (bench/insights/rollupRows.ts) spell the same.
 */

/** Which keys are counted: level 0 keeps (kind, subject, detail), 1 (kind, subject), 2 (kind); 3 is any event. */
export const PAIR_LEVELS = [
  { level: 0, kinds: ['step_shown', 'flow_started', 'flow_completed', 'feature_used', 'prompt_used'], subject: true, detail: true },
  { level: 1, kinds: ['flow_dismissed', 'survey_answered'], subject: true, detail: false },
  { level: 2, kinds: ['flow_started', 'flow_completed', 'feature_used', 'survey_answered'], subject: false, detail: false },
] as const;
export const ANY_EVENT_LEVEL = 3;

export type PairLevel = 0 | 1 | 2 | 3;

export const PAIR_KINDS: readonly string[] = [...new Set(PAIR_LEVELS.flatMap((l) => [...l.kinds]))];

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * The keyed days of `src` (columns user_id, kind, subject, detail, day) and `days` (user_id, day): one
 * row per (user, level, kind, subject, detail, day).
 */
function keyedDays(src: string, days: string): string {
  const levels = PAIR_LEVELS.map(
    (l) =>
      `SELECT user_id, ${l.level} AS level, kind, ${l.subject ? 'subject' : "''"} AS subject, ${l.detail ? 'detail' : "''"} AS detail, day
       FROM ${src} WHERE kind IN (${list(l.kinds)})`,
  );
  return [...levels, `SELECT user_id, ${ANY_EVENT_LEVEL}, '', '', '', day FROM ${days}`].join('\n UNION ');
}

/** (day, prev) pairs of keyed days (a relation named `keyed`). */
const pairsOf = (keyed: string) =>
  `SELECT user_id, level, kind, subject, detail, day,
          COALESCE(lag(day) OVER (PARTITION BY user_id, level, kind, subject, detail ORDER BY day), -1) AS prev
   FROM ${keyed}`;

const PAIR_KEY = 'team, level, kind, subject, detail, day, prev';
const UPSERT_TAIL = `ON CONFLICT (tenant, ${PAIR_KEY}) DO UPDATE SET users = insight_pairs.users + EXCLUDED.users`;

/**
 * The pairs' difference for people who just got new rollup rows in this transaction: `newDays` (their
 * new `insight_daily` keys and days) and `newActive` (their new `insight_user_days`). Their rows now
 * visible, minus the new ones, are their days before; all of them, their days after. Only keys that
 * gained a day change; the difference is upserted in key order.
 *
 * The people are locked first (`lockUsers`), and the statement after the lock has a fresh snapshot
 * (READ COMMITTED): another batch of the same person either committed before (its rows and its pairs
 * are both seen here) or takes the lock after this transaction commits and then sees this one's. So
 * each new day is paired with the right neighbours even when batches of one person are stored at once.
 */
export async function addNewDaysToPairs(tx: SqlQueryable, tenant: TenantId, newDays: readonly unknown[], newActive: readonly unknown[]): Promise<void> {
  if (newDays.length === 0 && newActive.length === 0) return;
  const users = [...newDays, ...newActive].map((r) => (r as { user_id?: unknown }).user_id).filter((u): u is string => typeof u === 'string');
  await lockUsers(tx, tenant, users);
  await tx.query(
    `WITH nd AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(user_id text, kind text, subject text, detail text, day integer)),
     na AS (SELECT * FROM jsonb_to_recordset($3::jsonb) AS x(user_id text, day integer)),
     pair_users AS (SELECT user_id FROM nd UNION SELECT user_id FROM na),
     all_src AS (
       SELECT d.user_id, d.kind, d.subject, d.detail, d.day FROM insight_daily d JOIN pair_users u ON u.user_id = d.user_id
       WHERE d.tenant = $1 AND d.kind IN (${list(PAIR_KINDS)}) AND d.kind IN (SELECT kind FROM nd)),
     all_days AS (SELECT a.user_id, a.day FROM insight_user_days a JOIN pair_users u ON u.user_id = a.user_id WHERE a.tenant = $1),
     old_src AS (SELECT * FROM all_src EXCEPT SELECT user_id, kind, subject, detail, day FROM nd),
     old_days AS (SELECT * FROM all_days EXCEPT SELECT user_id, day FROM na),
     pair_old_keyed AS (${keyedDays('old_src', 'old_days')}),
     pair_new_keyed AS (${keyedDays('all_src', 'all_days')}),
     pair_delta AS (
       SELECT user_id, level, kind, subject, detail, day, prev, sum(w) AS w FROM (
         SELECT p.*, 1 AS w FROM (${pairsOf('pair_new_keyed')}) p
         UNION ALL
         SELECT p.*, -1 AS w FROM (${pairsOf('pair_old_keyed')}) p) x
       GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(w) <> 0)
     INSERT INTO insight_pairs (tenant, ${PAIR_KEY}, users)
     SELECT $1, COALESCE(t.admin_team, t.reported_team, '') AS team, p.level, p.kind, p.subject, p.detail, p.day, p.prev, sum(p.w)
     FROM pair_delta p LEFT JOIN user_teams t ON t.tenant = $1 AND t.user_id = p.user_id
     GROUP BY 2, 3, 4, 5, 6, 7, 8 HAVING sum(p.w) <> 0
     ORDER BY 2, 3, 4, 5, 6, 7, 8
     ${UPSERT_TAIL}`,
    [tenant, JSON.stringify(newDays), JSON.stringify(newActive)],
  );
}

/**
 * Takes a transaction-scoped advisory lock per user, in a fixed order: the pair updates and team
 * changes of one person run one after the other, so each sees the other's days and team. Under READ
 * COMMITTED the statement after the lock gets a fresh snapshot, which includes whatever the previous
 * holder committed.
 */
export async function lockUsers(tx: SqlQueryable, tenant: TenantId, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await tx.query(
    `SELECT count(pg_advisory_xact_lock(hashtextextended($1 || chr(1) || u, 20260105))) AS n
     FROM (SELECT u FROM jsonb_array_elements_text($2::jsonb) AS u ORDER BY u) x`,
    [tenant, JSON.stringify([...new Set(userIds)].sort())],
  );
}

/** Every pair of `users` ($2, all their history), under their current team: what moves when their team changes. */
const CONTRIBUTION_CTES = `
u AS (SELECT DISTINCT jsonb_array_elements_text($2::jsonb) AS user_id),
src AS (
  SELECT d.user_id, d.kind, d.subject, d.detail, d.day FROM insight_daily d JOIN u ON u.user_id = d.user_id
  WHERE d.tenant = $1 AND d.kind IN (${list(PAIR_KINDS)})),
days AS (SELECT a.user_id, a.day FROM insight_user_days a JOIN u ON u.user_id = a.user_id WHERE a.tenant = $1),
keyed AS (${keyedDays('src', 'days')}),
contribution AS (
  SELECT COALESCE(t.admin_team, t.reported_team, '') AS team, p.level, p.kind, p.subject, p.detail, p.day, p.prev, count(*) AS users
  FROM (${pairsOf('keyed')}) p LEFT JOIN user_teams t ON t.tenant = $1 AND t.user_id = p.user_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7)`;

/**
 * Runs `change` (which changes the teams of `userIds`) so that their pairs (and their spans, see
 * insightSpans.ts) move to their new teams: their
 * pairs are read under the old teams, and after the change the difference is applied in one ordered
 * upsert (one statement taking pair-row locks, so two moves cannot wait on each other). Call it inside
 * a transaction.
 */
export async function moveUsersPairs(tx: SqlQueryable, tenant: TenantId, userIds: readonly string[], change: () => Promise<void>): Promise<void> {
  const users = JSON.stringify([...new Set(userIds)].sort());
  await lockUsers(tx, tenant, userIds);
  const before = (await tx.query(`WITH ${CONTRIBUTION_CTES} SELECT * FROM contribution`, [tenant, users])).rows;
  // No pairs at all (every event has a level-3 pair): none of them has an event yet, so nothing to move
  // (a new user's first reported team).
  if (before.length === 0) return change();
  const spansBefore = await spanContribution(tx, tenant, users);
  const totalsBefore = await teamTotalsContribution(tx, tenant, users);
  await change();
  // Pairs, spans, team totals, in the order ingest updates them: row locks of these tables are always taken in that order.
  await movePairs(tx, tenant, users, before);
  await moveSpans(tx, tenant, users, spansBefore);
  await moveTeamTotals(tx, tenant, users, totalsBefore);
}

async function movePairs(tx: SqlQueryable, tenant: TenantId, users: string, before: readonly unknown[]): Promise<void> {
  await tx.query(
    `WITH ${CONTRIBUTION_CTES},
     delta AS (
       SELECT ${PAIR_KEY}, sum(users) AS users FROM (
         SELECT ${PAIR_KEY}, users FROM contribution
         UNION ALL
         SELECT ${PAIR_KEY}, -users FROM jsonb_to_recordset($3::jsonb)
           AS b(team text, level smallint, kind text, subject text, detail text, day integer, prev integer, users integer)) x
       GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(users) <> 0)
     INSERT INTO insight_pairs (tenant, ${PAIR_KEY}, users)
     SELECT $1, ${PAIR_KEY}, users FROM delta ORDER BY ${PAIR_KEY}
     ${UPSERT_TAIL}`,
    [tenant, users, JSON.stringify(before)],
  );
}
