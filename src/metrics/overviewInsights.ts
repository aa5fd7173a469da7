import type { FlowInsight, Overview } from '../schema/insights';
import { addTo, scope, type InsightsInput } from './insightsScope';
import { epochDay, mondayOf, weekSeries, type DayRange } from './insightWindow';

/** The counts the overview is assembled from: produced by the reference below and by the collector's SQL. */
export interface OverviewAggregate {
  flowStartedUsers: number;
  flowCompletedUsers: number;
  featureUsers: number;
  promptUses: number;
  surveyAnswers: number;
  surveyRespondents: number;
  surveyScoreSum: number;
  /** Distinct active users per ISO week (Monday's epoch day). */
  weeklyActive: Map<number, number>;
}

export function assembleOverview(a: OverviewAggregate, flows: readonly FlowInsight[], range: DayRange, minGroupSize: number): Overview {
  const saved = flows.map((f) => f.timeSaved.savedMinutesTotal).filter((v): v is number => v !== null);
  return {
    flowStartedUsers: a.flowStartedUsers,
    flowCompletedUsers: a.flowCompletedUsers,
    featureUsers: a.featureUsers,
    promptUses: a.promptUses,
    surveyAnswers: a.surveyAnswers,
    meanSurveyScore: a.surveyRespondents >= minGroupSize && a.surveyAnswers > 0 ? a.surveyScoreSum / a.surveyAnswers : null,
    savedMinutesTotal: saved.length === 0 ? null : saved.reduce((x, y) => x + y, 0),
    weeklyActiveUsers: weekSeries(range, a.weeklyActive),
  };
}

/** The reference overview aggregate over the in-scope events of the range. */
export function overviewAggregate(input: InsightsInput): OverviewAggregate {
  const { inRange } = scope(input);
  const started = new Set<string>();
  const completed = new Set<string>();
  const featureUsers = new Set<string>();
  const respondents = new Set<string>();
  const weekly = new Map<number, Set<string>>();
  let promptUses = 0;
  let surveyAnswers = 0;
  let surveyScoreSum = 0;
  for (const e of inRange) {
    addTo(weekly, mondayOf(epochDay(e.ts)), e.userId);
    if (e.type === 'flow_started') started.add(e.userId);
    else if (e.type === 'flow_completed') completed.add(e.userId);
    else if (e.type === 'feature_used') featureUsers.add(e.userId);
    else if (e.type === 'prompt_used') promptUses++;
    else if (e.type === 'survey_answered') {
      surveyAnswers++;
      surveyScoreSum += e.score;
      respondents.add(e.userId);
    }
  }
  return {
    flowStartedUsers: started.size,
    flowCompletedUsers: completed.size,
    featureUsers: featureUsers.size,
    promptUses,
    surveyAnswers,
    surveyRespondents: respondents.size,
    surveyScoreSum,
    weeklyActive: new Map([...weekly].map(([w, s]) => [w, s.size])),
  };
}

/** The overview, the reference: `flows` are this scope's `flowInsights` (for the time saved). */
export function overviewInsights(input: InsightsInput, flows: readonly FlowInsight[]): Overview {
  return assembleOverview(overviewAggregate(input), flows, scope(input).range, input.minGroupSize);
}
