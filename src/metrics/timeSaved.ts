import type { TimeSaved } from '../schema/insights';
import { withheldBelow, type Quantiles } from './insightWindow';

/**
 * Time saved by a flow's guidance: the admin's baseline (minutes the task takes without guidance)
 * minus the median measured task time with guidance, per task and over every completed run. The
 * median, not the mean, so that a user who left a flow open over lunch does not erase the saving.
 */
export function timeSaved(task: Quantiles, completedRuns: number, baselineMinutes: number | undefined, minGroupSize: number): TimeSaved {
  const q = withheldBelow(task, minGroupSize);
  const perTask = baselineMinutes === undefined || q.median === null ? null : baselineMinutes - q.median / 60_000;
  return {
    baselineMinutes: baselineMinutes ?? null,
    completedRuns,
    timedUsers: q.n,
    medianTaskMs: q.median,
    p90TaskMs: q.p90,
    savedMinutesPerTask: perTask,
    savedMinutesTotal: perTask === null ? null : perTask * completedRuns,
  };
}
