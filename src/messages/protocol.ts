import { z } from 'zod';
import { DocIdSchema, type Feature, type Flow, type Step } from '../schema/flow';
import { type EventType, type WaymarkEvent } from '../schema/event';
import type { ElementFingerprint } from '../schema/fingerprint';
import type { DocIssue } from '../schema/migrate';
import { SyncSettingsInputSchema, type SyncSettingKey, type SyncSettings } from '../schema/config';
import type { WhoAmIResponse } from '../schema/api';
import type { StepHealth } from '../metrics/stepHealth';
import { InsightsAdminRequestSchemas, type InsightsAccessView, type InsightsAnswer, type InsightsFailureReason } from './insights';
import { PickerAdminRequestSchemas, PickerContentRequestSchemas, type PickerSession, type PickerTab } from './picker';

/**
 * Every message between the runtimes is one of these, checked by zod at the receiving end (the
 * background). Content scripts carry no zod: they only send these shapes and receive data the background
 * already validated. Mutating messages carry an `opId` (a UUIDv7 made by the sender) so that a retry
 * after a worker restart is applied once.
 */
const opId = z.string().min(8).max(64);
const url = z.string().max(8192);

export const ContentRequestSchemas = {
  'page/state': z.strictObject({
    type: z.literal('page/state'),
    url,
    /**
     * True on the first request after a page load or URL change: only then does a `?waymark-flow=` link
     * start its flow, so finishing or dismissing it does not start it again on the same page.
     */
    linkStart: z.boolean().default(false),
  }),
  'step/shown': z.strictObject({ type: z.literal('step/shown'), opId, runId: z.string().max(64), stepIndex: z.number().int().min(0) }),
  'step/advance': z.strictObject({
    type: z.literal('step/advance'),
    opId,
    url,
    runId: z.string().max(64),
    fromStepIndex: z.number().int().min(0),
    to: z.enum(['next', 'back', 'skip']),
  }),
  'flow/dismiss': z.strictObject({ type: z.literal('flow/dismiss'), opId, url, runId: z.string().max(64), stepIndex: z.number().int().min(0) }),
  'target/missing': z.strictObject({
    type: z.literal('target/missing'),
    opId,
    runId: z.string().max(64),
    stepIndex: z.number().int().min(0),
    waitedMs: z.number().int().min(0).max(3_600_000),
    confidence: z.number().min(0).max(1).optional(),
    /** Candidates were found but none clearly enough: recorded as `target_ambiguous`. */
    ambiguous: z.boolean().default(false),
  }),
  'feature/used': z.strictObject({ type: z.literal('feature/used'), opId, featureId: DocIdSchema }),
  /** The feature's target was on screen: its user's first exposure, recorded once (`feature_seen`). */
  'feature/seen': z.strictObject({ type: z.literal('feature/seen'), opId, featureId: DocIdSchema }),
  ...PickerContentRequestSchemas,
} as const;

export const AdminRequestSchemas = {
  'admin/flows/list': z.strictObject({ type: z.literal('admin/flows/list') }),
  'admin/flows/save': z.strictObject({ type: z.literal('admin/flows/save'), flow: z.unknown() }),
  'admin/flows/delete': z.strictObject({ type: z.literal('admin/flows/delete'), id: DocIdSchema }),
  'admin/features/list': z.strictObject({ type: z.literal('admin/features/list') }),
  'admin/features/save': z.strictObject({ type: z.literal('admin/features/save'), feature: z.unknown() }),
  'admin/features/delete': z.strictObject({ type: z.literal('admin/features/delete'), id: DocIdSchema }),
  'admin/bundle/import': z.strictObject({ type: z.literal('admin/bundle/import'), bundle: z.unknown() }),
  'admin/bundle/export': z.strictObject({ type: z.literal('admin/bundle/export') }),
  'admin/activity': z.strictObject({ type: z.literal('admin/activity'), limit: z.number().int().min(1).max(500).default(50) }),
  'admin/progress/reset': z.strictObject({ type: z.literal('admin/progress/reset'), flowId: DocIdSchema.optional() }),
  'admin/steps/health': z.strictObject({ type: z.literal('admin/steps/health'), flowId: DocIdSchema.optional() }),
  'admin/sync/config/get': z.strictObject({ type: z.literal('admin/sync/config/get') }),
  /** Replaces the saved sync settings with these (keys set by policy excepted); no `token` keeps the saved one. */
  'admin/sync/config/set': z.strictObject({ type: z.literal('admin/sync/config/set'), settings: SyncSettingsInputSchema }),
  /** Forgets the saved sync settings, token included (policy settings stay). */
  'admin/sync/config/clear': z.strictObject({ type: z.literal('admin/sync/config/clear') }),
  'admin/sync/status': z.strictObject({ type: z.literal('admin/sync/status') }),
  /** Syncs at once, ignoring any backoff or pause; answers with the status after the attempt. */
  'admin/sync/now': z.strictObject({ type: z.literal('admin/sync/now') }),
  /** Asks the collector who a token is (GET /v1/me); without `serverUrl` / `token`, the saved ones are used. */
  'admin/sync/test': z.strictObject({
    type: z.literal('admin/sync/test'),
    ...SyncSettingsInputSchema.pick({ serverUrl: true, token: true }).shape,
  }),
  ...PickerAdminRequestSchemas,
  ...InsightsAdminRequestSchemas,
} as const;

/** Every request schema, keyed by its type: the receiver looks the schema up by `type`, then parses. */
export const RequestSchemas = { ...ContentRequestSchemas, ...AdminRequestSchemas } as const;

type Req<S extends Record<string, z.ZodTypeAny>> = { [K in keyof S]: z.input<S[K]> };
export type ContentRequests = Req<typeof ContentRequestSchemas>;
export type AdminRequests = Req<typeof AdminRequestSchemas>;
export type ContentRequest = ContentRequests[keyof ContentRequests];
export type AdminRequest = AdminRequests[keyof AdminRequests];
export type AnyRequest = ContentRequest | AdminRequest;
export type RequestType = AnyRequest['type'];

/** What the overlay needs to show the current step of the active flow. */
export interface SessionView {
  runId: string;
  flowId: string;
  flowName: string;
  flowVersion: number;
  stepIndex: number;
  stepCount: number;
  /** Increases with every change of the run: a receiver keeps the state with the highest rev. */
  rev: number;
  step: Step;
  /** Whether the current step belongs on the page the request came from. */
  onPage: boolean;
}

/** A tagged feature to watch on this page. */
export interface FeatureWatch {
  id: string;
  target: ElementFingerprint;
  use: Feature['use'];
  /** Already seen (or used) by this user: the page need not report an exposure. */
  seen: boolean;
}

export interface PageState {
  session: SessionView | null;
  features: FeatureWatch[];
}

export type Failure = { ok: false; error: string; issues?: DocIssue[] };
export type Ok<T> = { ok: true } & T;
export type Reply<T> = Ok<T> | Failure;

export interface ActivitySummary {
  total: number;
  counts: Record<EventType, number>;
  recent: WaymarkEvent[];
}

/** The sync settings as the options page sees them: never the token itself. */
export interface SyncSettingsView {
  /** The merged settings (saved, then policy), with defaults filled in. */
  values: Omit<SyncSettings, 'token'>;
  tokenSet: boolean;
  /** Keys set by policy: read-only on the options page. */
  managed: SyncSettingKey[];
  /** True when the settings make a complete, valid configuration, so sync runs. */
  configured: boolean;
  /** What keeps sync from running: a missing server URL or token, or an invalid value (policy included). */
  issues: DocIssue[];
}

/** Where sync stands. Times are milliseconds since the epoch; counters are since install. */
export interface SyncStatus {
  /**
   * `unconfigured`: no complete settings; `idle`: the last attempt succeeded; `retrying`: it failed and
   * is retried at `nextAttemptAt`; `paused`: the collector refused the token or the request, and sync
   * waits until the settings change (or Sync now).
   */
  state: 'unconfigured' | 'idle' | 'retrying' | 'paused';
  serverUrl: string | null;
  /** Events waiting to be acknowledged by the collector. */
  unsynced: number;
  /** Events dropped because the queue was full. Reported to the collector with every upload. */
  dropped: number;
  /** Events the collector acknowledged as newly stored. */
  stored: number;
  /** Events the collector acknowledged as already stored (a retry after a lost answer). */
  duplicates: number;
  /** Events the collector refused as invalid: never sent again. */
  rejected: number;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastFailureAt: number | null;
  lastError: string | null;
  /** Failed attempts in a row. */
  failures: number;
  nextAttemptAt: number | null;
  pausedReason: string | null;
  flows: { count: number; lastPullAt: number | null; etag: string | null };
}

/** The reply each request gets. */
export interface Responses {
  'page/state': Reply<{ state: PageState }>;
  'step/shown': Reply<object>;
  'step/advance': Reply<{ state: PageState }>;
  'flow/dismiss': Reply<{ state: PageState }>;
  'target/missing': Reply<object>;
  'feature/used': Reply<{ firstUse: boolean }>;
  /** `recorded`: this was the first exposure, and `feature_seen` was recorded. */
  'feature/seen': Reply<{ recorded: boolean }>;
  'admin/flows/list': Reply<{ flows: Flow[] }>;
  'admin/flows/save': Reply<{ flow: Flow }>;
  'admin/flows/delete': Reply<object>;
  'admin/features/list': Reply<{ features: Feature[] }>;
  'admin/features/save': Reply<{ feature: Feature }>;
  'admin/features/delete': Reply<object>;
  'admin/bundle/import': Reply<{ flows: number; features: number; migrated: number }>;
  'admin/bundle/export': Reply<{ bundle: { format: 'waymark-bundle'; exportedAt: string; flows: Flow[]; features: Feature[] } }>;
  'admin/activity': Reply<{ activity: ActivitySummary }>;
  'admin/progress/reset': Reply<object>;
  'admin/steps/health': Reply<{ health: StepHealth[] }>;
  'admin/sync/config/get': Reply<{ settings: SyncSettingsView }>;
  'admin/sync/config/set': Reply<{ settings: SyncSettingsView }>;
  'admin/sync/config/clear': Reply<{ settings: SyncSettingsView }>;
  'admin/sync/status': Reply<{ status: SyncStatus }>;
  'admin/sync/now': Reply<{ status: SyncStatus }>;
  'admin/sync/test': Reply<{ whoami: WhoAmIResponse }>;
  'picker/picked': Reply<object>;
  'picker/cancelled': Reply<object>;
  'admin/picker/tabs': Reply<{ tabs: PickerTab[] }>;
  'admin/picker/start': Reply<{ session: PickerSession }>;
  'admin/picker/cancel': Reply<object>;
  'admin/picker/status': Reply<{ session: PickerSession | null }>;
  'admin/insights/access/get': Reply<{ access: InsightsAccessView }>;
  'admin/insights/access/set': Reply<{ access: InsightsAccessView; whoami: WhoAmIResponse }>;
  'admin/insights/access/clear': Reply<{ access: InsightsAccessView }>;
  /** A failure says why (`reason`) besides the message; a message the dispatcher refused has none. */
  'admin/insights/query': Ok<{ answer: InsightsAnswer }> | (Failure & { reason?: InsightsFailureReason });
}

export type RequestOf<K extends RequestType> = Extract<AnyRequest, { type: K }>;
