import { render } from 'preact';
import type { ContentRequest, PageState, Responses } from '../../src/messages/protocol';
import { matchUrl } from '../../src/rules/urlPattern';
import { send } from '../runtime';
import { releaseLocator } from './locator';
import { newOpId } from './opId';
import { createShadowHost, type ShadowHost } from './shadowHost';
import { createStateOrder } from './stateOrder';
import { Tour, type TourActions } from './Tour';
import { watchFeatures } from './watchFeatures';

/*
 * The overlay, loaded lazily by the bootstrap when something applies to the page. It renders the active
 * flow's step and reports what the user does; all state stays in the background.
 */

type GuidanceChunk = typeof import('../guidance/index');
type GuidanceMount = ReturnType<GuidanceChunk['mountGuidance']>;

let state: PageState | null = null;
/** Ids whose presence checks passed on this page (reported by the guidance chunk), sent with every state request. */
let present: string[] = [];
/** The URL on which the guidance chunk has looked for every checked element (see `watchPresence`). */
let settledOn: string | null = null;
let guidance: Promise<GuidanceMount> | null = null;
let host: ShadowHost | null = null;
let stopFeatures: (() => void) | null = null;
let featureKey = '';
/** A move in flight: a second click on Next before the answer arrives must not move twice. */
let moving = false;
/** Answers are applied in the order their requests were sent (see `stateOrder.ts`). */
const order = createStateOrder();

type StateRequest = ContentRequest & { type: 'page/state' | 'step/advance' | 'flow/dismiss' };

/** Sends a request answered with the page state, and applies the answer unless a later one was applied already. */
async function request(req: StateRequest): Promise<void> {
  const sentAt = order.stamp();
  const reply = (await send(req)) as Responses[StateRequest['type']];
  if (reply.ok) apply(reply.state, sentAt);
}

async function act(req: ContentRequest & { type: 'step/advance' | 'flow/dismiss' }): Promise<void> {
  if (moving) return;
  moving = true;
  try {
    await request(req);
  } finally {
    moving = false;
  }
}

/** Asks for the page state again (presence changed, a feature was used) and applies it. */
function refresh(): Promise<void> {
  return request({ type: 'page/state', url: location.href, present, settled: settledOn === location.href });
}

function actionsFor(s: NonNullable<PageState['session']>): TourActions {
  const base = { runId: s.runId, url: location.href };
  const moveTo = (to: 'next' | 'back' | 'skip') => () =>
    void act({ type: 'step/advance', opId: newOpId(), ...base, url: location.href, present, fromStepIndex: s.stepIndex, to });
  return {
    shown: () => void send({ type: 'step/shown', opId: newOpId(), runId: s.runId, stepIndex: s.stepIndex }),
    missing: (waitedMs, confidence, ambiguous) =>
      void send({ type: 'target/missing', opId: newOpId(), runId: s.runId, stepIndex: s.stepIndex, waitedMs, confidence, ambiguous }),
    next: moveTo('next'),
    back: moveTo('back'),
    skip: moveTo('skip'),
    dismiss: () => void act({ type: 'flow/dismiss', opId: newOpId(), ...base, url: location.href, present, stepIndex: s.stepIndex }),
    confused: () => void send({ type: 'step/confused', opId: newOpId(), runId: s.runId, stepIndex: s.stepIndex }),
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
      ? watchFeatures(
          state.features,
          (featureId) =>
            // A first use may retire a beacon or tick a checklist item: the page state is asked for again.
            void send({ type: 'feature/used', opId: newOpId(), featureId }).then((r) => {
              if (r.ok && r.firstUse) void refresh();
            }),
          (featureId) => void send({ type: 'feature/seen', opId: newOpId(), featureId }),
        )
      : null;
  }
  drawGuidance(host.guidanceContainer, state.guidance);
  const s = state.session;
  render(
    s && s.onPage ? <Tour key={`${s.runId}:${s.stepIndex}:${s.flowVersion}`} session={s} actions={actionsFor(s)} announce={host.announce} /> : null,
    host.container,
  );
}

const hasGuidance = (g: PageState['guidance']) => g.items.length + g.checks.length + g.guides.length > 0 || g.survey !== null;

/** The guidance chunk is imported on the first page state that has guidance, and kept from then on. */
function drawGuidance(container: HTMLElement, view: PageState['guidance']): void {
  if (!guidance && !hasGuidance(view)) return;
  guidance ??= import('../guidance/index').then((m) =>
    m.mountGuidance(container, {
      apply,
      stamp: order.stamp,
      present: () => present,
      setPresent: (ids, settled) => {
        present = ids;
        settledOn = settled ? location.href : null;
        void refresh();
      },
    }),
  );
  void guidance.then((g) => state && g.update(state.guidance));
}

/**
 * Applies a new page state, answered to a request sent at `sentAt` (an `order` stamp, or the bootstrap's
 * `performance.now()` at sending). An answer overtaken by a later one is dropped, and within a run a
 * state older than the one shown (a lower `rev`) keeps the one shown.
 */
function apply(next: PageState, sentAt: number): void {
  if (!order.accept(sentAt)) return;
  const cur = state?.session;
  const nxt = next.session;
  if (cur && nxt && cur.runId === nxt.runId && nxt.rev < cur.rev) next = { ...next, session: cur };
  state = next;
  draw();
}

/**
 * The bootstrap's page state (load, navigation, tab shown again). It was asked for without the
 * elements found present, which only the overlay knows: when it knows some, it asks again.
 */
export function update(next: PageState, _url: string, sentAt: number): void {
  apply(next, sentAt);
  if (present.length > 0 || settledOn === location.href) void refresh();
}

/** Called by the bootstrap on SPA navigation; true when it moved the flow on (and so has the new state). */
export async function urlChanged(_from: string, to: string): Promise<boolean> {
  const s = state?.session;
  if (!s || s.step.advance.kind !== 'urlChanges') return false;
  const want = s.step.advance.to;
  if (want !== undefined && !matchUrl(want, to)) return false;
  await act({ type: 'step/advance', opId: newOpId(), url: to, present, runId: s.runId, fromStepIndex: s.stepIndex, to: 'next' });
  return true;
}

export function destroy(): void {
  void guidance?.then((g) => g.destroy());
  guidance = null;
  releaseLocator();
  stopFeatures?.();
  stopFeatures = null;
  if (host) render(null, host.container);
  host?.destroy();
  host = null;
  state = null;
}
