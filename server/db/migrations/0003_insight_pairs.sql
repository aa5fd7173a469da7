-- Waymark collector, schema 3: insights rollups whose size does not grow with the number of people.
-- The rollups of schema 2 hold one row per user and day, so counting people in a range scanned about
-- one row per event. insight_pairs and insight_day_totals answer the counts of people and of events in
-- any range from a few thousand rows per tenant; insight_timings holds one row per person and step.

-- Distinct people, for any range. For each of a user's "keys" (below), take the sorted UTC days on which
-- they had such an event; each day `day` with the day before it in that list, `prev` (-1 for the first),
-- is one (day, prev) pair. A user has an event of the key in [a, b] exactly when one of their pairs has
-- a <= day <= b and prev < a (the first of their days inside the range), and they have only one such
-- pair; so the number of people in [a, b] is sum(users) over the rows with a <= day <= b AND prev < a.
-- `users` counts the people with each pair. Keys, by level (server/store/insightPairs.ts):
--   0: (kind, subject, detail), for step_shown, flow_started, flow_completed, feature_used, prompt_used
--   1: (kind, subject), any detail, for flow_dismissed and survey_answered
--   2: (kind), any subject, for flow_started, flow_completed, feature_used and survey_answered
--   3: any event at all (from insight_user_days)
-- Rows are per team (a user's effective team, '' for none), so a team's numbers are its rows and the
-- tenant's the sum over teams. When a user's team changes their pairs move with them, so their whole
-- history counts for their current team, as in the rest of the insights. Ingest keeps the table up to
-- date in the transaction that stores the events (only a user's new days change their pairs).
CREATE TABLE insight_pairs (
  tenant  text NOT NULL,
  team    text NOT NULL,
  level   smallint NOT NULL,
  kind    text NOT NULL,
  subject text NOT NULL,
  detail  text NOT NULL,
  day     integer NOT NULL,
  prev    integer NOT NULL,
  users   integer NOT NULL,
  -- Keyed so that a query for some keys in a range reads only those keys' rows in the range.
  PRIMARY KEY (tenant, level, kind, subject, detail, day, prev, team)
);

-- Event counts per (kind, subject, detail, UTC day) for the whole tenant, and the smallest step index:
-- sums and minimums, maintained at ingest like insight_daily (only newly stored events count).
CREATE TABLE insight_day_totals (
  tenant    text NOT NULL,
  kind      text NOT NULL,
  subject   text NOT NULL,
  detail    text NOT NULL,
  day       integer NOT NULL,
  n         bigint NOT NULL,
  min_index integer,
  PRIMARY KEY (tenant, kind, subject, detail, day)
);

-- Per person, how long a step or a whole flow took: for each (flow, step) ('step': step_shown to
-- step_completed) and each flow ('task', detail '': flow_started to flow_completed), the first and last
-- UTC day of the start and of the end events and the first ts of each. A range that starts on or before
-- the tenant's first day holds each person's first start and end whenever it holds them at all, so it
-- is answered from here with no aggregation per person; a range starting later reads insight_daily
-- (server/store/insightsFlowStore.ts). Earliest and latest only, so ingest maintains it with
-- LEAST/GREATEST.
CREATE TABLE insight_timings (
  tenant      text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('step', 'task')),
  subject     text NOT NULL,
  detail      text NOT NULL,
  user_id     text NOT NULL,
  s_first_day integer,
  s_first_ts  bigint,
  s_last_day  integer,
  e_first_day integer,
  e_first_ts  bigint,
  e_last_day  integer,
  PRIMARY KEY (tenant, kind, subject, detail, user_id)
);

-- Ingest reads the rollup rows of the users of a batch to work out their new pairs.
CREATE INDEX insight_daily_user ON insight_daily (tenant, user_id, kind);
CREATE INDEX insight_user_days_user ON insight_user_days (tenant, user_id, day);

-- Backfill from the schema-2 rollups (the same expressions as server/store/insightPairs.ts).
INSERT INTO insight_day_totals (tenant, kind, subject, detail, day, n, min_index)
SELECT tenant, kind, subject, detail, day, sum(n), min(min_index)
FROM insight_daily
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO insight_timings (tenant, kind, subject, detail, user_id, s_first_day, s_first_ts, s_last_day, e_first_day, e_first_ts, e_last_day)
SELECT tenant, CASE WHEN kind IN ('step_shown', 'step_completed') THEN 'step' ELSE 'task' END, subject, detail, user_id,
       min(day) FILTER (WHERE kind IN ('step_shown', 'flow_started')),
       min(first_ts) FILTER (WHERE kind IN ('step_shown', 'flow_started')),
       max(day) FILTER (WHERE kind IN ('step_shown', 'flow_started')),
       min(day) FILTER (WHERE kind IN ('step_completed', 'flow_completed')),
       min(first_ts) FILTER (WHERE kind IN ('step_completed', 'flow_completed')),
       max(day) FILTER (WHERE kind IN ('step_completed', 'flow_completed'))
FROM insight_daily
WHERE kind IN ('step_shown', 'step_completed', 'flow_started', 'flow_completed')
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO insight_pairs (tenant, team, level, kind, subject, detail, day, prev, users)
SELECT k.tenant, COALESCE(t.admin_team, t.reported_team, ''), k.level, k.kind, k.subject, k.detail, k.day, k.prev, count(*)
FROM (
  SELECT s.*, COALESCE(lag(s.day) OVER (PARTITION BY s.tenant, s.user_id, s.level, s.kind, s.subject, s.detail ORDER BY s.day), -1) AS prev
  FROM (
    SELECT tenant, user_id, 0 AS level, kind, subject, detail, day FROM insight_daily
    WHERE kind IN ('step_shown', 'flow_started', 'flow_completed', 'feature_used', 'prompt_used')
    UNION
    SELECT tenant, user_id, 1, kind, subject, '', day FROM insight_daily
    WHERE kind IN ('flow_dismissed', 'survey_answered')
    UNION
    SELECT tenant, user_id, 2, kind, '', '', day FROM insight_daily
    WHERE kind IN ('flow_started', 'flow_completed', 'feature_used', 'survey_answered')
    UNION
    SELECT tenant, user_id, 3, '', '', '', day FROM insight_user_days
  ) s
) k
LEFT JOIN user_teams t ON t.tenant = k.tenant AND t.user_id = k.user_id
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
