import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/** The focused element, looking into open shadow roots (ours is one: the document only sees its host). */
function deepActive(doc: Document): Element | null {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/**
 * When a panel takes focus on opening: `take` when the user opened it (from the launcher), `ifLost` when
 * it opens by itself (then only if focus was lost, e.g. the step card the user was in is gone: never
 * from a field the user is in), `never` in the options page's previews.
 */
export type PanelFocus = 'take' | 'ifLost' | 'never';

/**
 * Keyboard behaviour of a non-modal panel (a checklist, a survey): focus on opening as `mode` says; Esc
 * inside it closes it; closing it with focus inside gives focus back where it was. Returns the panel's
 * keydown handler.
 */
export function usePanelFocus(ref: RefObject<HTMLElement | null>, mode: PanelFocus, onClose: () => void): (e: KeyboardEvent) => void {
  const returnTo = useRef<Element | null>(null);
  useLayoutEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    const doc = panel.ownerDocument;
    const before = deepActive(doc);
    returnTo.current = before;
    if (mode === 'take' || (mode === 'ifLost' && (before === null || before === doc.body))) panel.focus({ preventScroll: true });
    return () => {
      const back = returnTo.current;
      if (panel.contains(deepActive(doc)) && back instanceof HTMLElement && back.isConnected && back !== doc.body) back.focus({ preventScroll: true });
    };
  }, [mode]);
  return (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    onClose();
  };
}
