import type { FeatureWatch } from '../../src/messages/protocol';
import { loadLocator, type Locate } from './locator';
import { isOwnNode } from './shadowHost';

const EVENT_OF = { click: 'click', input: 'change', submit: 'submit' } as const;

/**
 * Reports uses of the tagged features on this page. One capturing listener per kind of use on the
 * document (so the host app cannot swallow the event first); the feature's element is located only when
 * such an event happens, and only the fact of the use is reported: never what was typed.
 */
export function watchFeatures(features: FeatureWatch[], report: (featureId: string) => void): () => void {
  const ac = new AbortController();
  const kinds = new Set(features.map((f) => f.use));
  let locate: Locate | null = null;
  void loadLocator().then((fn) => (locate = fn));
  for (const kind of kinds) {
    const own = features.filter((f) => f.use === kind);
    document.addEventListener(
      EVENT_OF[kind],
      (e) => {
        // Until the locator has loaded (a few ms after the overlay), uses cannot be attributed.
        if (!locate) return;
        const path = e.composedPath();
        if (path.some((n) => n instanceof Element && isOwnNode(n))) return;
        for (const f of own) {
          const r = locate(f.target, document, { ignore: isOwnNode });
          if (r.status !== 'found' || !r.element) continue;
          // A submit counts when the feature is the form, or a control inside it.
          const hit = path.includes(r.element) || (kind === 'submit' && e.target instanceof HTMLFormElement && e.target.contains(r.element));
          if (hit) report(f.id);
        }
      },
      { capture: true, signal: ac.signal },
    );
  }
  return () => ac.abort();
}
