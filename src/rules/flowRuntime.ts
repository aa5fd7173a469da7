import type { NewEvent } from '../schema/event';
import type { Flow, Step } from '../schema/flow';
import type { Progress } from './progress';
import { matchAny, matchUrl } from './urlPattern';

/** The query parameter that starts a flow by link: `?waymark-flow=<flow id>`. */
export const START_PARAM = 'waymark-flow';

export type Decision = { kind: 'resume'; flow: Flow; progress: Progress } | { kind: 'start'; flow: Flow } | null;

/** The flow a `?waymark-flow=<id>` link asks for, if any. */
export function requestedFlow(url: string): string | null {
  try {
    return new URL(url).searchParams.get(START_PARAM);
  } catch {
    return null;
  }
}

/** Where a step is shown: its own page pattern, else the flow's patterns. */
export function stepOnPage(flow: Flow, step: Step, url: string): boolean {
  return step.page ? matchUrl(step.page, url) : matchAny(flow.match, url);
}

/** Does any part of the flow (its patterns or a step's page) apply to this URL? */
export function flowTouches(flow: Flow, url: string): boolean {
  return matchAny(flow.match, url) || flow.steps.some((s) => s.page !== undefined && matchUrl(s.page, url));
}

/**
 * After a run ends (completed or closed), no flow starts by itself for this long: a user who just
 * finished one guide, or closed it, gets on with the work before the next one asks for attention.
 * Flows the user asks for (a link, the launcher, a checklist) are not held back.
 */
export const AUTO_FLOW_QUIET_MS = 10 * 60_000;

/**
 * Which flow, if any, the user should see on `url`. One flow at a time: an active run is resumed
 * wherever its flow applies; otherwise a flow requested by link starts (even if seen before: the user
 * asked for it), when `linkStart` says this request follows the page load or navigation to that link;
 * otherwise the first published `auto` flow the user has never started starts, on a page where its
 * first step is shown (so it does not start unseen on another page of the app), and not within
 * `AUTO_FLOW_QUIET_MS` after a run ended (`opts.now`). A dismissed or completed flow never starts by
 * itself again.
 */
export function decideSession(
  flows: readonly Flow[],
  progress: readonly Progress[],
  url: string,
  opts: { linkStart?: boolean; now?: number } = {},
): Decision {
  const byId = new Map(flows.filter((f) => f.status === 'published').map((f) => [f.id, f]));
  const active = progress
    .filter((p) => p.status === 'active' && byId.has(p.flowId))
    .sort((a, b) => b.updatedAt - a.updatedAt);
  const requested = opts.linkStart ? requestedFlow(url) : null;
  const req = requested ? byId.get(requested) : undefined;
  if (req && flowTouches(req, url)) {
    const current = active.find((p) => p.flowId === req.id);
    return current ? { kind: 'resume', flow: req, progress: current } : { kind: 'start', flow: req };
  }
  for (const p of active) {
    const flow = byId.get(p.flowId);
    if (flow && flowTouches(flow, url)) return { kind: 'resume', flow, progress: p };
  }
  if (active.length > 0) return null;
  const now = opts.now;
  // An end stamped after `now` is a clock that moved back: it does not hold flows back.
  if (now !== undefined && progress.some((p) => p.status !== 'active' && p.updatedAt <= now && now - p.updatedAt < AUTO_FLOW_QUIET_MS)) return null;
  const seen = new Set(progress.map((p) => p.flowId));
  const auto = [...byId.values()]
    .filter((f) => f.start === 'auto' && !seen.has(f.id) && stepOnPage(f, f.steps[0] as Step, url))
    .sort((a, b) => a.name.localeCompare(b.name));
  return auto[0] ? { kind: 'start', flow: auto[0] } : null;
}

export function startRun(flow: Flow, runId: string, now: number): { progress: Progress; events: NewEvent[] } {
  const first = flow.steps[0] as Step;
  return {
    progress: {
      flowId: flow.id,
      flowVersion: flow.version,
      runId,
      status: 'active',
      stepIndex: 0,
      stepId: first.id,
      rev: 1,
      shown: [],
      missing: [],
      startedAt: now,
      updatedAt: now,
    },
    events: [{ type: 'flow_started', flowId: flow.id, flowVersion: flow.version }],
  };
}

/**
 * Brings a run onto the flow's current version: the run stays on the same step (by id) when it still
 * exists, else on the nearest index.
 */
export function alignToVersion(flow: Flow, p: Progress): Progress {
  if (p.flowVersion === flow.version && flow.steps[p.stepIndex]?.id === p.stepId) return p;
  const byId = flow.steps.findIndex((s) => s.id === p.stepId);
  const stepIndex = byId >= 0 ? byId : Math.min(p.stepIndex, flow.steps.length - 1);
  return { ...p, flowVersion: flow.version, stepIndex, stepId: (flow.steps[stepIndex] as Step).id, shown: [], missing: [] };
}

const stepRef = (flow: Flow, p: Progress) => ({
  flowId: flow.id,
  flowVersion: flow.version,
  stepId: p.stepId,
  stepIndex: p.stepIndex,
});

export type Move = 'next' | 'back' | 'skip';

/**
 * Moves a run. Idempotent: a move from a step the run has already left (a retried or duplicated
 * message) changes nothing and records nothing.
 */
export function move(flow: Flow, p: Progress, fromStepIndex: number, to: Move, now: number): { progress: Progress; events: NewEvent[] } {
  if (p.status !== 'active' || p.stepIndex !== fromStepIndex) return { progress: p, events: [] };
  if (to === 'back') {
    if (p.stepIndex === 0) return { progress: p, events: [] };
    const i = p.stepIndex - 1;
    return { progress: { ...p, stepIndex: i, stepId: (flow.steps[i] as Step).id, rev: p.rev + 1, updatedAt: now }, events: [] };
  }
  const events: NewEvent[] = [{ type: to === 'skip' ? 'step_skipped' : 'step_completed', ...stepRef(flow, p) }];
  const i = p.stepIndex + 1;
  if (i >= flow.steps.length) {
    events.push({ type: 'flow_completed', flowId: flow.id, flowVersion: flow.version });
    return { progress: { ...p, status: 'completed', rev: p.rev + 1, updatedAt: now }, events };
  }
  return { progress: { ...p, stepIndex: i, stepId: (flow.steps[i] as Step).id, rev: p.rev + 1, updatedAt: now }, events };
}

export function dismiss(flow: Flow, p: Progress, stepIndex: number, now: number): { progress: Progress; events: NewEvent[] } {
  if (p.status !== 'active' || p.stepIndex !== stepIndex) return { progress: p, events: [] };
  return {
    progress: { ...p, status: 'dismissed', rev: p.rev + 1, updatedAt: now },
    events: [{ type: 'flow_dismissed', ...stepRef(flow, p) }],
  };
}

/** Records that the current step was shown: once per step per run. */
export function markShown(flow: Flow, p: Progress, stepIndex: number, now: number): { progress: Progress; events: NewEvent[] } {
  if (p.status !== 'active' || p.stepIndex !== stepIndex || p.shown.includes(stepIndex)) return { progress: p, events: [] };
  return {
    progress: { ...p, shown: [...p.shown, stepIndex], updatedAt: now },
    events: [{ type: 'step_shown', ...stepRef(flow, p) }],
  };
}

/** Records that the current step's target could not be found (or not told apart): once per step per run. */
export function markMissing(
  flow: Flow,
  p: Progress,
  stepIndex: number,
  waitedMs: number,
  confidence: number | undefined,
  now: number,
  ambiguous = false,
): { progress: Progress; events: NewEvent[] } {
  if (p.status !== 'active' || p.stepIndex !== stepIndex || p.missing.includes(stepIndex)) return { progress: p, events: [] };
  return {
    progress: { ...p, missing: [...p.missing, stepIndex], updatedAt: now },
    events: [{ type: ambiguous ? 'target_ambiguous' : 'target_missing', ...stepRef(flow, p), waitedMs, ...(confidence !== undefined ? { confidence } : {}) }],
  };
}
