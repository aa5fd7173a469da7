import type { MiddlewareHandler } from 'hono';
import { ROLES, type Role } from '../../src/schema/api';
import type { AppEnv } from '../http/appEnv';
import { sendError } from '../http/reply';

/** True when `role` includes `needed`: roles are ordered, employee < champion < admin. */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** 403 unless the authenticated caller's role includes `needed`. Goes after `authenticate`. */
export function requireRole(needed: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { role } = c.get('principal');
    if (!roleAllows(role, needed)) {
      return sendError(c, 403, `this token's role (${role}) may not do this; it needs ${needed}`);
    }
    await next();
  };
}
