/**
 * How an event becomes a row of `insight_daily` (migration 0002): the SQL shared by ingest and by
 * anything that rebuilds the rollups from `events` (the migration's backfill, the benchmark's loader).
 *
 * - `subject`: the flow id (flow, step and survey events), the feature id, the prompt template id or the
 *   content id; '' when the event has none;
 * - `detail`: the step id (step events), the survey score, the prompt rating; '' when none;
 * - `day`: the UTC day of the event's own `ts`, as days since the epoch (`epochDay` in src/metrics).
 */
export const ROLLUP_FACT_COLUMNS = `
  type AS kind,
  COALESCE(flow_id, feature_id, body->>'templateId', body->>'contentId', '') AS subject,
  COALESCE(step_id, body->>'score', body->>'rating', '') AS detail,
  (ts / 86400000)::integer AS day,
  user_id, ts, step_index`;

/** Adds the `facts` relation (columns above, for tenant $1) into `insight_daily`. */
export const ROLLUP_UPSERT = `
  INSERT INTO insight_daily (tenant, kind, subject, detail, day, user_id, n, first_ts, min_index)
  SELECT $1, kind, subject, detail, day, user_id, count(*), min(ts), min(step_index)
  FROM facts
  GROUP BY kind, subject, detail, day, user_id
  ORDER BY kind, subject, detail, day, user_id
  ON CONFLICT (tenant, kind, subject, detail, day, user_id) DO UPDATE SET
    n = insight_daily.n + EXCLUDED.n,
    first_ts = LEAST(insight_daily.first_ts, EXCLUDED.first_ts),
    min_index = LEAST(insight_daily.min_index, EXCLUDED.min_index)`;

/** Adds the `facts` relation into `insight_day_totals` (migration 0003): event counts per day, for the tenant. */
export const TOTALS_UPSERT = `
  INSERT INTO insight_day_totals (tenant, kind, subject, detail, day, n, min_index)
  SELECT $1, kind, subject, detail, day, count(*), min(step_index)
  FROM facts
  GROUP BY kind, subject, detail, day
  ORDER BY kind, subject, detail, day
  ON CONFLICT (tenant, kind, subject, detail, day) DO UPDATE SET
    n = insight_day_totals.n + EXCLUDED.n,
    min_index = LEAST(insight_day_totals.min_index, EXCLUDED.min_index)`;

/** The start and end kinds of `insight_timings` (migration 0003): a step's, and a whole flow's ("task"). */
export const TIMED = {
  step: { start: 'step_shown', end: 'step_completed' },
  task: { start: 'flow_started', end: 'flow_completed' },
} as const;
export type TimedKind = keyof typeof TIMED;

const STARTS = `kind IN ('${TIMED.step.start}', '${TIMED.task.start}')`;
const ENDS = `kind IN ('${TIMED.step.end}', '${TIMED.task.end}')`;

/**
 * Adds the `facts` relation into `insight_timings`: earliest and latest only, so a retried or late batch
 * can only widen what is there, and only newly stored events reach it. Flow events have no step, so a
 * task row's detail is ''.
 */
export const TIMINGS_UPSERT = `
  INSERT INTO insight_timings (tenant, kind, subject, detail, user_id, s_first_day, s_first_ts, s_last_day, e_first_day, e_first_ts, e_last_day)
  SELECT $1, CASE WHEN kind IN ('${TIMED.step.start}', '${TIMED.step.end}') THEN 'step' ELSE 'task' END, subject, detail, user_id,
         min(day) FILTER (WHERE ${STARTS}), min(ts) FILTER (WHERE ${STARTS}), max(day) FILTER (WHERE ${STARTS}),
         min(day) FILTER (WHERE ${ENDS}), min(ts) FILTER (WHERE ${ENDS}), max(day) FILTER (WHERE ${ENDS})
  FROM facts
  WHERE ${STARTS} OR ${ENDS}
  GROUP BY 2, 3, 4, 5
  ORDER BY 2, 3, 4, 5
  ON CONFLICT (tenant, kind, subject, detail, user_id) DO UPDATE SET
    s_first_day = LEAST(insight_timings.s_first_day, EXCLUDED.s_first_day),
    s_first_ts = LEAST(insight_timings.s_first_ts, EXCLUDED.s_first_ts),
    s_last_day = GREATEST(insight_timings.s_last_day, EXCLUDED.s_last_day),
    e_first_day = LEAST(insight_timings.e_first_day, EXCLUDED.e_first_day),
    e_first_ts = LEAST(insight_timings.e_first_ts, EXCLUDED.e_first_ts),
    e_last_day = GREATEST(insight_timings.e_last_day, EXCLUDED.e_last_day)`;
