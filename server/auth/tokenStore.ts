import { z } from 'zod';
import { RoleSchema, TenantIdSchema, type Role, type TenantId } from '../../src/schema/api';
import type { SqlQueryable } from '../db/sql';
import { generateSecret, generateTokenId, hashSecret } from './tokenSecret';

/** Who is calling, established from a token. Handlers take the tenant from here, never from a body. */
export interface Principal {
  tokenId: string;
  tenant: TenantId;
  role: Role;
}

export const TokenLabelSchema = z.string().max(200);

export const TokenRecordSchema = z.object({
  id: z.string(),
  tenant: TenantIdSchema,
  role: RoleSchema,
  label: z.string(),
  createdAt: z.date(),
  revokedAt: z.date().nullable(),
});
export type TokenRecord = z.infer<typeof TokenRecordSchema>;

const COLUMNS = 'id, tenant, role, label, created_at AS "createdAt", revoked_at AS "revokedAt"';

/** Creates a token and returns it with its secret: the only time the secret exists outside a hash. */
export async function createToken(
  sql: SqlQueryable,
  input: { tenant: TenantId; role: Role; label?: string },
): Promise<{ record: TokenRecord; secret: string }> {
  const secret = generateSecret();
  const { rows } = await sql.query(
    `INSERT INTO tokens (id, tenant, role, label, secret_hash) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [generateTokenId(), input.tenant, input.role, input.label ?? '', hashSecret(secret)],
  );
  return { record: TokenRecordSchema.parse(rows[0]), secret };
}

export async function listTokens(sql: SqlQueryable, tenant?: TenantId): Promise<TokenRecord[]> {
  const { rows } = await sql.query(
    `SELECT ${COLUMNS} FROM tokens WHERE ($1::text IS NULL OR tenant = $1) ORDER BY tenant, created_at, id`,
    [tenant ?? null],
  );
  return rows.map((r) => TokenRecordSchema.parse(r));
}

/** Revokes a token at once. Returns it, or null when there is no such id. Revoking twice keeps the first time. */
export async function revokeToken(sql: SqlQueryable, id: string): Promise<TokenRecord | null> {
  const { rows } = await sql.query(
    `UPDATE tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING ${COLUMNS}`,
    [id],
  );
  return rows[0] === undefined ? null : TokenRecordSchema.parse(rows[0]);
}

const PrincipalRowSchema = z.object({ tokenId: z.string(), tenant: TenantIdSchema, role: RoleSchema });

/**
 * The principal for a presented secret, or null when it is unknown or revoked. Looked up by hash on a
 * unique index: comparing hashes, not secrets, leaves nothing for a timing attack to learn.
 * Not cached, so that a revocation takes effect on the next request on every instance.
 */
export async function findPrincipal(sql: SqlQueryable, secret: string): Promise<Principal | null> {
  const { rows } = await sql.query(
    'SELECT id AS "tokenId", tenant, role FROM tokens WHERE secret_hash = $1 AND revoked_at IS NULL',
    [hashSecret(secret)],
  );
  return rows[0] === undefined ? null : PrincipalRowSchema.parse(rows[0]);
}
