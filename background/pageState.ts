import { z } from 'zod';
import type { PageState, SessionView } from '../src/messages/protocol';
import type { NewEvent } from '../src/schema/event';
import type { Flow, Step } from '../src/schema/flow';
import { contentKey, emptyContentState, noteVisit, type ContentState } from '../src/rules/contentState';
import { alignToVersion, decideSession, requestedFlow, startRun, stepOnPage } from '../src/rules/flowRuntime';
import { launcherGuides } from '../src/rules/launcherGuides';
import { pendingSurvey } from '../src/rules/pendingSurvey';
import { arbitratePopups, SURVEY_PRIORITY, type FlowSide } from '../src/rules/pickPopup';
import { guidanceTargets, planGuidance } from '../src/rules/planGuidance';
import { ProgressSchema, type Progress } from '../src/rules/progress';
import { matchAny } from '../src/rules/urlPattern';
import { readContentStates } from './contentStates';
import type { Docs } from './docs';
import type { UnitContext, WriteTx } from './writer';

/** What the request tells about the page and the user, beyond its URL. */
export interface PageContext {
  /** A new page view (page load or SPA navigation): counts a visit, and lets a `?waymark-flow=` link start. */
  linkStart?: boolean;
  /** Ids whose presence checks passed on the page. */
  present?: readonly string[];
  /** The user's team, from the sync settings or the managed policy. */
  team?: string | undefined;
  /** A flow the user asked to start (launcher, checklist). */
  startFlow?: string;
  /**
   * Whether the page has looked for the checked elements. Only the bootstrap's request after a page load
   * says no: every other request comes from an overlay that has been on the page for a while.
   * @default true
   */
  settled?: boolean;
}

export const LAUNCHER_POSITION_KEY = 'launcherPosition';
const LauncherPositionSchema = z.strictObject({ x: z.number().finite().min(0), y: z.number().finite().min(0) });

/** Reads every run from storage, validating each; a damaged record is skipped, not trusted. */
export async function readProgress(tx: WriteTx): Promise<Progress[]> {
  const raw = await tx.objectStore('progress').getAll();
  const out: Progress[] = [];
  for (const r of raw) {
    const p = ProgressSchema.safeParse(r);
    if (p.success) out.push(p.data);
    else console.warn('waymark: skipped an invalid progress record', p.error.issues);
  }
  return out;
}

export function writeProgress(tx: WriteTx, p: Progress): void {
  void tx.objectStore('progress').put(p, p.flowId);
}

export function sessionView(flow: Flow, p: Progress, url: string): SessionView {
  const step = flow.steps[p.stepIndex] as Step;
  return {
    runId: p.runId,
    flowId: flow.id,
    flowName: flow.name,
    flowVersion: flow.version,
    stepIndex: p.stepIndex,
    stepCount: flow.steps.length,
    rev: p.rev,
    step,
    onPage: stepOnPage(flow, step, url),
  };
}

/**
 * What a page should show, computed inside a write unit: starting a flow (and recording
 * `flow_started`), moving a run onto a new flow version, and counting a visit happen in the same
 * transaction. At most one thing pops up (`arbitratePopups`): a flow on screen keeps the page, and an
 * auto-starting flow starts only when nothing of a higher priority would pop up instead.
 */
export async function computePageState(ctx: UnitContext, docs: Docs, url: string, page: PageContext = {}): Promise<PageState> {
  const progress = await readProgress(ctx.tx);
  const states = await readContentStates(ctx.tx);
  if (page.linkStart) countVisits(ctx, docs, url, page.team, states);

  const completed = new Set(progress.filter((p) => p.status === 'completed').map((p) => p.flowId));
  for (const s of states.values()) if (s.key.startsWith('flow:') && s.used > 0) completed.add(s.key.slice(5));
  // A record with no use yet was written by an exposure (`feature_seen`): seen is not used.
  const used = new Set((await ctx.tx.objectStore('featureUse').getAll()).filter((r) => r.count > 0).map((r) => r.featureId));
  const plan = planGuidance(docs.guidance, {
    url,
    team: page.team,
    now: ctx.now,
    present: new Set(page.present ?? []),
    states,
    achievements: { flowsCompleted: completed, featuresUsed: used },
  });
  for (const item of plan.items) {
    if (item.doc.kind !== 'checklist') continue;
    item.startable = item.doc.items
      .filter((it) => {
        const f = it.startsFlow === undefined ? undefined : docs.flows.find((x) => x.id === it.startsFlow && x.status === 'published');
        return f !== undefined && stepOnPage(f, f.steps[0] as Step, url);
      })
      .map((it) => it.id);
  }
  const survey = pendingSurvey(docs.flows, progress, states, url, ctx.now);
  const candidates = survey ? [...plan.candidates, { kind: 'survey' as const, id: survey.flowId, priority: SURVEY_PRIORITY }] : plan.candidates;

  const asked = page.startFlow ? docs.flows.find((f) => f.id === page.startFlow && f.status === 'published') : undefined;
  const decision = asked
    ? ({ kind: 'start', flow: asked } as const)
    : decideSession(docs.flows, progress, url, { linkStart: page.linkStart ?? false, now: ctx.now });
  let session: SessionView | null = null;
  let side: FlowSide = { kind: 'none' };
  if (decision?.kind === 'resume') {
    let p = alignToVersion(decision.flow, decision.progress);
    if (p !== decision.progress) {
      p = { ...p, rev: p.rev + 1, updatedAt: ctx.now };
      writeProgress(ctx.tx, p);
    }
    session = sessionView(decision.flow, p, url);
    if (session.onPage) side = { kind: 'shown', flowId: decision.flow.id };
  } else if (decision?.kind === 'start') {
    const byUser = asked !== undefined || (page.linkStart === true && requestedFlow(url) === decision.flow.id);
    side = byUser ? { kind: 'shown', flowId: decision.flow.id } : { kind: 'auto', flowId: decision.flow.id };
  }
  const { popup, startAuto } = arbitratePopups(side, candidates, { pending: plan.pending, settled: page.settled ?? true });
  if (decision?.kind === 'start' && (side.kind === 'shown' || startAuto)) {
    const { progress: p, events } = startRun(decision.flow, crypto.randomUUID(), ctx.now);
    writeProgress(ctx.tx, p);
    events.forEach(ctx.emit);
    session = sessionView(decision.flow, p, url);
  }

  const here = docs.features.filter((f) => matchAny(f.match, url));
  const known = here.length === 0 ? [] : await ctx.tx.objectStore('featureUse').getAll();
  const seen = new Set(known.filter((r) => r.firstSeenAt !== undefined || r.count > 0).map((r) => r.featureId));
  const features = here.map((f) => ({ id: f.id, target: f.target, use: f.use, seen: seen.has(f.id) }));
  const pos = LauncherPositionSchema.safeParse(await ctx.tx.objectStore('meta').get(LAUNCHER_POSITION_KEY));
  return {
    session,
    features,
    guidance: {
      items: plan.items,
      checks: plan.checks,
      popup,
      survey: popup?.kind === 'survey' ? survey : null,
      guides: launcherGuides(docs.flows, url),
      launcher: pos.success ? pos.data : null,
    },
  };
}

/** Counts a page view for every published document that applies to the page and the user. */
function countVisits(ctx: UnitContext, docs: Docs, url: string, team: string | undefined, states: Map<string, ContentState>): void {
  for (const doc of docs.guidance) {
    if (!guidanceTargets(doc, url, team)) continue;
    const key = contentKey(doc.kind, doc.id);
    const next = noteVisit(states.get(key) ?? emptyContentState(key), ctx.now);
    states.set(key, next);
    void ctx.tx.objectStore('contentState').put(next, key);
  }
}

/** Finds the run a message refers to, with its flow. */
export async function findRun(ctx: UnitContext, docs: Docs, runId: string): Promise<{ flow: Flow; progress: Progress } | null> {
  const all = await readProgress(ctx.tx);
  const p = all.find((x) => x.runId === runId);
  if (!p) return null;
  const flow = docs.flows.find((f) => f.id === p.flowId && f.status === 'published');
  if (!flow) return null;
  return { flow, progress: alignToVersion(flow, p) };
}

/** What a run transition of `src/rules/flowRuntime` gives: the next progress and the events to record. */
type Transition = { progress: Progress; events: NewEvent[] };

/**
 * Applies a transition to the run a message refers to, once per `opId` (a retried message changes
 * nothing): the new progress is written and its events recorded in the same unit. Returns the run and
 * what happened, or null when the message was seen before or the run is gone.
 */
export async function applyToRun(
  ctx: UnitContext,
  docs: Docs,
  req: { opId: string; runId: string },
  transition: (flow: Flow, progress: Progress) => Transition,
): Promise<{ flow: Flow; result: Transition } | null> {
  if (await ctx.seenOp(req.opId)) return null;
  const run = await findRun(ctx, docs, req.runId);
  if (!run) return null;
  const result = transition(run.flow, run.progress);
  if (result.progress !== run.progress) writeProgress(ctx.tx, result.progress);
  result.events.forEach(ctx.emit);
  return { flow: run.flow, result };
}
