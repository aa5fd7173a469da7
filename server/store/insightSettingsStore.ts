import type { TenantId } from '../../src/schema/api';
import { DEFAULT_MIN_GROUP_SIZE } from '../../src/schema/insights';
import type { SqlQueryable } from '../db/sql';
import { num } from './rowValues';

export async function getMinGroupSize(sql: SqlQueryable, tenant: TenantId): Promise<number> {
  const { rows } = await sql.query('SELECT min_group_size AS k FROM insight_settings WHERE tenant = $1', [tenant]);
  return rows[0] === undefined ? DEFAULT_MIN_GROUP_SIZE : num(rows[0].k);
}

/** The floor (5) is checked by the schema and again by the table's CHECK constraint. */
export async function setMinGroupSize(sql: SqlQueryable, tenant: TenantId, k: number): Promise<void> {
  await sql.query(
    `INSERT INTO insight_settings (tenant, min_group_size) VALUES ($1, $2)
     ON CONFLICT (tenant) DO UPDATE SET min_group_size = EXCLUDED.min_group_size, updated_at = now()`,
    [tenant, k],
  );
}
