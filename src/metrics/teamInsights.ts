import type { TeamMetrics, TeamRow } from '../schema/insights';
import { scope, type InsightsInput } from './insightsScope';
import { suppressTeams, teamOrder, type TeamSize } from './teamSuppression';

/** The per-team rows before suppression: produced by the reference below and by the collector's SQL. */
export interface TeamAggregate {
  team: string | null;
  metrics: TeamMetrics;
}

/** Each team's members (see `TeamSize.members`), by team; null: the people without a team. */
export type TeamMembers = ReadonlyMap<string | null, number>;

/** The sizes suppression decides on: active in the range from the rows, members from `members`. */
export function teamSizesOf(rows: readonly TeamAggregate[], members: TeamMembers): TeamSize[] {
  return rows.map((r) => ({ team: r.team, users: r.metrics.activeUsers, members: members.get(r.team) ?? r.metrics.activeUsers }));
}

/** Applies the suppression rule to a breakdown, sorted by team (no team last). */
export function assembleTeamRows(rows: readonly TeamAggregate[], minGroupSize: number, members: TeamMembers): TeamRow[] {
  const withheld = suppressTeams(teamSizesOf(rows, members), minGroupSize);
  return [...rows]
    .sort((a, b) => teamOrder(a.team, b.team))
    .map((r): TeamRow => {
      const why = withheld.get(r.team);
      return why === undefined ? { team: r.team, suppressed: false, metrics: r.metrics } : { team: r.team, suppressed: true, why };
    });
}

export interface TeamInsightsInput extends Omit<InsightsInput, 'users'> {
  /** Each user's effective team (an admin's mapping, else the one their extension reported); absent: none. */
  teamOf: ReadonlyMap<string, string>;
  flowId?: string;
  featureId?: string;
}

/** The reference breakdown by team: the metrics of every team with an active user in the range. */
export function teamAggregates(input: TeamInsightsInput): TeamAggregate[] {
  const { inRange } = scope(input);
  const sets = new Map<string | null, { active: Set<string>; started: Set<string>; completed: Set<string>; feature: Set<string> }>();
  for (const e of inRange) {
    const team = input.teamOf.get(e.userId) ?? null;
    let s = sets.get(team);
    if (!s) sets.set(team, (s = { active: new Set(), started: new Set(), completed: new Set(), feature: new Set() }));
    s.active.add(e.userId);
    if ((e.type === 'flow_started' || e.type === 'flow_completed') && (input.flowId === undefined || e.flowId === input.flowId)) {
      (e.type === 'flow_started' ? s.started : s.completed).add(e.userId);
    }
    if (e.type === 'feature_used' && (input.featureId === undefined || e.featureId === input.featureId)) s.feature.add(e.userId);
  }
  return [...sets].map(([team, s]) => ({
    team,
    metrics: { activeUsers: s.active.size, flowStartedUsers: s.started.size, flowCompletedUsers: s.completed.size, featureUsers: s.feature.size },
  }));
}

/** The total row: the same metrics over every team. */
export function totalOf(rows: readonly TeamAggregate[]): TeamMetrics {
  return rows.reduce<TeamMetrics>(
    (t, r) => ({
      activeUsers: t.activeUsers + r.metrics.activeUsers,
      flowStartedUsers: t.flowStartedUsers + r.metrics.flowStartedUsers,
      flowCompletedUsers: t.flowCompletedUsers + r.metrics.flowCompletedUsers,
      featureUsers: t.featureUsers + r.metrics.featureUsers,
    }),
    { activeUsers: 0, flowStartedUsers: 0, flowCompletedUsers: 0, featureUsers: 0 },
  );
}

/** The reference's members: everyone in the events, at any time, by their team (null: none). */
export function teamMembers(input: Pick<TeamInsightsInput, 'events' | 'teamOf'>): Map<string | null, number> {
  const people = new Map<string | null, Set<string>>();
  for (const e of input.events) {
    const team = input.teamOf.get(e.userId) ?? null;
    let s = people.get(team);
    if (!s) people.set(team, (s = new Set()));
    s.add(e.userId);
  }
  return new Map([...people].map(([team, s]) => [team, s.size]));
}

export function teamInsights(input: TeamInsightsInput): { total: TeamMetrics; teams: TeamRow[] } {
  const rows = teamAggregates(input);
  return { total: totalOf(rows), teams: assembleTeamRows(rows, input.minGroupSize, teamMembers(input)) };
}
