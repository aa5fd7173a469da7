import type { PageState, SessionView } from '../src/messages/protocol';
import type { Flow, Step } from '../src/schema/flow';
import { alignToVersion, decideSession, startRun, stepOnPage } from '../src/rules/flowRuntime';
import { ProgressSchema, type Progress } from '../src/rules/progress';
import { matchAny } from '../src/rules/urlPattern';
import type { Docs } from './docs';
import type { UnitContext, WriteTx } from './writer';

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
 * `flow_started`) or moving a run onto a new flow version happens in the same transaction.
 */
export async function computePageState(ctx: UnitContext, docs: Docs, url: string, linkStart = false): Promise<PageState> {
  const progress = await readProgress(ctx.tx);
  const decision = decideSession(docs.flows, progress, url, { linkStart });
  let session: SessionView | null = null;
  if (decision?.kind === 'start') {
    const { progress: p, events } = startRun(decision.flow, crypto.randomUUID(), ctx.now);
    writeProgress(ctx.tx, p);
    events.forEach(ctx.emit);
    session = sessionView(decision.flow, p, url);
  } else if (decision?.kind === 'resume') {
    let p = alignToVersion(decision.flow, decision.progress);
    if (p !== decision.progress) {
      p = { ...p, rev: p.rev + 1, updatedAt: ctx.now };
      writeProgress(ctx.tx, p);
    }
    session = sessionView(decision.flow, p, url);
  }
  const here = docs.features.filter((f) => matchAny(f.match, url));
  const known = here.length === 0 ? [] : await ctx.tx.objectStore('featureUse').getAll();
  const seen = new Set(known.filter((r) => r.firstSeenAt !== undefined || r.count > 0).map((r) => r.featureId));
  const features = here.map((f) => ({ id: f.id, target: f.target, use: f.use, seen: seen.has(f.id) }));
  return { session, features };
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
