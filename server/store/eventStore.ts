import type { ApiIssue, TenantId } from '../../src/schema/api';
import type { WaymarkEvent } from '../../src/schema/event';
import type { Sql, SqlQueryable } from '../db/sql';
import { addNewDaysToPairs, lockUsers } from './insightPairs';
import { KIND_FAMILY, refreshUserSpans, SPAN_CHANGED } from './insightSpans';
import { addTeamTotals, TEAM_FACTS } from './insightTeamTotals';
import { ROLLUP_FACT_COLUMNS, ROLLUP_UPSERT, TOTALS_UPSERT } from './insightRollup';

/**
 * One statement for the whole batch: the events travel as one JSON array and are unpacked server-side,
 * so 500 events cost one round trip on either driver. The columns are copied out for insights queries;
 * `body` keeps the whole event. ON CONFLICT DO NOTHING makes a retried event a no-op, and RETURNING
 * lists exactly the ids this statement inserted, which is how each event's verdict is decided, even
 * when another instance stores the same id concurrently.
 *
 * The same statement maintains the insights rollups (`insight_daily`, `insight_user_days` of migration
 * 0002, `insight_day_totals` of 0003) from the rows it inserted, and only those:
 * a duplicate is never counted twice, and the rollups commit or roll back with the events. Rows are
 * upserted in key order so that concurrent batches on several instances take their row locks in the
 * same order (no deadlock). It answers one row: the new ids, the rollup rows it created (a user's
 * first event of a key on a day, their first event on a day), which are what change `insight_pairs`,
 * and the people and span families whose rows it changed in a way their spans can see (`insight_spans`).
 */
const INSERT_EVENTS = `
WITH ins AS (
  INSERT INTO events (tenant, id, type, user_id, ts, seq, flow_id, flow_version, step_id, step_index, feature_id, body)
  SELECT $1, (e->>'id')::uuid, e->>'type', e->>'userId', (e->>'ts')::bigint, (e->>'seq')::bigint,
         e->>'flowId', (e->>'flowVersion')::bigint, e->>'stepId', (e->>'stepIndex')::bigint, e->>'featureId', e
  FROM jsonb_array_elements($2::jsonb) AS e
  ON CONFLICT (tenant, id) DO NOTHING
  RETURNING id, type, user_id, ts, flow_id, step_id, step_index, feature_id, body
),
facts AS (
  SELECT ${ROLLUP_FACT_COLUMNS} FROM ins
),
rolled AS (
  ${ROLLUP_UPSERT}
  RETURNING user_id, kind, subject, detail, day, n, first_ts, (xmax = 0) AS created
),
batch AS (
  SELECT kind, subject, detail, day, user_id, count(*) AS n, min(ts) AS ts FROM facts GROUP BY 1, 2, 3, 4, 5
),
active AS (
  INSERT INTO insight_user_days (tenant, day, user_id)
  SELECT DISTINCT $1, day, user_id FROM facts ORDER BY 2, 3
  ON CONFLICT DO NOTHING
  RETURNING user_id, day
),
totals AS (
  ${TOTALS_UPSERT}
)
SELECT (SELECT COALESCE(json_agg(id::text), '[]') FROM ins) AS ids,
       (SELECT COALESCE(json_agg(json_build_object('user_id', user_id, 'kind', kind, 'subject', subject, 'detail', detail, 'day', day)), '[]')
        FROM rolled WHERE created) AS new_days,
       (SELECT COALESCE(json_agg(json_build_object('user_id', user_id, 'day', day)), '[]') FROM active) AS new_active,
       (SELECT COALESCE(json_agg(DISTINCT jsonb_build_object('user_id', r.user_id, 'family', kf.family)), '[]')
        FROM rolled r JOIN batch b USING (kind, subject, detail, day, user_id) JOIN ${KIND_FAMILY} ON kf.kind = r.kind
        WHERE ${SPAN_CHANGED}) AS span_changes,
       (SELECT COALESCE(json_agg(x), '[]') FROM (${TEAM_FACTS}) x) AS team_facts`;

/**
 * Stores valid events for `tenant`; returns the ids that were new (the rest were already stored).
 *
 * When the batch gave someone a new day of a key, their pairs change (`insight_pairs`, see
 * insightPairs.ts), and when it changed a rollup row their spans read, their spans (insightSpans.ts):
 * in the same transaction, those people are locked and the differences applied; their events are
 * also added to their team's counts (`insight_team_totals`, insightTeamTotals.ts), under the lock. A
 * retry stores nothing and takes no lock.
 */
export async function insertEvents(sql: Sql, tenant: TenantId, events: readonly WaymarkEvent[]): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const ids = await sql.transaction(async (tx) => {
    const row = (await tx.query(INSERT_EVENTS, [tenant, JSON.stringify(events)])).rows[0] ?? {};
    const [newDays, newActive, spanChanges, teamFacts] = [row.new_days, row.new_active, row.span_changes, row.team_facts].map(jsonArray) as [
      unknown[],
      unknown[],
      unknown[],
      unknown[],
    ];
    // One lock call for everyone the updates touch, in one order: two batches cannot wait on each other.
    // The team counts need every person of the batch locked (their team must not change meanwhile).
    await lockUsers(tx, tenant, teamFacts.map((r) => userOf(r)));
    await addNewDaysToPairs(tx, tenant, newDays, newActive);
    await refreshUserSpans(tx, tenant, spanChanges);
    await addTeamTotals(tx, tenant, teamFacts);
    return jsonArray(row.ids);
  });
  return new Set(ids.map((id) => String(id)));
}

function userOf(r: unknown): string {
  const u = (r as { user_id?: unknown }).user_id;
  if (typeof u !== 'string') throw new Error(`expected a user id from the ingest statement, got ${String(u)}`);
  return u;
}

/** json columns come back parsed from both drivers; a string would be a driver change, parsed here rather than miscounted. */
function jsonArray(v: unknown): unknown[] {
  const x: unknown = typeof v === 'string' ? JSON.parse(v) : v;
  if (!Array.isArray(x)) throw new Error(`expected a JSON array from the ingest statement, got ${String(v)}`);
  return x;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What zod accepts but PostgreSQL cannot store: text and jsonb refuse the NUL character and unpaired
 * UTF-16 surrogates. Caught per event here, they reject that event; reaching the INSERT, they would
 * fail the whole batch.
 */
export function unstorableIssues(value: unknown, path: readonly (string | number)[]): ApiIssue[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return [{ path: path.join('.'), message: 'must not contain the NUL character' }];
    if (LONE_SURROGATE.test(value)) return [{ path: path.join('.'), message: 'must be well-formed Unicode (unpaired surrogate)' }];
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => unstorableIssues(v, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => [
      ...unstorableIssues(k, [...path, k]),
      ...unstorableIssues(v, [...path, k]),
    ]);
  }
  return [];
}

/** How many events `tenant` has stored (tests, benchmarks, and later the insights). */
export async function countEvents(sql: SqlQueryable, tenant: TenantId): Promise<number> {
  const { rows } = await sql.query('SELECT count(*) AS n FROM events WHERE tenant = $1', [tenant]);
  return Number(rows[0]?.n ?? 0);
}
