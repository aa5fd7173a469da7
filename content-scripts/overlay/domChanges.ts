/**
 * One MutationObserver per document, shared by everything the overlay and the guidance watch (each
 * step or tip target being tracked, the features waiting for their first exposure): ten watched
 * elements cost the browser one observer and one record list per batch, not ten. Each listener gets
 * every batch and filters it itself. The observer is attached while anyone listens, and detached
 * when the last one leaves.
 */

type Listener = (records: readonly MutationRecord[]) => void;

/** The attributes whose change can make an element match, or stop matching, a fingerprint (`open`: a dialog or details shown). */
export const WATCHED_ATTRIBUTES = ['id', 'class', 'hidden', 'aria-hidden', 'aria-label', 'data-testid', 'disabled', 'style', 'open'];

const OPTIONS: MutationObserverInit = { childList: true, subtree: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES };

export interface DomChanges {
  /** Calls `fn` with each batch of records under the root; returns the function that stops it. */
  subscribe(fn: Listener): () => void;
}

/** The constructor, injected so the hub is testable without a DOM. */
export type ObserverCtor = new (cb: MutationCallback) => Pick<MutationObserver, 'observe' | 'disconnect'>;

export function createDomChanges(root: Node, Observer: ObserverCtor = MutationObserver): DomChanges {
  const listeners = new Set<Listener>();
  let observer: InstanceType<ObserverCtor> | null = null;
  const deliver: MutationCallback = (records) => {
    // A copy: a listener may unsubscribe (or subscribe another) while the batch is delivered.
    for (const fn of [...listeners]) {
      if (!listeners.has(fn)) continue;
      try {
        fn(records);
      } catch (e) {
        // One broken listener must not blind the others.
        console.error('waymark: a DOM change listener failed', e);
      }
    }
  };
  return {
    subscribe(fn) {
      listeners.add(fn);
      if (!observer) {
        observer = new Observer(deliver);
        observer.observe(root, OPTIONS);
      }
      return () => {
        if (!listeners.delete(fn) || listeners.size > 0) return;
        observer?.disconnect();
        observer = null;
      };
    },
  };
}

const hubs = new WeakMap<Document, DomChanges>();

/** The document's shared hub (its `documentElement` observed), made on first use. */
export function domChangesOf(doc: Document): DomChanges {
  let hub = hubs.get(doc);
  if (!hub) {
    hub = createDomChanges(doc.documentElement);
    hubs.set(doc, hub);
  }
  return hub;
}
