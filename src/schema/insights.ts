import { z } from 'zod';
import { DocIdSchema } from './flow';

/**
 * The insights API (`GET /v1/insights/*`, champion and admin) and the team administration routes
 * (`/v1/admin/teams`, `/v1/admin/insights/settings`, admin). Shared by the server, which validates every
 * answer against these, and the options page, which reads them.
 *
 * Conventions:
 * - Days are UTC calendar days (`YYYY-MM-DD`); `from` and `to` are both inclusive.
 * - Counts of people are distinct pseudonymous user ids. Nothing here ever names or lists a person.
 * - A rate is a fraction in [0, 1] (never a percentage), or null when its denominator is 0.
 * - Durations are milliseconds; percentiles are nearest-rank (PostgreSQL `percentile_disc`).
 * - Privacy: a scope (the tenant, or one team) with fewer active users than the tenant's minimum group
 *   size answers `{ suppressed: true }` and no numbers; a statistic of how long or how satisfied
 *   people were (median, p90, mean, distribution) computed from fewer than that many people is null.
 *   In the per-team breakdown, small teams are suppressed, and more teams with them (complementary
 *   suppression) so that no small team can be worked out by subtracting the others from the total.
 */

/** The smallest minimum group size a tenant may set: suppression can be made stricter, never weaker. */
export const MIN_GROUP_SIZE_FLOOR = 5;
/** The minimum group size of a tenant that did not set one. */
export const DEFAULT_MIN_GROUP_SIZE = 5;
/** The longest date range one query may cover. */
export const MAX_RANGE_DAYS = 366;

/**
 * The 30-day habit: used the feature in at least `HABIT_MIN_ACTIVE_WEEKS` of the `HABIT_WEEKS` seven-day
 * periods that end on the range's last day (`to`), i.e. the 28 days up to and including `to`.
 */
export const HABIT_WEEKS = 4;
export const HABIT_MIN_ACTIVE_WEEKS = 3;
export const HABIT_DEFINITION =
  `Habit: used the feature in at least ${HABIT_MIN_ACTIVE_WEEKS} of the last ${HABIT_WEEKS} weeks ` +
  `(the ${HABIT_WEEKS * 7} days up to and including the last day of the range, in ${HABIT_WEEKS} periods of 7 days).`;

/** A team label, as the sync settings and policy define it (`team` in `src/schema/config.ts`). */
export const TeamNameSchema = z.string().trim().min(1, 'a team name must not be empty').max(64);
export type TeamName = z.infer<typeof TeamNameSchema>;

export const IsoDaySchema = z.iso.date({ error: 'must be a date like 2026-01-31' });
export type IsoDay = z.infer<typeof IsoDaySchema>;

const DAY_MS = 86_400_000;
/** Milliseconds since the epoch of the start (00:00 UTC) of `day`. */
export const dayStartMs = (day: string): number => Date.parse(`${day}T00:00:00.000Z`);
/** The UTC day of `ms`. */
export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
/** The Monday (UTC) of the ISO week containing `day`. */
export function weekStartOf(day: string): string {
  const ms = dayStartMs(day);
  const dow = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return dayOf(ms - dow * DAY_MS);
}

const rangeFields = {
  from: IsoDaySchema,
  to: IsoDaySchema,
  /** Only the users of this team. Absent: the whole tenant. */
  team: TeamNameSchema.optional(),
};

function checkRange(q: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const days = (dayStartMs(q.to) - dayStartMs(q.from)) / DAY_MS + 1;
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: '"to" must not be before "from"' });
  else if (days > MAX_RANGE_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `a range may cover at most ${MAX_RANGE_DAYS} days` });
}

/** The query string of every insights route. Unknown parameters are stripped. */
export const InsightsQuerySchema = z.object(rangeFields).superRefine(checkRange);
export type InsightsQuery = z.infer<typeof InsightsQuerySchema>;

/** `GET /v1/insights/flows`: `flowId` narrows the answer to one flow. */
export const FlowInsightsQuerySchema = z.object({ ...rangeFields, flowId: DocIdSchema.optional() }).superRefine(checkRange);
export type FlowInsightsQuery = z.infer<typeof FlowInsightsQuerySchema>;

/** `GET /v1/insights/features`: `featureId` narrows the answer to one feature. */
export const FeatureInsightsQuerySchema = z.object({ ...rangeFields, featureId: DocIdSchema.optional() }).superRefine(checkRange);
export type FeatureInsightsQuery = z.infer<typeof FeatureInsightsQuerySchema>;

/** `GET /v1/insights/prompts`: `templateId` narrows the answer to one prompt template. */
export const PromptInsightsQuerySchema = z.object({ ...rangeFields, templateId: DocIdSchema.optional() }).superRefine(checkRange);
export type PromptInsightsQuery = z.infer<typeof PromptInsightsQuerySchema>;

/** `GET /v1/insights/teams`: the breakdown is always over every team, so there is no `team`. */
export const TeamInsightsQuerySchema = z
  .object({ from: IsoDaySchema, to: IsoDaySchema, flowId: DocIdSchema.optional(), featureId: DocIdSchema.optional() })
  .superRefine(checkRange);
export type TeamInsightsQuery = z.infer<typeof TeamInsightsQuerySchema>;

const count = z.number().int().min(0);
const rate = z.number().min(0).max(1).nullable();
const ms = z.number().min(0).nullable();

/** Who the numbers are about. */
export const InsightsScopeSchema = z.object({
  from: IsoDaySchema,
  to: IsoDaySchema,
  /** null: the whole tenant. */
  team: TeamNameSchema.nullable(),
  /** The tenant's minimum group size (≥ 5). */
  minGroupSize: z.number().int().min(MIN_GROUP_SIZE_FLOOR),
  /** Distinct users with any event in the range (in the team, when one is chosen); null when suppressed. */
  activeUsers: count.nullable(),
});
export type InsightsScope = z.infer<typeof InsightsScopeSchema>;

/** The answer when the scope is too small to show, or would let a small team be derived. */
const suppressedShape = {
  suppressed: z.literal(true),
  scope: InsightsScopeSchema,
  /** Why, in words a champion can act on. */
  reason: z.string(),
};

/** A response whose numbers may be withheld as a whole: `suppressed` tells which shape it is. */
function suppressible<T extends z.ZodRawShape>(shape: T) {
  return z.discriminatedUnion('suppressed', [
    z.object({ suppressed: z.literal(false), scope: InsightsScopeSchema, ...shape }),
    z.object(suppressedShape),
  ]);
}

export const WeekPointSchema = z.object({
  /** The Monday (UTC) of the ISO week. Only the days of the week inside the range count. */
  weekStart: IsoDaySchema,
  value: count,
});
export type WeekPoint = z.infer<typeof WeekPointSchema>;

// ---------------------------------------------------------------------------------------------------
// GET /v1/insights/overview

export const OverviewSchema = z.object({
  /** Distinct users who started any flow in the range. */
  flowStartedUsers: count,
  /** Distinct users who completed any flow in the range. */
  flowCompletedUsers: count,
  /** Distinct users who used any feature in the range. */
  featureUsers: count,
  /** `prompt_used` events in the range. */
  promptUses: count,
  /** `survey_answered` events in the range. */
  surveyAnswers: count,
  /** Mean survey score over every answer; null below the minimum group size of respondents. */
  meanSurveyScore: z.number().min(1).max(5).nullable(),
  /** The sum of `timeSaved.savedMinutesTotal` over flows that have a baseline and a value. */
  savedMinutesTotal: z.number().nullable(),
  /** Distinct active users per ISO week. */
  weeklyActiveUsers: z.array(WeekPointSchema),
});
export type Overview = z.infer<typeof OverviewSchema>;

export const OverviewResponseSchema = suppressible({ overview: OverviewSchema });
export type OverviewResponse = z.infer<typeof OverviewResponseSchema>;

// ---------------------------------------------------------------------------------------------------
// GET /v1/insights/flows

export const StepInsightSchema = z.object({
  stepId: DocIdSchema,
  /** Position in the flow's latest published version (0-based). */
  index: z.number().int().min(0),
  /** The step's title in that version; null when the server has no document for the flow. */
  title: z.string().nullable(),
  /** Distinct users shown this step (`step_shown`). */
  reached: count,
  /** Users who reached this step but not the next one (for the last step: not `flow_completed`); never negative. */
  dropped: count,
  /** dropped / reached. */
  dropRate: rate,
  /**
   * Time on the step, per user: their first `step_completed` of it minus their first `step_shown` of it
   * (in the range; only when not negative). Median and p90 over those users; null below the minimum group size.
   */
  timedUsers: count,
  medianMs: ms,
  p90Ms: ms,
  /** `step_shown` events (not users): the denominator of the missing rate. */
  shownEvents: count,
  /** `target_missing` events. */
  missingEvents: count,
  /** missingEvents / shownEvents: high after a host-app release broke the step's target. */
  missingRate: rate,
  /** `step_confused` events ("this confused me"). */
  confusedEvents: count,
});
export type StepInsight = z.infer<typeof StepInsightSchema>;

export const TimeSavedSchema = z.object({
  /** The admin's estimate of the task's duration without guidance (`baselineMinutes` on the flow); null when unset. */
  baselineMinutes: z.number().min(0).nullable(),
  /** `flow_completed` events in the range. */
  completedRuns: count,
  /**
   * Task time with guidance, per user: their first `flow_completed` minus their first `flow_started` in the
   * range (only when not negative). Median and p90 over those users; null below the minimum group size.
   */
  timedUsers: count,
  medianTaskMs: ms,
  p90TaskMs: ms,
  /** baselineMinutes − medianTaskMs in minutes; null without a baseline or a median. May be negative. */
  savedMinutesPerTask: z.number().nullable(),
  /** savedMinutesPerTask × completedRuns. */
  savedMinutesTotal: z.number().nullable(),
});
export type TimeSaved = z.infer<typeof TimeSavedSchema>;

export const SatisfactionSchema = z.object({
  /** `survey_answered` events in the range. */
  answers: count,
  /** Distinct users who answered. */
  respondents: count,
  /** Mean score (1–5) over every answer; null below the minimum group size of respondents. */
  meanScore: z.number().min(1).max(5).nullable(),
  /** Answers per score, index 0 = score 1 … index 4 = score 5; null below the minimum group size of respondents. */
  distribution: z.array(count).length(5).nullable(),
  /** respondents / distinct users who completed the flow, capped at 1 (a survey can be answered without a completion in the range). */
  responseRate: rate,
});
export type Satisfaction = z.infer<typeof SatisfactionSchema>;

export const FlowInsightSchema = z.object({
  flowId: DocIdSchema,
  /** From the latest published version; null when the server has no document for the flow. */
  name: z.string().nullable(),
  latestVersion: z.number().int().min(1).nullable(),
  /** Distinct users with `flow_started`. */
  started: count,
  /** Distinct users with `flow_completed`. */
  completed: count,
  /** completed / started. */
  completionRate: rate,
  /** Distinct users with `flow_dismissed`. */
  dismissed: count,
  /** dismissed / started. */
  dismissRate: rate,
  /** The flow's steps in order, as in its latest published version (else as the events number them). */
  steps: z.array(StepInsightSchema),
  /** The step losing the most users (ties: the earliest); null when no step loses anyone. */
  dropOffStepId: DocIdSchema.nullable(),
  timeSaved: TimeSavedSchema,
  satisfaction: SatisfactionSchema,
  /** Distinct users who started, and who completed, per ISO week. */
  weeklyStarted: z.array(WeekPointSchema),
  weeklyCompleted: z.array(WeekPointSchema),
});
export type FlowInsight = z.infer<typeof FlowInsightSchema>;

/** Flows with any event in the range (or the one asked for, even without events), sorted by id. */
export const FlowInsightsResponseSchema = suppressible({ flows: z.array(FlowInsightSchema) });
export type FlowInsightsResponse = z.infer<typeof FlowInsightsResponseSchema>;

// ---------------------------------------------------------------------------------------------------
// GET /v1/insights/features

export const AdoptionLadderSchema = z.object({
  /** Activation: distinct users who used the feature at least once in the range. */
  touched: count,
  /** Adoption: of those, users who used it at least twice in the range. */
  repeated: count,
  /** Value: of those, users who also reached the feature's outcome (`feature_outcome`) in the range. */
  withOutcome: count,
});
export type AdoptionLadder = z.infer<typeof AdoptionLadderSchema>;

export const HabitSchema = z.object({
  /** The definition, in words, for the UI to show. */
  definition: z.string(),
  /** The habit window: the 28 days ending on `to`. */
  windowFrom: IsoDaySchema,
  windowTo: IsoDaySchema,
  /** Distinct users who used the feature in the window. */
  activeUsers: count,
  /** Of those, users active in at least 3 of its 4 weeks. */
  habitualUsers: count,
  /** habitualUsers / activeUsers. */
  habitRate: rate,
});
export type Habit = z.infer<typeof HabitSchema>;

export const FeatureInsightSchema = z.object({
  featureId: DocIdSchema,
  /** `feature_used` events in the range. */
  uses: count,
  /** Distinct users with a use in the range (= ladder.touched). */
  users: count,
  /** Users whose first use ever (the earliest `feature_used` the collector holds) falls in the range. */
  firstUsers: count,
  /** Users with at least two uses in the range (= ladder.repeated). */
  repeatUsers: count,
  /**
   * Time from first exposure (`feature_seen`) to first use, per user whose first use falls in the range
   * and who was exposed no later than that. Median and p90; null below the minimum group size.
   */
  timeToFirstUse: z.object({ users: count, medianMs: ms, p90Ms: ms }),
  ladder: AdoptionLadderSchema,
  habit: HabitSchema,
  /** Distinct users per ISO week. */
  weeklyActiveUsers: z.array(WeekPointSchema),
});
export type FeatureInsight = z.infer<typeof FeatureInsightSchema>;

/** Features with any event in the range (or the one asked for), sorted by id. */
export const FeatureInsightsResponseSchema = suppressible({
  habitDefinition: z.string(),
  features: z.array(FeatureInsightSchema),
});
export type FeatureInsightsResponse = z.infer<typeof FeatureInsightsResponseSchema>;

// ---------------------------------------------------------------------------------------------------
// GET /v1/insights/prompts

export const PromptInsightSchema = z.object({
  templateId: DocIdSchema,
  /** `prompt_used` events in the range. */
  uses: count,
  /** Distinct users with a use. */
  users: count,
  /** uses − users: the uses beyond each user's first in the range. */
  reuses: count,
  /** Users with at least two uses. */
  reusers: count,
  /** `prompt_rated` events, by rating. */
  thumbsUp: count,
  thumbsDown: count,
});
export type PromptInsight = z.infer<typeof PromptInsightSchema>;

export const PromptInsightsResponseSchema = suppressible({ prompts: z.array(PromptInsightSchema) });
export type PromptInsightsResponse = z.infer<typeof PromptInsightsResponseSchema>;

// ---------------------------------------------------------------------------------------------------
// GET /v1/insights/stuck

/** The most steps the stuck list holds. */
export const STUCK_LIST_MAX = 10;

export const STUCK_ACTIONS = ['edit_step', 'reach_team'] as const;
export const StuckActionSchema = z.enum(STUCK_ACTIONS);
export type StuckAction = z.infer<typeof StuckActionSchema>;

export const StuckItemSchema = z.object({
  flowId: DocIdSchema,
  flowName: z.string().nullable(),
  stepId: DocIdSchema,
  stepIndex: z.number().int().min(0),
  stepTitle: z.string().nullable(),
  /** Which rate put the step on the list: the higher of the two. */
  reason: z.enum(['drop_off', 'target_missing']),
  /** max(dropRate, missingRate). */
  rate: z.number().min(0).max(1),
  reached: count,
  dropRate: rate,
  missingRate: rate,
  /**
   * `edit_step` when the target goes missing (a host-app release probably moved it: re-pick it);
   * `reach_team` when people see the step and give up (explain the task to them, or ask them why).
   */
  action: StuckActionSchema,
  /** The action, in a sentence. */
  advice: z.string(),
});
export type StuckItem = z.infer<typeof StuckItemSchema>;

/**
 * Steps reached by at least the minimum group size, with a drop or missing rate above zero, highest
 * rate first (ties: flow id, then step index), at most `STUCK_LIST_MAX`.
 */
export const StuckResponseSchema = suppressible({ items: z.array(StuckItemSchema) });
export type StuckResponse = z.infer<typeof StuckResponseSchema>;

// ---------------------------------------------------------------------------------------------------
// GET /v1/insights/teams: a breakdown by team (never by person)

export const TeamMetricsSchema = z.object({
  /** Distinct users with any event in the range. */
  activeUsers: count,
  /** Distinct users who started a flow (`flowId`, when given). */
  flowStartedUsers: count,
  /** Distinct users who completed a flow (`flowId`, when given). */
  flowCompletedUsers: count,
  /** Distinct users who used a feature (`featureId`, when given). */
  featureUsers: count,
});
export type TeamMetrics = z.infer<typeof TeamMetricsSchema>;

export const TeamRowSchema = z.discriminatedUnion('suppressed', [
  z.object({ team: TeamNameSchema.nullable(), suppressed: z.literal(false), metrics: TeamMetricsSchema }),
  z.object({
    /** null: users with no team. */
    team: TeamNameSchema.nullable(),
    suppressed: z.literal(true),
    /** `small`: fewer active users than the minimum; `complementary`: withheld so that a small team cannot be derived. */
    why: z.enum(['small', 'complementary']),
  }),
]);
export type TeamRow = z.infer<typeof TeamRowSchema>;

/** Every team with an active user in the range, plus the no-team row when it has any; sorted by team (no team last). */
export const TeamInsightsResponseSchema = suppressible({ total: TeamMetricsSchema, teams: z.array(TeamRowSchema) });
export type TeamInsightsResponse = z.infer<typeof TeamInsightsResponseSchema>;

// ---------------------------------------------------------------------------------------------------
// Admin: teams and settings

/** One user's team as set by an admin; `team: null` removes the admin's mapping (the reported team applies again). */
export const TeamAssignmentSchema = z.object({ userId: z.string().min(1).max(128), team: TeamNameSchema.nullable() });
export type TeamAssignment = z.infer<typeof TeamAssignmentSchema>;

export const TEAM_ASSIGNMENTS_MAX = 1000;

/** POST /v1/admin/teams: an admin's mapping wins over the team the extension reports. */
export const TeamAssignmentRequestSchema = z.object({
  assignments: z.array(TeamAssignmentSchema).min(1).max(TEAM_ASSIGNMENTS_MAX, `at most ${TEAM_ASSIGNMENTS_MAX} assignments per request`),
});
export type TeamAssignmentRequest = z.infer<typeof TeamAssignmentRequestSchema>;

export const TeamAssignmentResponseSchema = z.object({ updated: count });
export type TeamAssignmentResponse = z.infer<typeof TeamAssignmentResponseSchema>;

/** GET /v1/admin/teams: each team's size (its members' ids are never listed), sorted by team. */
export const AdminTeamListResponseSchema = z.object({
  minGroupSize: z.number().int().min(MIN_GROUP_SIZE_FLOOR),
  teams: z.array(
    z.object({
      team: TeamNameSchema,
      /** Users whose effective team this is. */
      members: count,
      /** Of those, how many an admin mapped (the rest reported it through their extension's policy). */
      mappedByAdmin: count,
    }),
  ),
  /** Users with events but no team. */
  unassigned: count,
});
export type AdminTeamListResponse = z.infer<typeof AdminTeamListResponseSchema>;

/** POST /v1/admin/insights/settings (and its answer). */
export const InsightsSettingsSchema = z.object({
  minGroupSize: z
    .number()
    .int()
    .min(MIN_GROUP_SIZE_FLOOR, `the minimum group size cannot be below ${MIN_GROUP_SIZE_FLOOR}`)
    .max(1000),
});
export type InsightsSettings = z.infer<typeof InsightsSettingsSchema>;
