import { render } from 'preact';
import type { ContentRequest, PageState, Responses } from '../../src/messages/protocol';
import { matchUrl } from '../../src/rules/urlPattern';
import { send } from '../runtime';
import { releaseLocator } from './locator';
import { newOpId } from './opId';
import { createShadowHost, type ShadowHost } from './shadowHost';
import { Tour, type TourActions } from './Tour';
import { watchFeatures } from './watchFeatures';

/*
 * The overlay, loaded lazily by the bootstrap when something applies to the page. It renders the active
 * flow's step and reports what the user does; all state stays in the background.
 */

let state: PageState | null = null;
let host: ShadowHost | null = null;
let stopFeatures: (() => void) | null = null;
let featureKey = '';
/** A move in flight: a second click on Next before the answer arrives must not move twice. */
let moving = false;

function apply(reply: Responses['step/advance'] | Responses['flow/dismiss']): void {
  if (reply.ok) update(reply.state, location.href);
}

async function act(req: ContentRequest & { type: 'step/advance' | 'flow/dismiss' }): Promise<void> {
  if (moving) return;
  moving = true;
  try {
    apply(await send(req));
  } finally {
    moving = false;
  }
}

function actionsFor(s: NonNullable<PageState['session']>): TourActions {
  const base = { runId: s.runId, url: location.href };
  const moveTo = (to: 'next' | 'back' | 'skip') => () =>
    void act({ type: 'step/advance', opId: newOpId(), ...base, url: location.href, fromStepIndex: s.stepIndex, to });
  return {
    shown: () => void send({ type: 'step/shown', opId: newOpId(), runId: s.runId, stepIndex: s.stepIndex }),
    missing: (waitedMs, confidence, ambiguous) =>
      void send({ type: 'target/missing', opId: newOpId(), runId: s.runId, stepIndex: s.stepIndex, waitedMs, confidence, ambiguous }),
    next: moveTo('next'),
    back: moveTo('back'),
    skip: moveTo('skip'),
    dismiss: () => void act({ type: 'flow/dismiss', opId: newOpId(), ...base, url: location.href, stepIndex: s.stepIndex }),
  };
}

function draw(): void {
  if (!state) return;
  host ??= createShadowHost(document);
  host.ensureAttached();
  const key = JSON.stringify(state.features);
  if (key !== featureKey) {
    featureKey = key;
    stopFeatures?.();
    stopFeatures = state.features.length
      ? watchFeatures(state.features, (featureId) => void send({ type: 'feature/used', opId: newOpId(), featureId }))
      : null;
  }
  const s = state.session;
  render(
    s && s.onPage ? <Tour key={`${s.runId}:${s.stepIndex}:${s.flowVersion}`} session={s} actions={actionsFor(s)} /> : null,
    host.container,
  );
}

/** Applies a new page state. A state older than the one shown (a late reply) is ignored. */
export function update(next: PageState, _url: string): void {
  const cur = state?.session;
  const nxt = next.session;
  if (cur && nxt && cur.runId === nxt.runId && nxt.rev < cur.rev) next = { ...next, session: cur };
  state = next;
  draw();
}

/** Called by the bootstrap on SPA navigation; true when it moved the flow on (and so has the new state). */
export async function urlChanged(_from: string, to: string): Promise<boolean> {
  const s = state?.session;
  if (!s || s.step.advance.kind !== 'urlChanges') return false;
  const want = s.step.advance.to;
  if (want !== undefined && !matchUrl(want, to)) return false;
  await act({ type: 'step/advance', opId: newOpId(), url: to, runId: s.runId, fromStepIndex: s.stepIndex, to: 'next' });
  return true;
}

export function destroy(): void {
  releaseLocator();
  stopFeatures?.();
  stopFeatures = null;
  if (host) render(null, host.container);
  host?.destroy();
  host = null;
  state = null;
}
