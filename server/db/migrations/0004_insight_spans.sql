-- Waymark collector, schema 4: the per-person insights as sums. Step and task times (median, p90), time
-- to first use, repeat use (features and prompt helpers), repeat use with an outcome and the 30-day
-- habit each depend on a person's own history in the range, so schema 3 still aggregated insight_daily
-- or insight_timings per person for them. Here each person's history becomes rows that say for which
-- ranges [a, b] they count, a person counting in [a, b] through a row when
--     lo < a <= hi  AND  need <= b <= upto,
-- and through at most one row of a metric and key; so the people of any range are sum(users), and a
-- percentile is a walk over counts per value bucket and then an ordered read of one bucket's values.
-- What each metric's rows are: server/store/insightSpans.ts (the backfill below is printed from it).

-- Each person's rows. Ingest recomputes a person's rows of a family of metrics when a batch changed one of
-- their rollup rows the family reads, and applies the difference (rows replaced here, counts moved in
-- insight_spans); a team change moves their counts. Also where a percentile reads one bucket's values.
CREATE TABLE insight_user_spans (
  tenant  text NOT NULL,
  user_id text NOT NULL,
  metric  text NOT NULL,
  subject text NOT NULL,
  detail  text NOT NULL,
  lo      integer NOT NULL,
  hi      integer NOT NULL,
  need    integer NOT NULL,
  upto    integer NOT NULL,
  value   bigint NOT NULL,
  bucket  integer NOT NULL,
  -- The person's effective team ('' for none), which their counts in insight_spans are under.
  team    text NOT NULL,
  PRIMARY KEY (tenant, user_id, metric, subject, detail, lo, hi, need, upto, value)
);
-- A percentile reads one bucket's values in order, and only from the index (the range and team tests are in it).
CREATE INDEX insight_user_spans_bucket ON insight_user_spans (tenant, metric, subject, detail, bucket, value) INCLUDE (lo, hi, need, upto, team);

-- The rows counted per team (a person's effective team, '' for none), without the person: a team's
-- numbers are its rows, the tenant's the sum. A count may be 0 after people moved; no query counts it.
CREATE TABLE insight_spans (
  tenant  text NOT NULL,
  metric  text NOT NULL,
  subject text NOT NULL,
  detail  text NOT NULL,
  lo      integer NOT NULL,
  hi      integer NOT NULL,
  need    integer NOT NULL,
  upto    integer NOT NULL,
  bucket  integer NOT NULL,
  team    text NOT NULL,
  users   integer NOT NULL,
  PRIMARY KEY (tenant, metric, subject, detail, lo, hi, need, upto, bucket, team)
);

-- A team's event counts per (kind, subject, detail, UTC day) and the events' own step index (-1: none):
-- a team's funnel, feature uses and prompt uses read a few rows per day instead of their members'
-- insight_daily rows. Keyed by each event's index, so counts only add up and the smallest index is the
-- smallest with a count above 0; a team change moves a person's events' counts (from `events`).
-- Rows are per effective team ('' for none). Ingest adds a batch's events after locking its people.
CREATE TABLE insight_team_totals (
  tenant     text NOT NULL,
  team       text NOT NULL,
  kind       text NOT NULL,
  subject    text NOT NULL,
  detail     text NOT NULL,
  day        integer NOT NULL,
  step_index integer NOT NULL,
  n          bigint NOT NULL,
  PRIMARY KEY (tenant, team, kind, subject, detail, day, step_index)
);

-- Backfill from the stored events (TEAM_TOTALS_BACKFILL of server/store/insightTeamTotals.ts, verbatim).
INSERT INTO insight_team_totals (tenant, team, kind, subject, detail, day, step_index, n)
SELECT f.tenant, COALESCE(t.admin_team, t.reported_team, ''), f.kind, f.subject, f.detail, f.day, COALESCE(f.step_index, -1), count(*)
FROM (SELECT tenant, 
  type AS kind,
  COALESCE(flow_id, feature_id, body->>'templateId', body->>'contentId', '') AS subject,
  COALESCE(step_id, body->>'score', body->>'rating', '') AS detail,
  (ts / 86400000)::integer AS day,
  user_id, ts, step_index FROM events) f
LEFT JOIN user_teams t ON t.tenant = f.tenant AND t.user_id = f.user_id
GROUP BY 1, 2, 3, 4, 5, 6, 7;

-- Step and task times are spans now (step, task): 0003's per-person timings are no longer read or kept.
DROP TABLE insight_timings;

-- Backfill from the rollups of schema 2 (spanBackfillSql() of server/store/insightSpans.ts, verbatim).
WITH src AS (SELECT tenant, user_id, kind, subject, detail, day, n, first_ts FROM insight_daily WHERE kind IN ('step_shown', 'step_completed', 'flow_started', 'flow_completed', 'feature_used', 'feature_seen', 'feature_outcome', 'prompt_used')),

sp_t AS (
  SELECT tenant, user_id, CASE WHEN kind IN ('step_shown', 'step_completed') THEN 'step' ELSE 'task' END AS metric, subject, detail,
         kind IN ('step_shown', 'flow_started') AS is_start, day, min(first_ts) AS ts
  FROM src WHERE kind IN ('step_shown', 'step_completed', 'flow_started', 'flow_completed')
  GROUP BY 1, 2, 3, 4, 5, 6, 7),
sp_tp AS (
  SELECT *, COALESCE(lag(day) OVER (PARTITION BY tenant, user_id, metric, subject, detail, is_start ORDER BY day), -1) AS prev FROM sp_t),
sp_tc AS (
  SELECT DISTINCT tenant, user_id, metric, subject, detail,
         min(CASE WHEN is_start THEN day END) OVER w AS s_day, min(CASE WHEN NOT is_start THEN day END) OVER w AS e_day
  FROM sp_t WINDOW w AS (PARTITION BY tenant, user_id, metric, subject, detail ORDER BY day DESC)),
sp_use AS (
  SELECT tenant, user_id, kind, subject, day, sum(n) AS n, min(first_ts) AS ts FROM src
  WHERE kind IN ('feature_used', 'prompt_used') GROUP BY 1, 2, 3, 4, 5),
sp_rep AS (
  SELECT tenant, user_id, kind, subject, day, prev, CASE WHEN n >= 2 THEN day ELSE next END AS need FROM (
    SELECT *, COALESCE(lag(day) OVER w, -1) AS prev, lead(day) OVER w AS next
    FROM sp_use WINDOW w AS (PARTITION BY tenant, user_id, kind, subject ORDER BY day)) u),
sp_out AS (
  SELECT tenant, user_id, subject, day, COALESCE(lag(day) OVER (PARTITION BY tenant, user_id, subject ORDER BY day), -1) AS prev
  FROM (SELECT DISTINCT tenant, user_id, subject, day FROM src WHERE kind = 'feature_outcome') o),
sp_ro AS (
  SELECT DISTINCT tenant, user_id, subject, min(CASE WHEN NOT is_out THEN day END) OVER w AS u_day, min(CASE WHEN is_out THEN day END) OVER w AS o_day
  FROM (SELECT tenant, user_id, subject, day, false AS is_out FROM sp_use WHERE kind = 'feature_used'
        UNION ALL SELECT tenant, user_id, subject, day, true FROM sp_out) x
  WINDOW w AS (PARTITION BY tenant, user_id, subject ORDER BY day DESC)),
sp_first AS (
  SELECT tenant, user_id, subject, min(day) AS day, min(ts) AS ts FROM sp_use WHERE kind = 'feature_used' GROUP BY 1, 2, 3),
sp_seen AS (
  SELECT tenant, user_id, subject, min(first_ts) AS ts FROM src WHERE kind = 'feature_seen' GROUP BY 1, 2, 3),
sp_hab AS (
  SELECT tenant, user_id, subject, b FROM (
    SELECT tenant, user_id, subject, day + k AS b, k / 7 AS period
    FROM sp_use CROSS JOIN generate_series(0, 27) AS k WHERE kind = 'feature_used') x
  GROUP BY 1, 2, 3, 4 HAVING count(DISTINCT period) >= 3),
sp_rows AS (
  SELECT c.tenant, c.user_id, c.metric, c.subject, c.detail, GREATEST(s.prev, e.prev) AS lo, LEAST(c.s_day, c.e_day) AS hi,
         GREATEST(c.s_day, c.e_day) AS need, 2147483647 AS upto, e.ts - s.ts AS value
  FROM sp_tc c
  JOIN sp_tp s ON s.tenant = c.tenant AND s.user_id = c.user_id AND s.metric = c.metric AND s.subject = c.subject AND s.detail = c.detail
    AND s.is_start AND s.day = c.s_day
  JOIN sp_tp e ON e.tenant = c.tenant AND e.user_id = c.user_id AND e.metric = c.metric AND e.subject = c.subject AND e.detail = c.detail
    AND NOT e.is_start AND e.day = c.e_day
  WHERE e.ts >= s.ts
  UNION ALL
  SELECT tenant, user_id, CASE WHEN kind = 'feature_used' THEN 'feature_repeat' ELSE 'prompt_repeat' END, subject, '', prev, day, need, 2147483647, 0
  FROM sp_rep WHERE need IS NOT NULL
  UNION ALL
  SELECT c.tenant, c.user_id, 'feature_repeat_outcome', c.subject, '', GREATEST(r.prev, o.prev), LEAST(c.u_day, c.o_day), GREATEST(r.need, c.o_day), 2147483647, 0
  FROM sp_ro c
  JOIN sp_rep r ON r.tenant = c.tenant AND r.user_id = c.user_id AND r.kind = 'feature_used' AND r.subject = c.subject AND r.day = c.u_day
  JOIN sp_out o ON o.tenant = c.tenant AND o.user_id = c.user_id AND o.subject = c.subject AND o.day = c.o_day
  WHERE r.need IS NOT NULL
  UNION ALL
  SELECT f.tenant, f.user_id, 'feature_ttfu', f.subject, '', -1, f.day, f.day, 2147483647, f.ts - s.ts
  FROM sp_first f JOIN sp_seen s ON s.tenant = f.tenant AND s.user_id = f.user_id AND s.subject = f.subject
  WHERE s.ts <= f.ts
  UNION ALL
  SELECT tenant, user_id, 'feature_habit', subject, '', -1, 2147483647, min(b), max(b), 0 FROM (
    SELECT tenant, user_id, subject, b, b - row_number() OVER (PARTITION BY tenant, user_id, subject ORDER BY b) AS run FROM sp_hab) h
  GROUP BY tenant, user_id, subject, run),
spans AS (
  SELECT tenant, user_id, metric, subject, detail, lo, hi, need, upto, value, width_bucket(value, '{1,2,3,4,5,6,7,8,10,12,15,18,22,27,33,41,51,63,78,97,121,151,188,235,293,366,457,571,713,891,1113,1391,1738,2172,2715,3393,4241,5301,6626,8282,10352,12940,16175,20218,25272,31590,39487,49358,61697,77121,96401,120501,150626,188282,235352,294190,367737,459671,574588,718235,897793,1122241,1402801,1753501,2191876,2739845,3424806,4281007,5351258,6689072,8361340,10451675,13064593,16330741,20413426,25516782,31895977,39869971,49837463,62296828,77871035,97338793,121673491,152091863,190114828,237643535,297054418,371318022,464147527,580184408,725230510,906538137,1133172671,1416465838,1770582297,2213227871,2766534838,3458168547,4322710683,5403388353,6754235441,8442794301,10553492876,13191866095,16489832618,20612290772,25765363465,32206704331,40258380413,50322975516,62903719395,78629649243,98287061553,122858826941,153573533676,191966917095,239958646368,299948307960,374935384950,468669231187,585836538983,732295673728,915369592160,1144211990200,1430264987750,1787831234687,2234789043358,2793486304197,3491857880246,4364822350307,5456027937883,6820034922353,8525043652941,10656304566176,13320380707720,16650475884650,20813094855812,26016368569765,32520460712206,40650575890257,50813219862821,63516524828526,79395656035657,99244570044571,124055712555713,155069640694641,193837050868301,242296313585376,302870391981720,378587989977150,473234987471437,591543734339296,739429667924120,924287084905150}'::bigint[]) AS bucket
  FROM sp_rows)
INSERT INTO insight_user_spans (tenant, user_id, metric, subject, detail, lo, hi, need, upto, value, bucket, team)
SELECT s.tenant, s.user_id, s.metric, s.subject, s.detail, s.lo, s.hi, s.need, s.upto, s.value, s.bucket, COALESCE(t.admin_team, t.reported_team, '')
FROM spans s LEFT JOIN user_teams t ON t.tenant = s.tenant AND t.user_id = s.user_id;

INSERT INTO insight_spans (tenant, metric, subject, detail, lo, hi, need, upto, bucket, team, users)
SELECT tenant, metric, subject, detail, lo, hi, need, upto, bucket, team, count(*)
FROM insight_user_spans
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
