import { z } from 'zod';
import { DocIdSchema, type Feature, type Flow, type Step } from '../schema/flow';
import { type EventType, type WaymarkEvent } from '../schema/event';
import type { ElementFingerprint } from '../schema/fingerprint';
import type { Guidance } from '../schema/guidance';
import type { DocIssue } from '../schema/migrate';
import { SyncSettingsInputSchema, type SyncSettingKey, type SyncSettings } from '../schema/config';
import type { WhoAmIResponse } from '../schema/api';
import type { StepHealth } from '../metrics/stepHealth';
import { InsightsAdminRequestSchemas, type InsightsAccessView, type InsightsAdminReplies, type InsightsAnswer, type InsightsFailureReason } from './insights';
import type { GuidanceItem, PresenceCheck } from '../rules/planGuidance';
import type { PopupCandidate } from '../rules/pickPopup';
import type { SurveyView } from '../rules/pendingSurvey';
import type { LauncherGuide } from '../rules/launcherGuides';
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
    /** Ids whose presence checks (`GuidancePageView.checks`) passed on the page: sent by the overlay. */
    present: z.array(DocIdSchema).max(500).default([]),
    /** The overlay has looked for every checked element (found, or waited long enough): see `arbitratePopups`. */
    settled: z.boolean().default(false),
  }),
  'step/shown': z.strictObject({ type: z.literal('step/shown'), opId, runId: z.string().max(64), stepIndex: z.number().int().min(0) }),
  'step/advance': z.strictObject({
    type: z.literal('step/advance'),
    opId,
    url,
    runId: z.string().max(64),
    fromStepIndex: z.number().int().min(0),
    to: z.enum(['next', 'back', 'skip']),
    present: z.array(DocIdSchema).max(500).default([]),
  }),
  'flow/dismiss': z.strictObject({
    type: z.literal('flow/dismiss'),
    opId,
    url,
    runId: z.string().max(64),
    stepIndex: z.number().int().min(0),
    present: z.array(DocIdSchema).max(500).default([]),
  }),
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
  /** The user started a flow from the launcher or a checklist item. */
  'flow/start': z.strictObject({ type: z.literal('flow/start'), opId, url, flowId: DocIdSchema, present: z.array(DocIdSchema).max(500).default([]) }),
  /** "This confused me", on the current step of a run. */
  'step/confused': z.strictObject({ type: z.literal('step/confused'), opId, runId: z.string().max(64), stepIndex: z.number().int().min(0) }),
  /** Guidance was shown without being asked for: counted once per page view for frequency capping. */
  'guidance/shown': z.strictObject({
    type: z.literal('guidance/shown'),
    opId,
    kind: z.enum(['prompt', 'tip', 'beacon', 'checklist', 'survey']),
    /** The document's id; for a survey, the flow's. */
    id: DocIdSchema,
  }),
  /** The user opened a beacon; one without a feature is retired by it. */
  'beacon/opened': z.strictObject({ type: z.literal('beacon/opened'), opId, url, id: DocIdSchema, present: z.array(DocIdSchema).max(500).default([]) }),
  /** The user closed a checklist or a survey for good (it no longer opens by itself). */
  'guidance/close': z.strictObject({
    type: z.literal('guidance/close'),
    opId,
    url,
    kind: z.enum(['checklist', 'survey']),
    id: DocIdSchema,
    present: z.array(DocIdSchema).max(500).default([]),
  }),
  /** A prompt template was inserted into its input. Its id only: the text never leaves the page. */
  'prompt/used': z.strictObject({ type: z.literal('prompt/used'), opId, templateId: DocIdSchema }),
  'prompt/rated': z.strictObject({ type: z.literal('prompt/rated'), opId, templateId: DocIdSchema, rating: z.enum(['up', 'down']) }),
  /** The micro-survey's answer. A blank comment is not stored. */
  'survey/answer': z.strictObject({
    type: z.literal('survey/answer'),
    opId,
    url,
    flowId: DocIdSchema,
    score: z.number().int().min(1).max(5),
    comment: z.string().max(1000).optional(),
    present: z.array(DocIdSchema).max(500).default([]),
  }),
  /** Where the user dragged the launcher to, in CSS pixels from the viewport's top left. */
  'launcher/moved': z.strictObject({
    type: z.literal('launcher/moved'),
    x: z.number().finite().min(0).max(100_000),
    y: z.number().finite().min(0).max(100_000),
  }),
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
  'admin/guidance/list': z.strictObject({ type: z.literal('admin/guidance/list') }),
  /** Validated in the handler (`readGuidance`), so every problem is reported by field. */
  'admin/guidance/save': z.strictObject({ type: z.literal('admin/guidance/save'), guidance: z.unknown() }),
  'admin/guidance/delete': z.strictObject({ type: z.literal('admin/guidance/delete'), id: DocIdSchema }),
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

/** The guidance of a page (beyond the active flow), decided by the background (`src/rules/planGuidance.ts`). */
export interface GuidancePageView {
  /** Tips, prompt templates, beacons and checklists that apply to the page and the user. */
  items: GuidanceItem[];
  /** Elements to look for; the overlay reports the ids found with the next `page/state`. */
  checks: PresenceCheck[];
  /** The one thing that may pop up by itself; a `flow` pop-up is the session. */
  popup: PopupCandidate | null;
  /** Set when the pop-up is a survey. */
  survey: SurveyView | null;
  /** Flows the launcher offers to start. */
  guides: LauncherGuide[];
  /** Where the user last dragged the launcher; null: its default corner. */
  launcher: { x: number; y: number } | null;
}

export interface PageState {
  session: SessionView | null;
  features: FeatureWatch[];
  guidance: GuidancePageView;
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
  /**
   * Events waiting for a newer collector: valid, but of a type (or with fields) the collector does not
   * know yet. Not in `unsynced`. Sent again when the collector reports another build, at `retryAt`
   * (a day after they were first held), or on Sync now; `types` names them.
   */
  held: { count: number; types: string[]; retryAt: number | null };
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
  'flow/start': Reply<{ state: PageState }>;
  'step/confused': Reply<object>;
  'guidance/shown': Reply<object>;
  'beacon/opened': Reply<{ state: PageState }>;
  'guidance/close': Reply<{ state: PageState }>;
  'prompt/used': Reply<{ firstUse: boolean }>;
  'prompt/rated': Reply<object>;
  'survey/answer': Reply<{ state: PageState }>;
  'launcher/moved': Reply<object>;
  /** `recorded`: this was the first exposure, and `feature_seen` was recorded. */
  'feature/seen': Reply<{ recorded: boolean }>;
  'admin/flows/list': Reply<{ flows: Flow[] }>;
  'admin/flows/save': Reply<{ flow: Flow }>;
  'admin/flows/delete': Reply<object>;
  'admin/features/list': Reply<{ features: Feature[] }>;
  'admin/features/save': Reply<{ feature: Feature }>;
  'admin/features/delete': Reply<object>;
  'admin/guidance/list': Reply<{ guidance: Guidance[] }>;
  'admin/guidance/save': Reply<{ guidance: Guidance }>;
  'admin/guidance/delete': Reply<object>;
  'admin/bundle/import': Reply<{ flows: number; features: number; guidance: number; migrated: number }>;
  'admin/bundle/export': Reply<{
    bundle: { format: 'waymark-bundle'; exportedAt: string; flows: Flow[]; features: Feature[]; guidance: Guidance[] };
  }>;
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
  'admin/insights/teams/get': Reply<{ teams: InsightsAdminReplies['teams'] }>;
  /** `teams`: the sizes after the change, read again from the collector. */
  'admin/insights/teams/assign': Reply<{ updated: number; teams: InsightsAdminReplies['teams'] }>;
  'admin/insights/settings/set': Reply<{ settings: InsightsAdminReplies['settings'] }>;
  'admin/insights/flows/publish': Reply<{ published: InsightsAdminReplies['published'] }>;
}

export type RequestOf<K extends RequestType> = Extract<AnyRequest, { type: K }>;
