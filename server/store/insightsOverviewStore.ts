import type { TenantId } from '../../src/schema/api';
import type { OverviewAggregate } from '../../src/metrics/overviewInsights';
import type { TeamAggregate } from '../../src/metrics/teamInsights';
import type { DayRange } from '../../src/metrics/insightWindow';
import type { SqlQueryable } from '../db/sql';
import { dailyWhere, type InsightFilter } from './insightsFlowStore';
import { num, str } from './rowValues';
import { EFFECTIVE_TEAM, teamClause } from './teamStore';

/** Distinct users with any event in the range (in the team, when given): the size of the scope. */
export async function activeUsersSql(sql: SqlQueryable, tenant: TenantId, f: Omit<InsightFilter, 'subject'>): Promise<number> {
  const params: unknown[] = [tenant, f.range.fromDay, f.range.toDay];
  let where = 'a.tenant = $1 AND a.day BETWEEN $2 AND $3';
  if (f.team !== undefined) {
    params.push(f.team);
    where += ` ${teamClause('a', params.length)}`;
  }
  const { rows } = await sql.query(`SELECT count(DISTINCT a.user_id) AS n FROM insight_user_days a WHERE ${where}`, params);
  return num(rows[0]?.n ?? 0);
}

/** The SQL twin of `overviewAggregate` (src/metrics/overviewInsights.ts). */
export async function overviewAggregateSql(sql: SqlQueryable, tenant: TenantId, f: Omit<InsightFilter, 'subject'>): Promise<OverviewAggregate> {
  const w = dailyWhere(tenant, f, ['flow_started', 'flow_completed', 'feature_used', 'prompt_used', 'survey_answered']);
  const { rows } = await sql.query(
    `SELECT count(DISTINCT d.user_id) FILTER (WHERE d.kind = 'flow_started') AS started,
            count(DISTINCT d.user_id) FILTER (WHERE d.kind = 'flow_completed') AS completed,
            count(DISTINCT d.user_id) FILTER (WHERE d.kind = 'feature_used') AS feature_users,
            COALESCE(sum(d.n) FILTER (WHERE d.kind = 'prompt_used'), 0) AS prompt_uses,
            COALESCE(sum(d.n) FILTER (WHERE d.kind = 'survey_answered'), 0) AS answers,
            count(DISTINCT d.user_id) FILTER (WHERE d.kind = 'survey_answered') AS respondents,
            COALESCE(sum(CASE WHEN d.kind = 'survey_answered' THEN d.n * d.detail::integer END), 0) AS score_sum
     FROM insight_daily d WHERE ${w.where}`,
    w.params,
  );
  const r = rows[0] ?? {};
  const params: unknown[] = [tenant, f.range.fromDay, f.range.toDay];
  let where = 'a.tenant = $1 AND a.day BETWEEN $2 AND $3';
  if (f.team !== undefined) {
    params.push(f.team);
    where += ` ${teamClause('a', params.length)}`;
  }
  const weekly = await sql.query(
    `SELECT (a.day - (a.day + 3) % 7) AS week, count(DISTINCT a.user_id) AS users FROM insight_user_days a WHERE ${where} GROUP BY 1`,
    params,
  );
  return {
    flowStartedUsers: num(r.started ?? 0),
    flowCompletedUsers: num(r.completed ?? 0),
    featureUsers: num(r.feature_users ?? 0),
    promptUses: num(r.prompt_uses ?? 0),
    surveyAnswers: num(r.answers ?? 0),
    surveyRespondents: num(r.respondents ?? 0),
    surveyScoreSum: num(r.score_sum ?? 0),
    weeklyActive: new Map(weekly.rows.map((w) => [num(w.week), num(w.users)])),
  };
}

/** The SQL twin of `teamAggregates` (src/metrics/teamInsights.ts): metrics per effective team. */
export async function teamAggregatesSql(
  sql: SqlQueryable,
  tenant: TenantId,
  range: DayRange,
  filter: { flowId?: string; featureId?: string },
): Promise<TeamAggregate[]> {
  const params: unknown[] = [tenant, range.fromDay, range.toDay];
  const subject = (v: string | undefined) => {
    if (v === undefined) return '';
    params.push(v);
    return ` AND d.subject = $${params.length}`;
  };
  const flowCond = `(d.kind IN ('flow_started', 'flow_completed')${subject(filter.flowId)})`;
  const featureCond = `(d.kind = 'feature_used'${subject(filter.featureId)})`;
  const active = await sql.query(
    `SELECT ${EFFECTIVE_TEAM} AS team, count(DISTINCT a.user_id) AS users
     FROM insight_user_days a LEFT JOIN user_teams t ON t.tenant = a.tenant AND t.user_id = a.user_id
     WHERE a.tenant = $1 AND a.day BETWEEN $2 AND $3 GROUP BY 1`,
    [tenant, range.fromDay, range.toDay],
  );
  const metrics = await sql.query(
    `SELECT ${EFFECTIVE_TEAM} AS team,
            count(DISTINCT d.user_id) FILTER (WHERE d.kind = 'flow_started') AS started,
            count(DISTINCT d.user_id) FILTER (WHERE d.kind = 'flow_completed') AS completed,
            count(DISTINCT d.user_id) FILTER (WHERE d.kind = 'feature_used') AS feature_users
     FROM insight_daily d LEFT JOIN user_teams t ON t.tenant = d.tenant AND t.user_id = d.user_id
     WHERE d.tenant = $1 AND d.day BETWEEN $2 AND $3 AND (${flowCond} OR ${featureCond})
     GROUP BY 1`,
    params,
  );
  const key = (v: unknown) => (v === null ? null : str(v, 'team'));
  const byTeam = new Map(metrics.rows.map((m) => [key(m.team), m]));
  return active.rows.map((a) => {
    const team = key(a.team);
    const m = byTeam.get(team);
    return {
      team,
      metrics: {
        activeUsers: num(a.users),
        flowStartedUsers: num(m?.started ?? 0),
        flowCompletedUsers: num(m?.completed ?? 0),
        featureUsers: num(m?.feature_users ?? 0),
      },
    };
  });
}
