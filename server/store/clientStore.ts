import { z } from 'zod';
import type { ClientInfo, ClientRecord, TenantId } from '../../src/schema/api';
import type { SqlQueryable } from '../db/sql';

/**
 * Records that an install called, and the highest dropped-events count it has reported. The maximum,
 * not the latest: requests can arrive out of order, and the counter only grows on the client.
 */
export async function recordClient(sql: SqlQueryable, tenant: TenantId, client: ClientInfo): Promise<void> {
  await sql.query(
    `INSERT INTO clients (tenant, install_id, dropped) VALUES ($1, $2, $3)
     ON CONFLICT (tenant, install_id)
     DO UPDATE SET dropped = GREATEST(clients.dropped, EXCLUDED.dropped), last_seen = now()`,
    [tenant, client.installId, client.dropped ?? 0],
  );
}

const ClientRowSchema = z.object({
  installId: z.string(),
  dropped: z.number(),
  firstSeen: z.date(),
  lastSeen: z.date(),
});

export async function listClients(sql: SqlQueryable, tenant: TenantId): Promise<ClientRecord[]> {
  const { rows } = await sql.query(
    `SELECT install_id AS "installId", dropped, first_seen AS "firstSeen", last_seen AS "lastSeen"
     FROM clients WHERE tenant = $1 ORDER BY last_seen DESC, install_id COLLATE "C"`,
    [tenant],
  );
  return rows.map((r) => {
    const c = ClientRowSchema.parse(r);
    return { ...c, firstSeen: c.firstSeen.toISOString(), lastSeen: c.lastSeen.toISOString() };
  });
}
