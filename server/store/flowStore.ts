import { z } from 'zod';
import type { AdminFlowSummary, FlowState, FlowVersion, TenantId } from '../../src/schema/api';
import type { Flow } from '../../src/schema/flow';
import type { Sql, SqlQueryable } from '../db/sql';

// Flow ids sort bytewise (COLLATE "C") so that PGlite and PostgreSQL, whatever locale a server was
// initialised with, list flows in the same order, and the ETag of the same flows is the same.

/**
 * Publishes `flow` as the next version of its id. The INSERT ... ON CONFLICT DO UPDATE on `flows` takes
 * that row's lock, so concurrent publishes (on any instance) queue and get consecutive versions. The
 * stored document carries the assigned version and status `published`: events recorded against it
 * then name a version the server knows.
 */
export async function publishFlow(
  sql: Sql,
  tenant: TenantId,
  flow: Flow,
  publishedBy: string,
): Promise<{ flow: Flow; publishedAt: Date }> {
  return sql.transaction(async (tx) => {
    const counter = await tx.query(
      `INSERT INTO flows (tenant, flow_id, latest_version) VALUES ($1, $2, 1)
       ON CONFLICT (tenant, flow_id)
       DO UPDATE SET latest_version = flows.latest_version + 1, retired_at = NULL
       RETURNING latest_version AS version`,
      [tenant, flow.id],
    );
    const version = z.number().int().parse(counter.rows[0]?.version);
    const doc: Flow = { ...flow, version, status: 'published' };
    const inserted = await tx.query(
      `INSERT INTO flow_versions (tenant, flow_id, version, doc, published_by)
       VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING published_at AS "publishedAt"`,
      [tenant, flow.id, version, JSON.stringify(doc), publishedBy],
    );
    return { flow: doc, publishedAt: z.date().parse(inserted.rows[0]?.publishedAt) };
  });
}

/**
 * The documents the extension runs: the latest version of every flow that is not retired. Returned as
 * stored (`unknown`): the route validates them on the way out.
 */
export async function listLiveFlowDocs(sql: SqlQueryable, tenant: TenantId): Promise<unknown[]> {
  const { rows } = await sql.query(
    `SELECT v.doc FROM flows f
     JOIN flow_versions v ON v.tenant = f.tenant AND v.flow_id = f.flow_id AND v.version = f.latest_version
     WHERE f.tenant = $1 AND f.retired_at IS NULL
     ORDER BY f.flow_id COLLATE "C"`,
    [tenant],
  );
  return rows.map((r) => r.doc);
}

const SummaryRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  latestVersion: z.number(),
  versionCount: z.number(),
  publishedAt: z.date(),
  retiredAt: z.date().nullable(),
});

const stateOf = (retiredAt: Date | null): FlowState => (retiredAt === null ? 'published' : 'retired');

export async function listFlowSummaries(sql: SqlQueryable, tenant: TenantId): Promise<AdminFlowSummary[]> {
  const { rows } = await sql.query(
    `SELECT f.flow_id AS id, v.doc->>'name' AS name, f.latest_version AS "latestVersion",
            (SELECT count(*) FROM flow_versions c WHERE c.tenant = f.tenant AND c.flow_id = f.flow_id) AS "versionCount",
            v.published_at AS "publishedAt", f.retired_at AS "retiredAt"
     FROM flows f
     JOIN flow_versions v ON v.tenant = f.tenant AND v.flow_id = f.flow_id AND v.version = f.latest_version
     WHERE f.tenant = $1
     ORDER BY f.flow_id COLLATE "C"`,
    [tenant],
  );
  return rows.map((r) => {
    const s = SummaryRowSchema.parse(r);
    return {
      ...s,
      state: stateOf(s.retiredAt),
      publishedAt: s.publishedAt.toISOString(),
      retiredAt: s.retiredAt?.toISOString() ?? null,
    };
  });
}

const VersionRowSchema = z.object({
  version: z.number(),
  publishedAt: z.date(),
  publishedBy: z.string(),
  flow: z.unknown(),
  retiredAt: z.date().nullable(),
});

/** Every version of one flow, newest first; null when the tenant never published that id. */
export async function listFlowVersions(
  sql: SqlQueryable,
  tenant: TenantId,
  flowId: string,
): Promise<{ state: FlowState; versions: (Omit<FlowVersion, 'flow'> & { flow: unknown })[] } | null> {
  const { rows } = await sql.query(
    `SELECT v.version, v.published_at AS "publishedAt", v.published_by AS "publishedBy", v.doc AS flow,
            f.retired_at AS "retiredAt"
     FROM flows f JOIN flow_versions v ON v.tenant = f.tenant AND v.flow_id = f.flow_id
     WHERE f.tenant = $1 AND f.flow_id = $2
     ORDER BY v.version DESC`,
    [tenant, flowId],
  );
  const parsed = rows.map((r) => VersionRowSchema.parse(r));
  const first = parsed[0];
  if (first === undefined) return null;
  return {
    state: stateOf(first.retiredAt),
    versions: parsed.map((v) => ({
      version: v.version,
      publishedAt: v.publishedAt.toISOString(),
      publishedBy: v.publishedBy,
      flow: v.flow,
    })),
  };
}

/** Retires a flow (idempotent: the first retirement time is kept); null when there is no such flow. */
export async function retireFlow(
  sql: SqlQueryable,
  tenant: TenantId,
  flowId: string,
): Promise<{ latestVersion: number; retiredAt: Date } | null> {
  const { rows } = await sql.query(
    `UPDATE flows SET retired_at = COALESCE(retired_at, now())
     WHERE tenant = $1 AND flow_id = $2
     RETURNING latest_version AS "latestVersion", retired_at AS "retiredAt"`,
    [tenant, flowId],
  );
  return rows[0] === undefined ? null : z.object({ latestVersion: z.number(), retiredAt: z.date() }).parse(rows[0]);
}
