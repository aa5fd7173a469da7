import { z } from 'zod';
import { DocIdSchema, type Feature, type Flow, type Step } from '../schema/flow';
import { type EventType, type WaymarkEvent } from '../schema/event';
import type { ElementFingerprint } from '../schema/fingerprint';
import type { DocIssue } from '../schema/migrate';

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
  }),
  'feature/used': z.strictObject({ type: z.literal('feature/used'), opId, featureId: DocIdSchema }),
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

/** The reply each request gets. */
export interface Responses {
  'page/state': Reply<{ state: PageState }>;
  'step/shown': Reply<object>;
  'step/advance': Reply<{ state: PageState }>;
  'flow/dismiss': Reply<{ state: PageState }>;
  'target/missing': Reply<object>;
  'feature/used': Reply<{ firstUse: boolean }>;
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
}

export type RequestOf<K extends RequestType> = Extract<AnyRequest, { type: K }>;
