import { z } from 'zod';
import { ElementFingerprintSchema } from './fingerprint';
import { DocIdSchema, FLOW_SCHEMA_VERSION } from './flow';
import { TeamNameSchema } from './insights';
import { RichTextSchema } from './richText';
import { UrlPatternSchema } from './urlPattern';
import { PROMPT_VARIABLE } from '../rules/promptVariables';

/*
 * Guidance other than walkthroughs: prompt helpers, smart tips, beacons, checklists. Each is a document of
 * its own `kind`, stored, imported and exported beside flows and features, and validated on every read.
 * The micro-survey belongs to a flow (`FlowSchema.survey`, `FlowSurveySchema` in flow.ts), the launcher lists what applies to a page.
 */


/** Which visits to a matching page may show the content. */
export const VisitRuleSchema = z.discriminatedUnion('kind', [
  /** Every visit. */
  z.strictObject({ kind: z.literal('any') }),
  /** Only the user's first visit to a matching page. */
  z.strictObject({ kind: z.literal('first') }),
  /** From the N-th visit on (N = 2: not on the first visit, from the second on). */
  z.strictObject({ kind: z.literal('fromNth'), n: z.number().int().min(1).max(1000) }),
]);
export type VisitRule = z.infer<typeof VisitRuleSchema>;

/** How often content that pops up by itself may be shown to one user. */
export const FrequencySchema = z.discriminatedUnion('kind', [
  /** Whenever the other rules allow. */
  z.strictObject({ kind: z.literal('always') }),
  /** Once per user, ever. */
  z.strictObject({ kind: z.literal('once') }),
  /** At most once every `days` days. */
  z.strictObject({ kind: z.literal('everyNDays'), days: z.number().int().min(1).max(365) }),
]);
export type Frequency = z.infer<typeof FrequencySchema>;

/**
 * The targeting rules every piece of guidance shares. URL patterns are the document's `match`; these
 * narrow it. Content the user opens themselves (from the launcher, a hint icon) ignores visit and
 * frequency: those cap what pops up unasked.
 */
export const AudienceSchema = z.strictObject({
  /** Shown only while this element is on the page. */
  elementPresent: ElementFingerprintSchema.optional(),
  /** Shown only to users of these teams; absent or empty: everyone. */
  teams: z.array(TeamNameSchema).max(200).optional(),
  /** @default { kind: 'any' } */
  visit: VisitRuleSchema.default({ kind: 'any' }),
  /** @default { kind: 'always' } */
  frequency: FrequencySchema.default({ kind: 'always' }),
  /**
   * Higher first. Two pieces of content that pop up by themselves (an auto-started flow, a beacon, a
   * checklist opening itself) are never shown at once: the one with the highest priority wins, ties by id.
   * @default 50
   */
  priority: z.number().int().min(0).max(100).default(50),
});
export type Audience = z.infer<typeof AudienceSchema>;
export type AudienceInput = z.input<typeof AudienceSchema>;

const docBase = {
  schemaVersion: z.literal(FLOW_SCHEMA_VERSION),
  id: DocIdSchema,
  name: z.string().trim().min(1, 'a name is required').max(200),
  status: z.enum(['draft', 'published']),
  /** URL patterns of the pages where the content applies. */
  match: z.array(UrlPatternSchema).min(1, 'at least one URL pattern is required').max(50),
  audience: AudienceSchema.default({ visit: { kind: 'any' }, frequency: { kind: 'always' }, priority: 50 }),
  updatedAt: z.iso.datetime(),
};

// ---------------------------------------------------------------------------------------------------
// Prompt helpers

// The placeholder syntax lives in a zod-free module so that the content scripts can fill templates.
export { PROMPT_VARIABLE } from '../rules/promptVariables';

/** Where a template variable takes its value from, on the page, at the moment the user picks the template. */
export const PromptVariableSourceSchema = z.discriminatedUnion('kind', [
  /** The text (or the value, for a field) of an element located like any step target. */
  z.strictObject({ kind: z.literal('element'), target: ElementFingerprintSchema }),
  /** The text the user has selected on the page. */
  z.strictObject({ kind: z.literal('selection') }),
]);
export type PromptVariableSource = z.infer<typeof PromptVariableSourceSchema>;

export const PromptVariableSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower-case letters, digits and "_", starting with a letter').max(40),
  /** Shown to the user when the value could not be filled, so they know what to type. */
  label: z.string().trim().min(1, 'a variable needs a label').max(80),
  source: PromptVariableSourceSchema,
  /** Used when the source gives nothing (no selection, element not found). @default '' */
  fallback: z.string().max(500).default(''),
});
export type PromptVariable = z.infer<typeof PromptVariableSchema>;

export const PromptTemplateSchema = z
  .strictObject({
    ...docBase,
    kind: z.literal('prompt'),
    /** One line saying what the prompt is for, shown under its name in the helper. */
    description: z.string().max(300).default(''),
    /** The input the prompt is offered in and inserted into: the host app's AI assistant box. */
    target: ElementFingerprintSchema,
    /** The prompt text, with `{{variable}}` placeholders. Plain text, never HTML. */
    template: z.string().trim().min(1, 'a prompt needs its text').max(8000),
    variables: z.array(PromptVariableSchema).max(20).default([]),
  })
  .superRefine((p, ctx) => {
    const declared = new Map<string, number>();
    p.variables.forEach((v, i) => {
      if (declared.has(v.name)) ctx.addIssue({ code: 'custom', path: ['variables', i, 'name'], message: `duplicate variable "${v.name}"` });
      else declared.set(v.name, i);
    });
    const used = new Set<string>();
    for (const m of p.template.matchAll(PROMPT_VARIABLE)) {
      const name = m[1] as string;
      used.add(name);
      if (!declared.has(name)) ctx.addIssue({ code: 'custom', path: ['template'], message: `"{{${name}}}" is not a declared variable` });
    }
    declared.forEach((i, name) => {
      if (!used.has(name)) ctx.addIssue({ code: 'custom', path: ['variables', i, 'name'], message: `variable "${name}" is not used in the template` });
    });
  });
export type PromptTemplate = z.infer<typeof PromptTemplateSchema>;
export type PromptTemplateInput = z.input<typeof PromptTemplateSchema>;

// ---------------------------------------------------------------------------------------------------
// Smart tips

/** Rules checked on the field's value in the page; the value itself is never recorded or sent. */
export const TipValidationSchema = z
  .strictObject({
    required: z.boolean().default(false),
    /** A JavaScript regular expression (no slashes, no flags) the whole value must match. */
    pattern: z.string().min(1).max(500).optional(),
    maxLength: z.number().int().min(1).max(100_000).optional(),
    /** Said when the value breaks a rule. */
    message: z.string().trim().min(1, 'say what is wrong with the value').max(300),
  })
  .superRefine((v, ctx) => {
    if (v.pattern === undefined) return;
    try {
      new RegExp(v.pattern, 'u');
    } catch (e) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: `not a valid regular expression: ${e instanceof Error ? e.message : String(e)}` });
    }
  });
export type TipValidation = z.infer<typeof TipValidationSchema>;

/** A hint icon beside a field: guidance on hover and focus, and when the value breaks a rule. */
export const TipSchema = z.strictObject({
  ...docBase,
  kind: z.literal('tip'),
  target: ElementFingerprintSchema,
  title: z.string().trim().min(1, 'a tip needs a title').max(120),
  body: RichTextSchema,
  validation: TipValidationSchema.optional(),
});
export type Tip = z.infer<typeof TipSchema>;
export type TipInput = z.input<typeof TipSchema>;

// ---------------------------------------------------------------------------------------------------
// Beacons

/** A pulsing hotspot on a new feature, shown until the user first uses it. */
export const BeaconSchema = z.strictObject({
  ...docBase,
  kind: z.literal('beacon'),
  target: ElementFingerprintSchema,
  /** The tagged feature whose first use retires the beacon; without one, opening the beacon does. */
  featureId: DocIdSchema.optional(),
  title: z.string().trim().min(1, 'a beacon needs a title').max(120),
  body: RichTextSchema,
});
export type Beacon = z.infer<typeof BeaconSchema>;
export type BeaconInput = z.input<typeof BeaconSchema>;

// ---------------------------------------------------------------------------------------------------
// Checklists

/** What completes a checklist item: a real event, never a click on the item itself. */
export const ChecklistCompletionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('flowCompleted'), flowId: DocIdSchema }),
  z.strictObject({ kind: z.literal('featureUsed'), featureId: DocIdSchema }),
]);
export type ChecklistCompletion = z.infer<typeof ChecklistCompletionSchema>;

export const ChecklistItemSchema = z.strictObject({
  id: DocIdSchema,
  title: z.string().trim().min(1, 'an item needs a title').max(120),
  completeOn: ChecklistCompletionSchema,
  /** A flow the item starts when clicked, to show the user how. */
  startsFlow: DocIdSchema.optional(),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

/** An onboarding task list whose items complete on real events. */
export const ChecklistSchema = z
  .strictObject({
    ...docBase,
    kind: z.literal('checklist'),
    title: z.string().trim().min(1, 'a checklist needs a title').max(120),
    items: z.array(ChecklistItemSchema).min(1, 'a checklist needs at least one item').max(30),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.items.forEach((it, i) => {
      if (seen.has(it.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `duplicate item id "${it.id}"` });
      seen.add(it.id);
    });
  });
export type Checklist = z.infer<typeof ChecklistSchema>;
export type ChecklistInput = z.input<typeof ChecklistSchema>;

// ---------------------------------------------------------------------------------------------------

/** Every guidance document, by `kind`. */
export const GuidanceSchema = z.discriminatedUnion('kind', [PromptTemplateSchema, TipSchema, BeaconSchema, ChecklistSchema]);
export type Guidance = z.infer<typeof GuidanceSchema>;
export type GuidanceKind = Guidance['kind'];
export const GUIDANCE_KINDS = ['prompt', 'tip', 'beacon', 'checklist'] as const satisfies readonly GuidanceKind[];
