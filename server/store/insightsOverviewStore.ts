import type { TenantId } from '../../src/schema/api';
import type { OverviewAggregate } from '../../src/metrics/overviewInsights';
import type { TeamAggregate } from '../../src/metrics/teamInsights';
import type { DayRange } from '../../src/metrics/insightWindow';
import type { SqlQueryable } from '../db/sql';
import { ANY_EVENT_LEVEL } from './insightPairs';
import { peopleSql } from './insightPeople';
import { eventTotalsSql, type InsightFilter } from './insightsFlowStore';

const teamOnly = (f: { team?: string }) => (f.team !== undefined ? { team: f.team } : {});

/** Distinct users with any event in the range (in the team, when given): the size of the scope. */
export async function activeUsersSql(sql: SqlQueryable, tenant: TenantId, f: Omit<InsightFilter, 'subject'>): Promise<number> {
  const rows = await peopleSql(sql, tenant, { range: f.range, ...teamOnly(f), keys: [{ level: ANY_EVENT_LEVEL }] });
  return rows.reduce((n, r) => n + r.users, 0);
}

/** The SQL twin of `overviewAggregate` (src/metrics/overviewInsights.ts). */
export async function overviewAggregateSql(sql: SqlQueryable, tenant: TenantId, f: Omit<InsightFilter, 'subject'>): Promise<OverviewAggregate> {
  const people = await peopleSql(sql, tenant, {
    range: f.range,
    ...teamOnly(f),
    keys: [{ level: 2, kinds: ['flow_started', 'flow_completed', 'feature_used', 'survey_answered'] }],
  });
  const users = (kind: string) => people.find((p) => p.kind === kind)?.users ?? 0;
  const totals = await eventTotalsSql(sql, tenant, f, ['prompt_used', 'survey_answered']);
  let promptUses = 0;
  let answers = 0;
  let scoreSum = 0;
  for (const t of totals) {
    if (t.kind === 'prompt_used') promptUses += t.events;
    else {
      answers += t.events;
      scoreSum += t.events * Number(t.detail);
    }
  }
  const weekly = await peopleSql(sql, tenant, { range: f.range, ...teamOnly(f), weekly: true, keys: [{ level: ANY_EVENT_LEVEL }] });
  return {
    flowStartedUsers: users('flow_started'),
    flowCompletedUsers: users('flow_completed'),
    featureUsers: users('feature_used'),
    promptUses,
    surveyAnswers: answers,
    surveyRespondents: users('survey_answered'),
    surveyScoreSum: scoreSum,
    weeklyActive: new Map(weekly.flatMap((w) => (w.week === null ? [] : [[w.week, w.users]]))),
  };
}

/** The SQL twin of `teamAggregates` (src/metrics/teamInsights.ts): metrics per effective team. */
export async function teamAggregatesSql(
  sql: SqlQueryable,
  tenant: TenantId,
  range: DayRange,
  filter: { flowId?: string; featureId?: string },
): Promise<TeamAggregate[]> {
  // One flow or feature: its own key (level 0); else any flow or feature (level 2).
  const of = (subject: string | undefined) => (subject === undefined ? { level: 2 as const } : { level: 0 as const, subject });
  const rows = await peopleSql(sql, tenant, {
    range,
    byTeam: true,
    keys: [
      { level: ANY_EVENT_LEVEL },
      { ...of(filter.flowId), kinds: ['flow_started', 'flow_completed'] },
      { ...of(filter.featureId), kinds: ['feature_used'] },
    ],
  });
  const byTeam = new Map<string | null, TeamAggregate>();
  for (const r of rows) {
    let t = byTeam.get(r.team);
    if (!t) byTeam.set(r.team, (t = { team: r.team, metrics: { activeUsers: 0, flowStartedUsers: 0, flowCompletedUsers: 0, featureUsers: 0 } }));
    if (r.level === ANY_EVENT_LEVEL) t.metrics.activeUsers = r.users;
    else if (r.kind === 'flow_started') t.metrics.flowStartedUsers = r.users;
    else if (r.kind === 'flow_completed') t.metrics.flowCompletedUsers = r.users;
    else if (r.kind === 'feature_used') t.metrics.featureUsers = r.users;
  }
  // Every team with an active user in the range (a team's other counts imply activity).
  return [...byTeam.values()].filter((t) => t.metrics.activeUsers > 0);
}
