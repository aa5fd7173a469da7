import type { MiddlewareHandler } from 'hono';
import type { Sql } from '../db/sql';
import type { AppEnv } from '../http/appEnv';

/** What every route group is given by `createApp`. */
export interface RouteDeps {
  sql: Sql;
  /** The authentication and rate-limit middleware; routes add `requireRole` after it. */
  auth: MiddlewareHandler<AppEnv>;
}
