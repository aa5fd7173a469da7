import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { authenticate } from './auth/authenticate';
import { createRateLimiter } from './auth/rateLimiter';
import { collectorVersion } from './collectorVersion';
import type { Config } from './config';
import { StorageUnavailableError, type Sql } from './db/sql';
import type { AppEnv } from './http/appEnv';
import { ResponseValidationError, sendError } from './http/reply';
import { adminClientRoutes } from './routes/adminClientRoutes';
import { adminFlowRoutes } from './routes/adminFlowRoutes';
import { adminTeamRoutes } from './routes/adminTeamRoutes';
import { eventRoutes } from './routes/eventRoutes';
import { flowRoutes } from './routes/flowRoutes';
import { healthRoutes } from './routes/healthRoutes';
import { insightsRoutes } from './routes/insightsRoutes';
import { meRoutes } from './routes/meRoutes';
import { EVENT_CATALOGUE, type EventCatalogue } from './routes/routeDeps';

export interface AppDeps {
  sql: Sql;
  limits: Pick<Config, 'maxBodyBytes' | 'rateLimit'>;
  /** The rate limiter's clock. @default Date.now */
  now?: () => number;
  /** Where server errors are reported. @default console.error */
  log?: (line: string) => void;
  /** The events accepted. @default EVENT_CATALOGUE (all of them) */
  events?: EventCatalogue;
  /** The build reported to clients. @default collectorVersion(events) */
  version?: string;
}

/**
 * Extension pages and service workers calling a collector their manifest has no host permission for
 * are subject to CORS. Tokens travel in a header, never in cookies, so allowing these origins lets no
 * page act with a user's ambient credentials.
 */
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[A-Za-z0-9._-]+$/;

/** The collector's HTTP API, over the given storage. Serving it (and closing `sql`) is the caller's job. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const log = deps.log ?? ((line: string) => console.error(line));
  const limiter = createRateLimiter({ ...deps.limits.rateLimit, ...(deps.now ? { now: deps.now } : {}) });
  const events = deps.events ?? EVENT_CATALOGUE;
  const routeDeps = { sql: deps.sql, auth: authenticate(deps.sql, limiter), events, version: deps.version ?? collectorVersion(events.schema) };
  const app = new Hono<AppEnv>();

  app.use(
    '/v1/*',
    cors({
      origin: (origin) => (EXTENSION_ORIGIN.test(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match'],
      exposeHeaders: ['ETag', 'Retry-After'],
      maxAge: 600,
    }),
  );
  app.use(
    '*',
    bodyLimit({
      maxSize: deps.limits.maxBodyBytes,
      onError: (c) => sendError(c, 413, `request body exceeds ${deps.limits.maxBodyBytes} bytes`),
    }),
  );

  app.route('/v1', healthRoutes(routeDeps));
  app.route('/v1', meRoutes(routeDeps));
  app.route('/v1', eventRoutes(routeDeps));
  app.route('/v1', flowRoutes(routeDeps));
  app.route('/v1', adminFlowRoutes(routeDeps));
  app.route('/v1', adminClientRoutes(routeDeps));
  app.route('/v1', adminTeamRoutes(routeDeps));
  app.route('/v1', insightsRoutes(routeDeps));

  app.notFound((c) => sendError(c, 404, `no route ${c.req.method} ${c.req.path}`));
  app.onError((err, c) => {
    if (err instanceof StorageUnavailableError) {
      return sendError(c, 503, 'storage unavailable; retry later', undefined, { 'Retry-After': '1' });
    }
    if (err instanceof ResponseValidationError) log(`BUG: ${c.req.method} ${c.req.path}: ${err.message}`);
    else log(`error on ${c.req.method} ${c.req.path}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return sendError(c, 500, 'internal server error');
  });
  return app;
}
