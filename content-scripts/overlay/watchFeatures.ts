import type { FeatureWatch } from '../../src/messages/protocol';
import { loadLocator, type Locate } from './locator';
import { domChangesOf } from './domChanges';
import { idleAfter } from './idleAfter';
import { isOwnNode } from './shadowHost';

const EVENT_OF = { click: 'click', input: 'change', submit: 'submit' } as const;

/** DOM changes are batched: the unseen features are looked for at most this often. */
export const EXPOSURE_CHECK_MS = 500;

/**
 * Reports first exposures and uses of the tagged features on this page.
 *
 * Exposure: each feature not yet `seen` by this user is looked for once the locator has loaded, then
 * again after DOM changes (batched, at most every `EXPOSURE_CHECK_MS`, when the page is idle); the first time its target is
 * rendered, `reportSeen` is called and the feature is no longer looked for. The observer stops once
 * every feature was seen.
 *
 * Uses: One capturing listener per kind of use on the
 * document (so the host app cannot swallow the event first); the feature's element is located only when
 * such an event happens, and only the fact of the use is reported: never what was typed.
 */
export function watchFeatures(
  features: FeatureWatch[],
  report: (featureId: string) => void,
  reportSeen: (featureId: string) => void = () => {},
): () => void {
  const ac = new AbortController();
  const kinds = new Set(features.map((f) => f.use));
  let locate: Locate | null = null;
  const unseen = features.filter((f) => !f.seen);
  let pending: (() => void) | undefined;
  let unsubscribe: (() => void) | null = null;
  const stopWatching = () => {
    unsubscribe?.();
    unsubscribe = null;
  };
  function checkExposure(): void {
    pending = undefined;
    if (!locate || ac.signal.aborted) return;
    for (let i = unseen.length - 1; i >= 0; i--) {
      const f = unseen[i];
      if (!f) continue;
      const r = locate(f.target, document, { ignore: isOwnNode });
      if (r.status !== 'found' || !r.element || r.element.getClientRects().length === 0) continue;
      unseen.splice(i, 1);
      reportSeen(f.id);
    }
    if (unseen.length === 0) stopWatching();
  }
  void loadLocator().then((fn) => {
    locate = fn;
    if (unseen.length === 0 || ac.signal.aborted) return;
    unsubscribe = domChangesOf(document).subscribe((records) => {
      // Our own overlay re-rendering is no exposure.
      if (records.every((r) => isOwnNode(r.target))) return;
      pending ??= idleAfter(checkExposure, EXPOSURE_CHECK_MS);
    });
    checkExposure();
  });
  const onUse = (kind: keyof typeof EVENT_OF, own: FeatureWatch[]) => (e: Event) => {
    // Until the locator has loaded (a few ms after the overlay), uses cannot be attributed.
    if (!locate) return;
    const path = e.composedPath();
    if (path.some((n) => n instanceof Element && isOwnNode(n))) return;
    for (const f of own) {
      const r = locate(f.target, document, { ignore: isOwnNode });
      if (r.status !== 'found' || !r.element) continue;
      // A submit counts when the feature is the form, or a control inside it (a frame's form is not
      // an instance of our window's `HTMLFormElement`: told by its tag).
      const form = e.target as Element | null;
      const hit = path.includes(r.element) || (kind === 'submit' && form?.localName === 'form' && form.contains(r.element));
      if (hit) report(f.id);
    }
  };
  const handlers = [...kinds].map((kind) => [EVENT_OF[kind], onUse(kind, features.filter((f) => f.use === kind))] as const);
  // The top frame's locator reaches into same-origin frames, whose events never reach this document:
  // each such frame's document gets the same listeners, when it loads (a frame's `load` is heard here,
  // going down) and for the frames already there; a frame in a frame likewise.
  const listening = new WeakSet<Document>();
  const listenIn = (doc: Document) => {
    if (listening.has(doc)) return;
    listening.add(doc);
    for (const [type, f] of handlers) doc.addEventListener(type, f, { capture: true, signal: ac.signal });
    doc.addEventListener('load', (e) => frameLoaded(e.target), { capture: true, signal: ac.signal });
    for (const frame of doc.querySelectorAll('iframe, frame')) frameLoaded(frame);
  };
  const frameLoaded = (target: EventTarget | null) => {
    const el = target as Element | null;
    if (el?.localName !== 'iframe' && el?.localName !== 'frame') return;
    let inner: Document | null = null;
    try {
      inner = (el as HTMLIFrameElement).contentDocument;
    } catch {
      // Another origin: its own content script watches it.
    }
    if (inner) listenIn(inner);
  };
  if (handlers.length > 0) listenIn(document);
  return () => {
    ac.abort();
    stopWatching();
    pending?.();
  };
}
