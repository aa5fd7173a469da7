import type { MiddlewareHandler } from 'hono';
import type { SqlQueryable } from '../db/sql';
import type { AppEnv } from '../http/appEnv';
import { sendError } from '../http/reply';
import type { RateLimiter } from './rateLimiter';
import { looksLikeSecret } from './tokenSecret';
import { findPrincipal } from './tokenStore';

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="waymark"' };

/**
 * Establishes the caller from `Authorization: Bearer wm_...` (401 when absent, unknown or revoked),
 * then spends one request from that token's rate budget (429 with `Retry-After` when empty).
 */
export function authenticate(sql: SqlQueryable, limiter: RateLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const m = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
    const secret = m?.[1];
    if (secret === undefined) {
      return sendError(c, 401, 'missing credentials: send "Authorization: Bearer <token>"', undefined, CHALLENGE);
    }
    const principal = looksLikeSecret(secret) ? await findPrincipal(sql, secret) : null;
    if (principal === null) return sendError(c, 401, 'invalid or revoked token', undefined, CHALLENGE);
    const decision = limiter.take(principal.tokenId);
    if (!decision.ok) {
      return sendError(c, 429, `rate limit exceeded for this token; retry in ${decision.retryAfterSeconds} s`, undefined, {
        'Retry-After': String(decision.retryAfterSeconds),
      });
    }
    c.set('principal', principal);
    await next();
  };
}
