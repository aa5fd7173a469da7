import { z } from 'zod';
import { ElementFingerprintSchema } from './fingerprint';
import { RichTextSchema } from './richText';
import { UrlPatternSchema } from './urlPattern';

/** The version of the flow and feature documents written today. Older versions are migrated on read. */
export const FLOW_SCHEMA_VERSION = 2;

/** Ids are short, URL-safe and stable across versions of a document. */
export const DocIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'use letters, digits, "-" and "_", starting with a letter or digit');

export const PlacementSchema = z.enum([
  'auto',
  'top',
  'bottom',
  'left',
  'right',
  'top-start',
  'top-end',
  'bottom-start',
  'bottom-end',
  'left-start',
  'left-end',
  'right-start',
  'right-end',
]);
export type Placement = z.infer<typeof PlacementSchema>;

/** How a step advances to the next one. */
export const AdvanceSchema = z.discriminatedUnion('kind', [
  /** The user presses Next. */
  z.strictObject({ kind: z.literal('next') }),
  /** The user clicks the step's target. */
  z.strictObject({ kind: z.literal('click') }),
  /** The user types into the step's target and commits it (change event: blur, Enter, or a choice). */
  z.strictObject({ kind: z.literal('input') }),
  /** Another element appears on the page. */
  z.strictObject({ kind: z.literal('elementAppears'), target: ElementFingerprintSchema }),
  /** The URL changes; to a URL matching `to` when given. */
  z.strictObject({ kind: z.literal('urlChanges'), to: UrlPatternSchema.optional() }),
]);
export type Advance = z.infer<typeof AdvanceSchema>;
export type AdvanceKind = Advance['kind'];

export const StepSchema = z.strictObject({
  id: DocIdSchema,
  /** The element the step points at. Without one the step is a centred card. */
  target: ElementFingerprintSchema.optional(),
  /** Where this step is shown; defaults to the flow's `match`. Lets one flow span several pages. */
  page: UrlPatternSchema.optional(),
  title: z.string().trim().min(1, 'a step needs a title').max(120),
  body: RichTextSchema,
  placement: PlacementSchema.default('auto'),
  advance: AdvanceSchema.default({ kind: 'next' }),
  skippable: z.boolean().default(true),
  /**
   * How long to wait for the target before recording `target_missing` and offering to skip.
   * @default 8000
   */
  timeoutMs: z.number().int().min(500).max(120_000).default(8000),
});
export type Step = z.infer<typeof StepSchema>;
export type StepInput = z.input<typeof StepSchema>;

/** The micro-survey after a flow: a score from 1 to 5 and an optional comment. */
export const FlowSurveySchema = z.strictObject({
  /** The question above the 1-5 score. */
  question: z.string().trim().min(1, 'a survey needs a question').max(200),
  /** Offer an optional comment box; a comment is stored only if the user writes one. @default true */
  allowComment: z.boolean().default(true),
});
export type FlowSurvey = z.infer<typeof FlowSurveySchema>;

export const FlowStartSchema = z.enum(['auto', 'launcher', 'manual']);
export type FlowStart = z.infer<typeof FlowStartSchema>;

export const FlowSchema = z
  .strictObject({
    schemaVersion: z.literal(FLOW_SCHEMA_VERSION),
    kind: z.literal('flow'),
    id: DocIdSchema,
    name: z.string().trim().min(1, 'a flow needs a name').max(200),
    description: z.string().max(2000).default(''),
    /** Incremented on every saved change. Events carry the version they were recorded against. */
    version: z.number().int().min(1),
    status: z.enum(['draft', 'published']),
    /** URL patterns of the pages where the flow applies. */
    match: z.array(UrlPatternSchema).min(1, 'a flow needs at least one URL pattern').max(50),
    /**
     * - `auto`: starts by itself on the user's first visit to a matching page;
     * - `launcher`: listed in the self-help launcher;
     * - `manual`: started by a link carrying `?waymark-flow=<id>` (or from the launcher).
     */
    start: FlowStartSchema,
    steps: z.array(StepSchema).min(1, 'a flow needs at least one step').max(100),
    /** Asked when the flow is completed. */
    survey: FlowSurveySchema.optional(),
    /**
     * The admin's estimate of how many minutes the task takes without guidance: insights compare it with
     * the measured task time (flow_started → flow_completed) to show the time saved. Optional.
     */
    baselineMinutes: z.number().min(0).max(10_000).optional(),
    updatedAt: z.iso.datetime(),
  })
  .superRefine((flow, ctx) => {
    const seen = new Map<string, number>();
    flow.steps.forEach((s, i) => {
      const first = seen.get(s.id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `duplicate step id "${s.id}" (also step ${first + 1})` });
      } else seen.set(s.id, i);
      if ((s.advance.kind === 'click' || s.advance.kind === 'input') && !s.target) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'advance'],
          message: `advancing on "${s.advance.kind}" needs a target`,
        });
      }
    });
  });
export type Flow = z.infer<typeof FlowSchema>;
export type FlowInput = z.input<typeof FlowSchema>;

/** A feature of the host app whose adoption admins want to see; each use yields `feature_used`. */
export const FeatureSchema = z.strictObject({
  schemaVersion: z.literal(FLOW_SCHEMA_VERSION),
  kind: z.literal('feature'),
  id: DocIdSchema,
  name: z.string().trim().min(1, 'a feature needs a name').max(200),
  match: z.array(UrlPatternSchema).min(1, 'a feature needs at least one URL pattern').max(50),
  target: ElementFingerprintSchema,
  /** What counts as a use: a click on the target, input into it, or submitting the form it belongs to. */
  use: z.enum(['click', 'input', 'submit']),
  updatedAt: z.iso.datetime(),
});
export type Feature = z.infer<typeof FeatureSchema>;
export type FeatureUse = Feature['use'];
