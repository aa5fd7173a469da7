import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SessionView } from '../../src/messages/protocol';
import { ADVANCE_HINTS } from '../../src/ui/advanceHints';
import { StepCard } from '../../src/ui/StepCard';
import { positionCard } from './positionCard';
import { isOwnNode } from './shadowHost';
import { trackTarget } from './trackTarget';

export interface TourActions {
  shown(): void;
  missing(waitedMs: number, confidence: number, ambiguous: boolean): void;
  next(): void;
  back(): void;
  skip(): void;
  dismiss(): void;
  /** "This confused me" on the current step. */
  confused(): void;
}

type Phase =
  | { kind: 'locating' }
  | { kind: 'found'; el: Element }
  | { kind: 'missing' }
  | { kind: 'centered' };


/** Does this event's path go through `el`? (Composed path, so shadow DOM targets count.) */
const hits = (e: Event, el: Element) => e.composedPath().includes(el);

/** One step of an active flow: finds its target, shows the card beside it, and advances as the step says. */
export function Tour({ session, actions, announce }: { session: SessionView; actions: TourActions; announce: (text: string) => void }) {
  const { step } = session;
  const [phase, setPhase] = useState<Phase>({ kind: 'locating' });
  const [confused, setConfused] = useState(false);
  const cardRef = useRef<HTMLDivElement>(null);
  const arrowRef = useRef<HTMLDivElement>(null);
  const highlightRef = useRef<HTMLDivElement>(null);
  const stepKey = `${session.runId}:${session.stepIndex}:${session.flowVersion}`;
  const found = useRef<Element | null>(null);
  found.current = phase.kind === 'found' ? phase.el : null;
  const advanced = useRef(false);
  const announced = useRef(false);
  /** The user's own action completed the step: several signals of one action advance it once. */
  const advanceOnce = () => {
    if (advanced.current) return;
    advanced.current = true;
    actions.next();
  };

  // Find the target (and keep finding it through re-renders).
  useEffect(() => {
    if (!step.target) {
      setPhase({ kind: 'centered' });
      actions.shown();
      return;
    }
    setPhase({ kind: 'locating' });
    let shown = false;
    return trackTarget(step.target, {
      timeoutMs: step.timeoutMs,
      onFound: (el) => {
        setPhase({ kind: 'found', el });
        if (!shown) {
          shown = true;
          actions.shown();
        }
        const r = el.getBoundingClientRect();
        if (r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) el.scrollIntoView({ block: 'center', inline: 'nearest' });
      },
      onMissing: (waitedMs, confidence, ambiguous) => {
        setPhase({ kind: 'missing' });
        actions.missing(waitedMs, confidence, ambiguous);
      },
      onLost: () => setPhase({ kind: 'locating' }),
    });
  }, [stepKey]);

  // Keep the card and highlight on the target.
  useLayoutEffect(() => {
    if (phase.kind !== 'found' || !cardRef.current || !arrowRef.current || !highlightRef.current) return;
    return positionCard(phase.el, cardRef.current, arrowRef.current, highlightRef.current, step.placement);
  }, [phase, stepKey]);

  // Advance on the user's own action in the page.
  useEffect(() => {
    const adv = step.advance;
    if (adv.kind === 'elementAppears') {
      return trackTarget(adv.target, { timeoutMs: 24 * 3600_000, onFound: () => actions.next(), onMissing: () => undefined });
    }
    if (phase.kind !== 'found') return;
    const el = phase.el;
    const ac = new AbortController();
    const opts = { capture: true, signal: ac.signal };
    // The target's own document and window: a target in a same-origin frame is clicked and typed into
    // there, and none of it reaches ours.
    const doc = el.ownerDocument;
    if (adv.kind === 'click') {
      (doc.defaultView ?? window).addEventListener('click', (e) => hits(e, el) && advanceOnce(), opts);
    } else if (adv.kind === 'input') {
      let typed = false;
      doc.addEventListener('change', (e) => hits(e, el) && actions.next(), opts);
      // contenteditable has no change event: input followed by leaving the field counts.
      doc.addEventListener('input', (e) => void (hits(e, el) && (typed = true)), opts);
      doc.addEventListener('focusout', (e) => hits(e, el) && typed && (el as HTMLElement).isContentEditable && actions.next(), opts);
    }
    return () => ac.abort();
  }, [phase, stepKey]);

  // A click is a press and a release on the target. Watching those as well covers controls that act on
  // the press and are gone before any click (menu items), and pages that stop the click on its way.
  // Kept across re-locating: the target vanishing on the press is the point.
  // The target's window once it was found in a same-origin frame (kept when it vanishes on the press).
  const frameWin = useRef<Window | null>(null);
  if (phase.kind === 'found' && phase.el.ownerDocument !== document) frameWin.current = phase.el.ownerDocument.defaultView;
  const pressWin = frameWin.current ?? window;
  useEffect(() => {
    if (step.advance.kind !== 'click') return;
    let pressed: Element | null = null;
    const ac = new AbortController();
    const opts = { capture: true, signal: ac.signal };
    pressWin.addEventListener(
      'pointerdown',
      (e) => {
        const el = found.current;
        pressed = el && e.button === 0 && hits(e, el) ? el : null;
      },
      opts,
    );
    pressWin.addEventListener(
      'pointerup',
      (e) => {
        const el = pressed;
        pressed = null;
        if (el && (!el.isConnected || hits(e, el))) advanceOnce();
      },
      opts,
    );
    return () => ac.abort();
  }, [stepKey, pressWin]);

  // Esc dismisses; focus goes to the card when it expects a button press, not when the user must type.
  // A layout effect: Esc works from the moment the card is on screen, not a frame later.
  useLayoutEffect(() => {
    if (phase.kind === 'locating') return;
    const ac = new AbortController();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.stopPropagation();
        actions.dismiss();
      }
    };
    // Also the target's own document: with the focus in a same-origin frame, keys are pressed there.
    for (const d of new Set([document, phase.kind === 'found' ? phase.el.ownerDocument : document])) d.addEventListener('keydown', onKey, { capture: true, signal: ac.signal });
    const card = cardRef.current;
    const active = document.activeElement;
    const typing = active instanceof HTMLElement && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName)) && !isOwnNode(active);
    const took = card !== null && (step.advance.kind === 'next' || phase.kind !== 'found') && !typing;
    if (took) card.focus({ preventScroll: true });
    else if (!announced.current) {
      // A card that leaves the focus where the user works is not read out by itself: say it once.
      announced.current = true;
      announce(`${session.flowName}, step ${session.stepIndex + 1} of ${session.stepCount}: ${step.title}`);
    }
    return () => {
      ac.abort();
      // A card that took focus gives it back to where it was in the page when it goes (closed, or the
      // next step's card, which takes it again if it must), rather than losing it to the top of the page.
      const root = card?.getRootNode();
      if (took && root instanceof ShadowRoot && card.contains(root.activeElement) && active instanceof HTMLElement && active.isConnected && !isOwnNode(active)) {
        active.focus({ preventScroll: true });
      }
    };
  }, [phase.kind, stepKey]);

  if (phase.kind === 'locating') return null;
  const centered = phase.kind !== 'found';
  return (
    <>
      {phase.kind === 'found' ? <div class="wm-highlight" ref={highlightRef} data-testid="waymark-highlight" /> : null}
      <div class={centered ? 'wm-centered' : undefined} data-waymark-step={session.stepIndex} data-waymark-phase={phase.kind}>
        <StepCard
          titleId={`wm-title-${session.stepIndex}`}
          title={step.title}
          body={step.body}
          stepIndex={session.stepIndex}
          stepCount={session.stepCount}
          showNext={step.advance.kind === 'next'}
          hint={step.advance.kind === 'next' ? undefined : ADVANCE_HINTS[step.advance.kind]}
          missing={phase.kind === 'missing'}
          skippable={step.skippable}
          onBack={actions.back}
          onNext={actions.next}
          onSkip={actions.skip}
          onDismiss={actions.dismiss}
          confused={confused}
          onConfused={() => {
            setConfused(true);
            actions.confused();
          }}
          cardRef={cardRef}
          arrowRef={centered ? undefined : arrowRef}
          style={centered ? { position: 'static' } : undefined}
        />
      </div>
    </>
  );
}
