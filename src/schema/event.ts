import { z } from 'zod';
import { DocIdSchema } from './flow';

/**
 * The closed catalogue of events. Each carries ids and counters only: never page text or typed input.
 * Events are created by the background (the only owner of state) and synced to the collector.
 */
export const EVENT_TYPES = [
  'flow_started',
  'step_shown',
  'step_completed',
  'step_skipped',
  'flow_completed',
  'flow_dismissed',
  'target_missing',
  'target_ambiguous',
  'feature_used',
  'feature_seen',
  'feature_outcome',
  'prompt_used',
  'prompt_rated',
  'survey_answered',
  'step_confused',
  'content_shown',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const base = {
  /** UUIDv7: unique, and sortable by creation time. */
  id: z.string().regex(UUID_V7, 'must be a UUIDv7'),
  /** Per-install sequence number, gap-free and increasing in the order events were stored. */
  seq: z.number().int().min(1),
  /** Milliseconds since the Unix epoch. */
  ts: z.number().int().min(0),
  /** Pseudonymous, per-install user id: random, never derived from a name or address. */
  userId: z.string().min(1).max(128),
};

const flowRef = {
  flowId: DocIdSchema,
  flowVersion: z.number().int().min(1),
};
const stepRef = {
  ...flowRef,
  stepId: DocIdSchema,
  stepIndex: z.number().int().min(0),
};

/** The ids of type names: what a well-formed `type` looks like, known or not. */
export const EVENT_TYPE_NAME = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * What every event has whatever its type: the envelope. An event whose envelope is valid but whose
 * type (or a field of it) a collector does not know is one from a newer extension, not a bad one.
 */
export const EventEnvelopeSchema = z.looseObject({ ...base, type: z.string().regex(EVENT_TYPE_NAME, 'must be an event type name') });

export const WaymarkEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('flow_started'), ...flowRef }),
  z.strictObject({ ...base, type: z.literal('step_shown'), ...stepRef }),
  z.strictObject({ ...base, type: z.literal('step_completed'), ...stepRef }),
  z.strictObject({ ...base, type: z.literal('step_skipped'), ...stepRef }),
  z.strictObject({ ...base, type: z.literal('flow_completed'), ...flowRef }),
  z.strictObject({ ...base, type: z.literal('flow_dismissed'), ...stepRef }),
  z.strictObject({
    ...base,
    type: z.literal('target_missing'),
    ...stepRef,
    /** How long the step waited for its target. */
    waitedMs: z.number().int().min(0),
    /** The best candidate's confidence, when a scored locator was used. */
    confidence: z.number().min(0).max(1).optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('target_ambiguous'),
    ...stepRef,
    /** How long the step waited: several candidates were close, and the locator would not guess. */
    waitedMs: z.number().int().min(0),
    confidence: z.number().min(0).max(1).optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('feature_used'),
    featureId: DocIdSchema,
    /** True for this user's first use of the feature, false for every repeat use. */
    firstUse: z.boolean(),
  }),
  z.strictObject({
    ...base,
    /** The user's first exposure to a feature (its target was on screen, or its beacon shown): recorded once per user. */
    type: z.literal('feature_seen'),
    featureId: DocIdSchema,
  }),
  z.strictObject({
    ...base,
    /** A use of the feature was followed by the feature's outcome (the "value" rung of the adoption ladder). */
    type: z.literal('feature_outcome'),
    featureId: DocIdSchema,
  }),
  z.strictObject({
    ...base,
    /** A prompt template was inserted into its target input. Only the template id: never the text. */
    type: z.literal('prompt_used'),
    templateId: DocIdSchema,
    /** True for this user's first use of the template, false for every re-use. */
    firstUse: z.boolean(),
  }),
  z.strictObject({
    ...base,
    /** Thumbs up or down given after a prompt template was used. */
    type: z.literal('prompt_rated'),
    templateId: DocIdSchema,
    rating: z.enum(['up', 'down']),
  }),
  z.strictObject({
    ...base,
    /** The micro-survey after a flow. The comment is present only when the user wrote one. */
    type: z.literal('survey_answered'),
    ...flowRef,
    score: z.number().int().min(1).max(5),
    comment: z.string().trim().min(1).max(1000).optional(),
  }),
  /** "This confused me", pressed on a step. */
  z.strictObject({ ...base, type: z.literal('step_confused'), ...stepRef }),
  z.strictObject({
    ...base,
    /** A piece of guidance other than a flow step was shown: a smart tip, a beacon, a checklist, a prompt helper. */
    type: z.literal('content_shown'),
    contentId: DocIdSchema,
    contentKind: z.enum(['tip', 'beacon', 'checklist', 'prompt_helper', 'survey', 'launcher']),
  }),
]);
export type WaymarkEvent = z.infer<typeof WaymarkEventSchema>;

/** An event as created, before the writer assigns its sequence number. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewEvent = DistributiveOmit<WaymarkEvent, 'id' | 'seq' | 'ts' | 'userId'>;
