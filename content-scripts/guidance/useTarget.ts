import { useEffect, useState } from 'preact/hooks';
import type { ElementFingerprint } from '../../src/schema/fingerprint';
import { trackTarget } from '../overlay/trackTarget';

/** The live element for a fingerprint, or null while it is not (or no longer) on the page. */
export function useTarget(target: ElementFingerprint | null): Element | null {
  const [el, setEl] = useState<Element | null>(null);
  const key = target ? JSON.stringify(target) : '';
  useEffect(() => {
    if (!target) return;
    return trackTarget(target, { timeoutMs: 24 * 3600_000, onFound: (e) => setEl(e), onLost: () => setEl(null), onMissing: () => undefined });
  }, [key]);
  return el;
}

/** Is this event's composed path through `el` (shadow DOM included)? */
export const through = (e: Event, el: Element) => e.composedPath().includes(el);

/**
 * The documents whose events concern guidance on `el`: ours (the top frame's, where the overlay is),
 * and the element's own when it lives in a same-origin frame (an ERP screen in a frame, a classic rich
 * editor's iframe), whose focus, typing and keys never reach ours.
 */
export function documentsOf(el: Element): Document[] {
  return el.ownerDocument === document ? [document] : [document, el.ownerDocument];
}
