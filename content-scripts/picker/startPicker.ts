import { createPassCaches, LiveFingerprint } from '../targeting/liveFingerprint';
import { assessPick } from './assessPick';
import { hoverLabel } from './hoverLabel';
import { isOurNode } from './isOurNode';
import type { PickerReport } from './notify';
import { createPickerHost, type PickerHost } from './pickerHost';
import { promoteTarget, MAX_PROMOTE, type ElementFacts } from './promoteTarget';
import { topDocument } from './topDocument';

export interface PickerOptions {
  /** This frame's window. */
  win: Window;
  /**
   * Sends the pick or the cancel to the background; resolves false when the background refused a pick
   * (the picker then goes on, so the admin can pick another element), true otherwise.
   */
  report(report: PickerReport): Promise<boolean>;
  /** False once the extension context is gone (reloaded or removed): the picker then stops at once. */
  alive(): boolean;
  /** Called once the picker has stopped, whatever stopped it. */
  onStopped(): void;
}

/** Events of a pointer gesture: swallowed while picking, so the host app never acts on the click. */
const POINTER_EVENTS = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'dblclick', 'auxclick', 'contextmenu'] as const;

const ignore = (el: Element) => isOurNode(el);

function facts(el: Element): ElementFacts {
  return { tag: el.localName, role: el.getAttribute('role'), hasHref: el.hasAttribute('href') };
}

/** The element itself and its ancestors up to `MAX_PROMOTE`, crossing shadow roots to their hosts. */
function ancestry(el: Element): Element[] {
  const out: Element[] = [el];
  let n: Node | null = el;
  while (out.length <= MAX_PROMOTE && n !== null) {
    const parent: Node | null = n.parentNode;
    n = parent !== null && parent.nodeType === 11 && 'host' in parent ? (parent as ShadowRoot).host : parent;
    if (n !== null && n.nodeType === 1) out.push(n as Element);
  }
  return out;
}

/** The element an event is about: the innermost element of its composed path (inside open shadow roots). */
function eventElement(e: Event): Element | null {
  for (const n of e.composedPath()) {
    if ((n as Node).nodeType === 1) return n as Element;
  }
  return null;
}

/** The focused element, looked up through open shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let a: Element | null = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/**
 * Runs the element picker in one frame until the admin picks an element (click, or Enter on the
 * focused element) or cancels (Esc, the banner's Cancel). Every listener is on this frame's window in
 * the capture phase and is removed by the returned cleanup, which also removes our host; the cleanup
 * runs by itself after a pick or a cancel. Frames other than the one the admin acts in are stopped by
 * the background.
 */
export function startPicker(opts: PickerOptions): () => void {
  const { win } = opts;
  const doc = win.document;
  const top = topDocument(doc);
  const ac = new AbortController();
  const { signal } = ac;
  let stopped = false;
  let hovered: Element | null = null;
  let frame = 0;
  /** A pick is on its way to the background: further clicks are swallowed, not picked. */
  let sending = false;
  /** The last pick was refused: its label says so until the pointer moves on. */
  let refused: Element | null = null;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    ac.abort();
    if (frame !== 0) cancelAnimationFrame(frame);
    host.destroy();
    opts.onStopped();
  };

  const cancel = () => {
    if (stopped) return;
    stop();
    void opts.report({ type: 'picker/cancelled' });
  };

  // `live` is only asked once the page moves something, after `host` is assigned: `gone` stops with it.
  const host: PickerHost = createPickerHost(doc, { banner: win === win.top, onCancel: cancel, live: () => !gone() });

  /** Our own nodes and frames (each frame has its own picker) are not targets. */
  const targetOf = (el: Element | null): Element | null => {
    if (el === null || isOurNode(el)) return null;
    const chain = ancestry(el);
    const t = chain[promoteTarget(chain.map(facts))] ?? el;
    return t.localName === 'iframe' || t.localName === 'frame' || t === doc.documentElement || t === doc.body ? null : t;
  };

  const draw = () => {
    frame = 0;
    if (stopped) return;
    if (hovered === null || !hovered.isConnected) {
      hovered = null;
      host.hideHover();
      return;
    }
    host.ensureAttached();
    const r = hovered.getBoundingClientRect();
    // Only the name fields are read: the live fingerprint computes each on first access.
    const label = hoverLabel(new LiveFingerprint(hovered, createPassCaches()));
    host.showHover({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }, label, top === null ? 'blocked' : hovered === refused ? 'failed' : 'ok');
  };
  const schedule = () => {
    if (frame === 0 && !stopped) frame = requestAnimationFrame(draw);
  };
  const hover = (el: Element | null) => {
    if (el === hovered) return;
    hovered = el;
    schedule();
  };

  /** A context that is gone cannot report: stop without swallowing anything, so the page works again. */
  const gone = () => {
    if (opts.alive()) return false;
    stop();
    return true;
  };

  const swallow = (e: Event) => {
    e.preventDefault();
    e.stopImmediatePropagation();
  };

  const pick = (el: Element | null) => {
    if (el === null || stopped || sending) return;
    if (top === null) {
      // Visible feedback is the red label; nothing to report from a frame a tour cannot reach.
      hover(el);
      return;
    }
    let report: PickerReport;
    try {
      report = { type: 'picker/picked', ...assessPick(el, top, ignore), frameUrl: win.location.href };
    } catch (e) {
      // Should not happen; say so on the element and keep picking rather than end with nothing.
      console.warn('waymark: could not capture the element', e);
      refused = el;
      hovered = el;
      schedule();
      return;
    }
    sending = true;
    void opts.report(report).then((accepted) => {
      sending = false;
      if (accepted) return stop();
      refused = el;
      hovered = el;
      schedule();
    });
  };

  const on = <K extends keyof WindowEventMap>(type: K, f: (e: WindowEventMap[K]) => void, passive = false) =>
    win.addEventListener(type, f as EventListener, { capture: true, signal, passive });

  /** The element last under the pointer, before promotion: a move within it changes nothing. */
  let under: Element | null = null;
  const pointedAt = (e: PointerEvent) => {
    if (gone()) return;
    const el = eventElement(e);
    if (el === under) return;
    under = el;
    hover(targetOf(el));
  };
  // Moves as well as `pointerover`: over the elements of a modal dialog in a shadow root (a component's
  // dialog), Chromium (headless, in our tests) sent no `pointerover` or `mouseover`, only moves.
  on('pointerover', pointedAt, true);
  on('pointermove', pointedAt, true);
  on('pointerout', (e) => {
    // Leaving this frame's document (to the browser chrome, or into a child or parent frame).
    if (e.relatedTarget === null) hover(null);
  });
  on('focusin', (e) => {
    if (gone()) return;
    hover(targetOf(eventElement(e)));
  });
  for (const type of POINTER_EVENTS) {
    on(type, (e: Event) => {
      if (gone() || isOurNode(eventElement(e))) return;
      swallow(e);
      // A disabled control gets pointer events but never a click: take it on release.
      if (type === 'pointerup' && (e as PointerEvent).button === 0) {
        const t = targetOf(eventElement(e));
        if (t?.matches(':disabled')) pick(t);
      }
    });
  }
  on('click', (e) => {
    if (gone()) return;
    const el = eventElement(e);
    if (isOurNode(el)) return; // the banner's Cancel
    swallow(e);
    pick(targetOf(el));
  });
  on('keydown', (e) => {
    if (gone()) return;
    if (e.key === 'Escape') {
      swallow(e);
      cancel();
      return;
    }
    if (e.key !== 'Enter' || e.isComposing) return;
    const el = eventElement(e) ?? deepActiveElement(doc);
    if (isOurNode(el)) return; // Enter on the banner's Cancel
    const t = targetOf(el);
    if (t === null) return;
    swallow(e);
    pick(t);
  });
  for (const type of ['keypress', 'keyup'] as const) {
    on(type, (e) => {
      if (e.key === 'Enter' && !isOurNode(eventElement(e))) swallow(e);
    });
  }
  on('scroll', schedule, true);
  on('resize', schedule, true);

  return stop;
}
