import type { TenantId } from '../../src/schema/api';
import type { SqlQueryable } from '../db/sql';
import { ROLLUP_FACT_COLUMNS } from './insightRollup';

/**
 * `insight_team_totals` (migration 0004): a team's event counts per (kind, subject, detail, UTC day) and
 * the step index of the events (−1 for none), so that a team's funnel, feature uses and prompt uses are
 * sums over a few rows per day instead of its members' `insight_daily` rows. The smallest step index is
 * the smallest one with a count above 0: keyed by each event's own index (not a day's minimum), the
 * counts only ever add up, and a person who leaves a team takes exactly their events' counts with them.
 * Rows are per effective team ('' for none), as in insight_pairs.
 */

const KEY = 'team, kind, subject, detail, day, step_index';

/**
 * The batch's newly stored events (`facts` of the ingest statement) per person and key: returned by the
 * ingest statement and added here after the batch's people are locked, so that each is counted under
 * the team they have when the lock is held (a team change waits on the same lock and moves what was
 * committed before it).
 */
export const TEAM_FACTS = `SELECT user_id, kind, subject, detail, day, COALESCE(step_index, -1) AS step_index, count(*) AS n
  FROM facts GROUP BY 1, 2, 3, 4, 5, 6`;

export async function addTeamTotals(tx: SqlQueryable, tenant: TenantId, facts: readonly unknown[]): Promise<void> {
  if (facts.length === 0) return;
  await tx.query(
    `INSERT INTO insight_team_totals (tenant, ${KEY}, n)
     SELECT $1, COALESCE(t.admin_team, t.reported_team, ''), f.kind, f.subject, f.detail, f.day, f.step_index, sum(f.n)
     FROM jsonb_to_recordset($2::jsonb) AS f(user_id text, kind text, subject text, detail text, day integer, step_index integer, n integer)
     LEFT JOIN user_teams t ON t.tenant = $1 AND t.user_id = f.user_id
     GROUP BY 2, 3, 4, 5, 6, 7 ORDER BY 2, 3, 4, 5, 6, 7
     ON CONFLICT (tenant, ${KEY}) DO UPDATE SET n = insight_team_totals.n + EXCLUDED.n`,
    [tenant, JSON.stringify(facts)],
  );
}

/** The counts of `users` ($2, a JSON array), from their stored events, under their current teams. */
const CONTRIBUTION = `
  SELECT COALESCE(t.admin_team, t.reported_team, '') AS team, f.kind, f.subject, f.detail, f.day, COALESCE(f.step_index, -1) AS step_index, count(*) AS n
  FROM (SELECT ${ROLLUP_FACT_COLUMNS} FROM events WHERE tenant = $1 AND user_id IN (SELECT jsonb_array_elements_text($2::jsonb))) f
  LEFT JOIN user_teams t ON t.tenant = $1 AND t.user_id = f.user_id
  GROUP BY 1, 2, 3, 4, 5, 6`;

export async function teamTotalsContribution(tx: SqlQueryable, tenant: TenantId, usersJson: string): Promise<unknown[]> {
  return (await tx.query(CONTRIBUTION, [tenant, usersJson])).rows;
}

/** After the teams of `users` changed: their counts move from `before` to their new teams, in one ordered upsert. */
export async function moveTeamTotals(tx: SqlQueryable, tenant: TenantId, usersJson: string, before: readonly unknown[]): Promise<void> {
  if (before.length === 0) return;
  await tx.query(
    `WITH after AS (${CONTRIBUTION}),
     delta AS (
       SELECT ${KEY}, sum(n) AS n FROM (
         SELECT ${KEY}, n FROM after
         UNION ALL
         SELECT ${KEY}, -n FROM jsonb_to_recordset($3::jsonb)
           AS b(team text, kind text, subject text, detail text, day integer, step_index integer, n bigint)) x
       GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0)
     INSERT INTO insight_team_totals (tenant, ${KEY}, n)
     SELECT $1, ${KEY}, n FROM delta ORDER BY ${KEY}
     ON CONFLICT (tenant, ${KEY}) DO UPDATE SET n = insight_team_totals.n + EXCLUDED.n`,
    [tenant, usersJson, JSON.stringify(before)],
  );
}

/** The migration's backfill from the stored events (the same expressions as ingest). */
export const TEAM_TOTALS_BACKFILL = `INSERT INTO insight_team_totals (tenant, ${KEY}, n)
SELECT f.tenant, COALESCE(t.admin_team, t.reported_team, ''), f.kind, f.subject, f.detail, f.day, COALESCE(f.step_index, -1), count(*)
FROM (SELECT tenant, ${ROLLUP_FACT_COLUMNS} FROM events) f
LEFT JOIN user_teams t ON t.tenant = f.tenant AND t.user_id = f.user_id
GROUP BY 1, 2, 3, 4, 5, 6, 7;`;
