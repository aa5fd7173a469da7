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

/** The start and end kinds of a step's time and a whole flow's ("task"): see the `step` and `task` spans (insightSpans.ts). */
export const TIMED = {
  step: { start: 'step_shown', end: 'step_completed' },
  task: { start: 'flow_started', end: 'flow_completed' },
} as const;
export type TimedKind = keyof typeof TIMED;
