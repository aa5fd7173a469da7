-- Waymark collector, schema 2: insights. Rollups maintained at ingest, teams, and per-tenant settings.

-- One row per (event type, subject, detail, UTC day, user): how many such events, the earliest `ts`,
-- and the smallest step index. Written in the same statement that stores the events, and only for
-- the events that statement inserted, so a retried batch is never counted twice.
--   subject: the flow id (flow, step and survey events), feature id, prompt template id or content id; '' for none
--   detail:  the step id (step events), the survey score, the prompt rating; '' for none
-- Insights read these instead of the raw events: the rows are narrow, and a user's many events of a kind
-- on one day are one row. Counts of people stay exact because the user is part of the key.
CREATE TABLE insight_daily (
  tenant    text NOT NULL,
  kind      text NOT NULL,
  subject   text NOT NULL,
  detail    text NOT NULL,
  day       integer NOT NULL,
  user_id   text NOT NULL,
  n         integer NOT NULL,
  first_ts  bigint NOT NULL,
  min_index integer,
  PRIMARY KEY (tenant, kind, subject, detail, day, user_id)
);
CREATE INDEX insight_daily_subject ON insight_daily (tenant, subject, kind, day);

-- Who was active on which day: the size of every scope (tenant or team) and the weekly active users.
CREATE TABLE insight_user_days (
  tenant  text NOT NULL,
  day     integer NOT NULL,
  user_id text NOT NULL,
  PRIMARY KEY (tenant, day, user_id)
);

-- Each user's team: the one their extension reports (`client.team` of the ingest envelope) and the one
-- an admin mapped (`POST /v1/admin/teams`). The admin's wins.
CREATE TABLE user_teams (
  tenant        text NOT NULL,
  user_id       text NOT NULL,
  reported_team text,
  admin_team    text,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, user_id)
);
CREATE INDEX user_teams_team ON user_teams (tenant, (COALESCE(admin_team, reported_team)));

-- Per-tenant insights settings. The floor of 5 is enforced here too, not only by the API.
CREATE TABLE insight_settings (
  tenant         text PRIMARY KEY,
  min_group_size integer NOT NULL CHECK (min_group_size >= 5),
  updated_at     timestamptz NOT NULL DEFAULT now()
);

-- Backfill from the events stored before this migration (same expressions as server/store/insightRollup.ts).
INSERT INTO insight_daily (tenant, kind, subject, detail, day, user_id, n, first_ts, min_index)
SELECT tenant, type,
       COALESCE(flow_id, feature_id, body->>'templateId', body->>'contentId', ''),
       COALESCE(step_id, body->>'score', body->>'rating', ''),
       (ts / 86400000)::integer, user_id, count(*), min(ts), min(step_index)
FROM events
GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO insight_user_days (tenant, day, user_id)
SELECT DISTINCT tenant, (ts / 86400000)::integer, user_id FROM events;
