import type { TenantId } from '../../src/schema/api';
import type { AdminTeamListResponse, TeamAssignment } from '../../src/schema/insights';
import { byteOrder, type DayRange } from '../../src/metrics/insightWindow';
import type { TeamSize } from '../../src/metrics/teamSuppression';
import type { Sql, SqlQueryable } from '../db/sql';
import { ANY_EVENT_LEVEL, lockUsers, moveUsersPairs } from './insightPairs';
import { peopleSql } from './insightPeople';
import { num, str } from './rowValues';

/** A user's effective team: an admin's mapping wins over the team their extension reported. */
export const EFFECTIVE_TEAM = 'COALESCE(t.admin_team, t.reported_team)';

/**
 * A WHERE clause limiting `alias.user_id` to the members of the team in parameter `$param`. The team
 * is the current mapping: moving a user moves their history with them.
 */
export function teamClause(alias: string, param: number): string {
  return `AND ${alias}.user_id IN (SELECT t.user_id FROM user_teams t WHERE t.tenant = $1 AND ${EFFECTIVE_TEAM} = $${param})`;
}

/**
 * Records the team an extension reported for the users of its batch (the admin's mapping is left alone).
 * Users whose effective team this changes (a new user, a reported team renamed) have their pairs
 * moved to it (`insight_pairs`, see insightPairs.ts); for everyone else it is one upsert.
 */
export async function recordReportedTeam(sql: Sql, tenant: TenantId, userIds: readonly string[], team: string): Promise<void> {
  if (userIds.length === 0) return;
  const users = [...new Set(userIds)].sort();
  await sql.transaction(async (tx) => {
    // Locked before looking, so that what is decided here still holds when the update runs.
    await lockUsers(tx, tenant, users);
    const moving = await tx.query(
      `SELECT u FROM jsonb_array_elements_text($2::jsonb) AS u
       WHERE NOT EXISTS (SELECT 1 FROM user_teams t WHERE t.tenant = $1 AND t.user_id = u AND ${EFFECTIVE_TEAM} = $3)`,
      [tenant, JSON.stringify(users), team],
    );
    const update = async () => {
      await tx.query(
        `INSERT INTO user_teams (tenant, user_id, reported_team)
         SELECT $1, u, $3 FROM jsonb_array_elements_text($2::jsonb) AS u ORDER BY u
         ON CONFLICT (tenant, user_id) DO UPDATE SET reported_team = EXCLUDED.reported_team, updated_at = now()
         WHERE user_teams.reported_team IS DISTINCT FROM EXCLUDED.reported_team`,
        [tenant, JSON.stringify(users), team],
      );
    };
    if (moving.rows.length === 0) await update();
    else await moveUsersPairs(tx, tenant, moving.rows.map((r) => str(r.u, 'user')), update);
  });
}

/** Sets (or, with `team: null`, clears) admins' mappings; a user listed twice gets the last one. Their pairs move with them. */
export async function assignTeams(sql: Sql, tenant: TenantId, assignments: readonly TeamAssignment[]): Promise<number> {
  const last = new Map(assignments.map((a) => [a.userId, a.team]));
  const rows = [...last].sort(([a], [b]) => (a < b ? -1 : 1)).map(([userId, team]) => ({ userId, team }));
  return sql.transaction(async (tx) => {
    let count = 0;
    await moveUsersPairs(
      tx,
      tenant,
      rows.map((r) => r.userId),
      async () => {
        const r = await tx.query(
          `INSERT INTO user_teams (tenant, user_id, admin_team)
           SELECT $1, e->>'userId', e->>'team' FROM jsonb_array_elements($2::jsonb) AS e
           ON CONFLICT (tenant, user_id) DO UPDATE SET admin_team = EXCLUDED.admin_team, updated_at = now()`,
          [tenant, JSON.stringify(rows)],
        );
        count = r.rowCount;
      },
    );
    return count;
  });
}

/** Every day an event can have (timestamps start at the epoch; a first day's `prev` is -1): "seen at any time". */
const ALL_TIME: DayRange = { fromDay: 0, toDay: 1_000_000 };

/** People with any event in the range, per effective team (null: no team). */
async function activePerTeam(sql: SqlQueryable, tenant: TenantId, range: DayRange): Promise<Map<string | null, number>> {
  const rows = await peopleSql(sql, tenant, { range, byTeam: true, keys: [{ level: ANY_EVENT_LEVEL }] });
  return new Map(rows.map((row) => [row.team, row.users]));
}

/** Each team's members (`TeamSize.members`): everyone in it seen at any time; null: seen without a team. */
export function teamMembersSql(sql: SqlQueryable, tenant: TenantId): Promise<Map<string | null, number>> {
  return activePerTeam(sql, tenant, ALL_TIME);
}

/** Active users per effective team (null: no team) in the range, and its members: what suppression decides on. */
export async function teamSizes(sql: SqlQueryable, tenant: TenantId, r: DayRange): Promise<TeamSize[]> {
  const [active, members] = [await activePerTeam(sql, tenant, r), await teamMembersSql(sql, tenant)];
  return [...active].map(([team, users]) => ({ team, users, members: members.get(team) ?? users }));
}

/** Every team's size, never its members. */
export async function listTeams(sql: SqlQueryable, tenant: TenantId): Promise<Omit<AdminTeamListResponse, 'minGroupSize'>> {
  const { rows } = await sql.query(
    `SELECT ${EFFECTIVE_TEAM} AS team, count(*) AS members, count(t.admin_team) AS mapped
     FROM user_teams t WHERE t.tenant = $1 AND ${EFFECTIVE_TEAM} IS NOT NULL
     GROUP BY 1`,
    [tenant],
  );
  const unassigned = await sql.query(
    `SELECT count(DISTINCT a.user_id) AS n FROM insight_user_days a
     WHERE a.tenant = $1 AND NOT EXISTS (
       SELECT 1 FROM user_teams t WHERE t.tenant = a.tenant AND t.user_id = a.user_id AND ${EFFECTIVE_TEAM} IS NOT NULL)`,
    [tenant],
  );
  return {
    teams: rows
      .map((r) => ({ team: str(r.team), members: num(r.members), mappedByAdmin: num(r.mapped) }))
      .sort((a, b) => byteOrder(a.team, b.team)),
    unassigned: num(unassigned.rows[0]?.n ?? 0),
  };
}
