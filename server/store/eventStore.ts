import type { ApiIssue, TenantId } from '../../src/schema/api';
import type { WaymarkEvent } from '../../src/schema/event';
import type { Sql, SqlQueryable } from '../db/sql';
import { lockUsers, PAIRS_INGEST_CTES } from './insightPairs';
import { ROLLUP_FACT_COLUMNS, ROLLUP_UPSERT, TIMINGS_UPSERT, TOTALS_UPSERT } from './insightRollup';

/**
 * One statement for the whole batch: the events travel as one JSON array and are unpacked server-side,
 * so 500 events cost one round trip on either driver. The columns are copied out for insights queries;
 * `body` keeps the whole event. ON CONFLICT DO NOTHING makes a retried event a no-op, and RETURNING
 * lists exactly the ids this statement inserted, which is how each event's verdict is decided, even
 * when another instance stores the same id concurrently.
 *
 * The same statement maintains the insights rollups (`insight_daily`, `insight_user_days` of migration
 * 0002, `insight_day_totals`, `insight_timings` and `insight_pairs` of 0003) from the rows it inserted, and only those: a
 * duplicate is never counted twice, and the rollups commit or roll back with the events. Rows are
 * upserted in key order so that concurrent batches on several instances take their row locks in the
 * same order (no deadlock). The pairs depend on each user's earlier days, so the statement runs in a
 * transaction that first takes the batch's users' advisory locks (see `lockUsers`).
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
),
active AS (
  INSERT INTO insight_user_days (tenant, day, user_id)
  SELECT DISTINCT $1, day, user_id FROM facts ORDER BY 2, 3
  ON CONFLICT DO NOTHING
),
totals AS (
  ${TOTALS_UPSERT}
),
timings AS (
  ${TIMINGS_UPSERT}
),
${PAIRS_INGEST_CTES}
SELECT id::text AS id FROM ins`;

/** Stores valid events for `tenant`; returns the ids that were new (the rest were already stored). */
export async function insertEvents(sql: Sql, tenant: TenantId, events: readonly WaymarkEvent[]): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const rows = await sql.transaction(async (tx) => {
    await lockUsers(tx, tenant, events.map((e) => e.userId));
    return (await tx.query(INSERT_EVENTS, [tenant, JSON.stringify(events)])).rows;
  });
  return new Set(rows.map((r) => String(r.id)));
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
