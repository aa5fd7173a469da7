import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { EVENT_TYPES, WaymarkEventSchema, type WaymarkEvent } from '../../src/schema/event';
import type { Sql } from '../db/sql';
import type { AppEnv } from '../http/appEnv';

/** What every route group is given by `createApp`. */
export interface RouteDeps {
  sql: Sql;
  /** The authentication and rate-limit middleware; routes add `requireRole` after it. */
  auth: MiddlewareHandler<AppEnv>;
  /** The events this collector accepts. */
  events: EventCatalogue;
  /** This collector's build (`collectorVersion()`), reported by health and ingest answers. */
  version: string;
}

/**
 * The events a collector accepts: their schema and the names of their types. Always the full
 * catalogue in production; a test gives a smaller one to be a collector from before a type existed.
 */
export interface EventCatalogue {
  schema: z.ZodType<WaymarkEvent>;
  types: readonly string[];
}

export const EVENT_CATALOGUE: EventCatalogue = { schema: WaymarkEventSchema, types: EVENT_TYPES };
