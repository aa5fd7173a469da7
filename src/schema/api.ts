import { z } from 'zod';
import { DocIdSchema, FlowSchema } from './flow';

/**
 * The collector's HTTP API (`/v1`), shared by the server and the extension's sync engine. The server
 * validates every request body and every response against these; the extension may do the same on
 * what it receives.
 *
 * Envelopes use `z.object` (unknown keys are stripped, not refused) so that an extension one release
 * ahead of a self-hosted collector, or behind it, still talks to it. The documents inside (events,
 * flows) keep their own strict schemas.
 */

/** The most events one `POST /v1/events` may carry. */
export const INGEST_MAX_EVENTS = 500;

/** A tenant: one company. Lower case, so that "Acme" and "acme" cannot become two tenants by accident. */
export const TenantIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, "-" and "_", starting with a letter or digit');
export type TenantId = z.infer<typeof TenantIdSchema>;

/**
 * What a token may do. Roles are ordered: each includes the ones before it.
 * - `employee`: ingest events and fetch the published flows (what the extension needs);
 * - `champion`: also read insights;
 * - `admin`: also publish, list and retire flows, and read client reports.
 */
export const ROLES = ['employee', 'champion', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** One problem: where (`events.3.flowId`, relative to the request body) and why. */
export const ApiIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ApiIssue = z.infer<typeof ApiIssueSchema>;

/** Every non-2xx response (except 304, which has no body). */
export const ApiErrorSchema = z.object({
  error: z.string(),
  issues: z.array(ApiIssueSchema).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

const isoDate = z.iso.datetime();

// ---------------------------------------------------------------------------------------------------
// GET /v1/health (no auth)

export const HealthResponseSchema = z.object({
  status: z.literal('ok'),
  storage: z.enum(['pglite', 'postgres']),
  /**
   * The collector's build: its package version and a digest of the event catalogue it accepts
   * (`0.1.0+ev.1a2b3c4d`). A client holding events this collector called `unsupported` resends them
   * when it changes. Absent from collectors older than the `unsupported` verdict.
   */
  version: z.string().min(1).max(64).optional(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

// ---------------------------------------------------------------------------------------------------
// GET /v1/me (any role): lets an options page check a server URL and token before saving them.

export const WhoAmIResponseSchema = z.object({
  tenant: TenantIdSchema,
  role: RoleSchema,
  tokenId: z.string(),
});
export type WhoAmIResponse = z.infer<typeof WhoAmIResponseSchema>;

// ---------------------------------------------------------------------------------------------------
// POST /v1/events (employee)

/** Who is sending: one browser profile's installation of the extension. */
export const ClientInfoSchema = z.object({
  installId: z.string().min(1).max(128),
  /** Events this install dropped because its bounded queue was full, counted since install. */
  dropped: z.number().int().min(0).optional(),
  /**
   * The browser's team (the `team` sync setting or policy). The collector records it for the users of
   * the batch's events; an admin's mapping (`POST /v1/admin/teams`) wins over it.
   */
  team: z.string().trim().min(1).max(64).optional(),
  /**
   * The verdicts beyond `stored`, `duplicate` and `rejected` that this client understands (today only
   * `unsupported`). A collector answers a verdict only to a client that lists it, so an older
   * extension, whose answer schema knows three, is never sent a fourth. Unknown names are ignored.
   */
  verdicts: z.array(z.string().max(32)).max(16).optional(),
});
export type ClientInfo = z.infer<typeof ClientInfoSchema>;

/**
 * The events are `unknown` here on purpose: each is validated on its own against `WaymarkEventSchema`,
 * so that one bad event is rejected without sinking its batch.
 */
export const IngestRequestSchema = z.object({
  events: z.array(z.unknown()).max(INGEST_MAX_EVENTS, `at most ${INGEST_MAX_EVENTS} events per request`),
  client: ClientInfoSchema.optional(),
});
export type IngestRequest = z.infer<typeof IngestRequestSchema>;

/**
 * The verdict on one event, in input order:
 * - `stored`: written now;
 * - `duplicate`: an event with this id was already stored for this tenant (or earlier in this batch);
 *   it counts as acknowledged, exactly like `stored`;
 * - `rejected`: invalid, and will be invalid on every retry: do not send it again. `id` is the event's
 *   id when it had a string one.
 * - `unsupported` (only to a client whose `client.verdicts` lists it): the event's envelope is valid
 *   (id, seq, ts, userId, a well-formed `type`) but this collector does not know its `type`, or knows
 *   the type but not the fields in `unknownFields` (a newer version of the event). Nothing was
 *   stored; a newer collector may accept it, so keep it and send it again after the collector changed.
 */
export const EventResultSchema = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('stored') }),
  z.object({ id: z.string(), status: z.literal('duplicate') }),
  z.object({ id: z.string().nullable(), status: z.literal('rejected'), issues: z.array(ApiIssueSchema).min(1) }),
  z.object({
    id: z.string(),
    status: z.literal('unsupported'),
    /** The event's type, as sent. */
    type: z.string(),
    /** Set when the type is known and these top-level fields are not. */
    unknownFields: z.array(z.string()).optional(),
  }),
]);
export type EventResult = z.infer<typeof EventResultSchema>;
export type EventStatus = EventResult['status'];

export const IngestResponseSchema = z.object({
  /** One result per request event, same order, same length. */
  results: z.array(EventResultSchema),
  /** The collector's build (as in `HealthResponse.version`); absent from older collectors. */
  collector: z.object({ version: z.string().min(1).max(64) }).optional(),
});
export type IngestResponse = z.infer<typeof IngestResponseSchema>;

// ---------------------------------------------------------------------------------------------------
// GET /v1/flows (employee): strong `ETag`; send it back as `If-None-Match` to get a 304.

export const FlowsResponseSchema = z.object({
  /** The tenant's published, not retired, flows: the latest version of each, sorted by id. */
  flows: z.array(FlowSchema),
});
export type FlowsResponse = z.infer<typeof FlowsResponseSchema>;

// ---------------------------------------------------------------------------------------------------
// Admin: flows

/**
 * POST /v1/admin/flows: the body is one flow document of any supported schema version (migrated on
 * read). The server ignores the document's `version` and `status`: it stores the flow as published,
 * with version = the previous highest version of that flow id + 1 (1 for a new id). Publishing a
 * retired flow id publishes it again.
 */
export const PublishFlowResponseSchema = z.object({
  flow: FlowSchema,
  publishedAt: isoDate,
  /** The schema version the document was migrated from, or null when it was current. */
  migratedFrom: z.number().int().nullable(),
});
export type PublishFlowResponse = z.infer<typeof PublishFlowResponseSchema>;

export const FlowStateSchema = z.enum(['published', 'retired']);
export type FlowState = z.infer<typeof FlowStateSchema>;

export const AdminFlowSummarySchema = z.object({
  id: DocIdSchema,
  name: z.string(),
  state: FlowStateSchema,
  latestVersion: z.number().int().min(1),
  /** How many versions were published. */
  versionCount: z.number().int().min(1),
  publishedAt: isoDate,
  retiredAt: isoDate.nullable(),
});
export type AdminFlowSummary = z.infer<typeof AdminFlowSummarySchema>;

/** GET /v1/admin/flows: every flow id ever published, retired ones included, sorted by id. */
export const AdminFlowListResponseSchema = z.object({ flows: z.array(AdminFlowSummarySchema) });
export type AdminFlowListResponse = z.infer<typeof AdminFlowListResponseSchema>;

export const FlowVersionSchema = z.object({
  version: z.number().int().min(1),
  publishedAt: isoDate,
  /** The id (never the secret) of the token that published it. */
  publishedBy: z.string(),
  flow: FlowSchema,
});
export type FlowVersion = z.infer<typeof FlowVersionSchema>;

/** GET /v1/admin/flows/:id/versions: newest first. */
export const FlowVersionsResponseSchema = z.object({
  id: DocIdSchema,
  state: FlowStateSchema,
  versions: z.array(FlowVersionSchema),
});
export type FlowVersionsResponse = z.infer<typeof FlowVersionsResponseSchema>;

/** POST /v1/admin/flows/:id/retire (no body). Retiring a retired flow is a no-op that answers the same. */
export const RetireFlowResponseSchema = z.object({
  id: DocIdSchema,
  state: z.literal('retired'),
  latestVersion: z.number().int().min(1),
  retiredAt: isoDate,
});
export type RetireFlowResponse = z.infer<typeof RetireFlowResponseSchema>;

// ---------------------------------------------------------------------------------------------------
// Admin: clients

export const ClientRecordSchema = z.object({
  installId: z.string(),
  /** The highest `client.dropped` this install ever reported. */
  dropped: z.number().int().min(0),
  firstSeen: isoDate,
  lastSeen: isoDate,
});
export type ClientRecord = z.infer<typeof ClientRecordSchema>;

/** GET /v1/admin/clients: most recently seen first. */
export const ClientListResponseSchema = z.object({ clients: z.array(ClientRecordSchema) });
export type ClientListResponse = z.infer<typeof ClientListResponseSchema>;
