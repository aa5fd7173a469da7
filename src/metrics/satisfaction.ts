import type { Satisfaction } from '../schema/insights';
import type { SurveyAggregate } from './flowAggregate';
import { ratio } from './insightWindow';

/**
 * The micro-survey after a flow: how many answered, the mean score and its distribution (withheld when
 * fewer people than the minimum group size answered: a mean of two is two people's opinions), and the
 * response rate among the users who completed the flow.
 */
export function satisfaction(s: SurveyAggregate, completedUsers: number, minGroupSize: number): Satisfaction {
  const shown = s.respondents >= minGroupSize && s.answers > 0;
  return {
    answers: s.answers,
    respondents: s.respondents,
    meanScore: shown ? s.scoreSum / s.answers : null,
    distribution: shown ? [...s.distribution] : null,
    responseRate: ratio(s.respondents, completedUsers),
  };
}
