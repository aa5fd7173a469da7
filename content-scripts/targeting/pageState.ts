import { createPathCache, type PathCache } from './elementPath';
import type { LiveFingerprint } from './liveFingerprint';
import { createNeighborCache, type NeighborCache } from './neighborText';

/** One candidate query's answer, valid while the page does not change. */
export interface CachedCandidates {
  /** The trees (document, open shadow roots, same-origin frame documents) the answer was collected from. */
  readonly trees: readonly Node[];
  /** The `ignore` predicate it was collected with: another one may leave out other elements. */
  readonly ignore: ((el: Element) => boolean) | undefined;
  readonly elements: readonly Element[];
  readonly fingerprints: readonly LiveFingerprint[];
}

/**
 * What the locator learnt about a document that only a DOM change can make stale: element paths,
 * headings and row labels (shared by every candidate and every target), and the candidates of each
 * query with the fields read from them. Geometry is never kept: scrolling and layout change it without
 * a mutation. Locating several targets on one page state (the features of a page on a click, a tour's
 * re-checks) pays for these once.
 */
export interface PageState {
  readonly paths: PathCache;
  readonly neighbors: NeighborCache;
  readonly queries: Map<string, CachedCandidates>;
}

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, attributes: true, characterData: true };

interface Watch {
  readonly observer: MutationObserver;
  readonly observed: WeakSet<Node>;
  changed: boolean;
  state: PageState;
}

const watches = new WeakMap<Document, Watch>();

function freshState(): PageState {
  return { paths: createPathCache(), neighbors: createNeighborCache(), queries: new Map() };
}

/**
 * The state of `doc` as of now: the kept one when no mutation happened since it was built in any tree
 * it was built from, else a fresh one. Pending mutation records are taken synchronously, so a change
 * made just before the call (in the same task) is never missed. Changes that produce no mutation
 * record (a shadow root attached to an element already on the page, a frame navigating) are caught by
 * the collector, which compares the trees it finds with the ones a kept answer came from.
 */
export function pageStateOf(doc: Document): PageState {
  let w = watches.get(doc);
  if (w === undefined) {
    const created: Watch = {
      observer: new MutationObserver(() => {
        created.changed = true;
      }),
      observed: new WeakSet(),
      changed: false,
      state: freshState(),
    };
    w = created;
    watches.set(doc, w);
  }
  if (w.observer.takeRecords().length > 0 || w.changed) {
    w.changed = false;
    w.state = freshState();
  }
  return w.state;
}

/** Watches `tree` (a frame's document, an open shadow root) for changes that make `doc`'s state stale. */
export function watchTree(doc: Document, tree: Node): void {
  const w = watches.get(doc);
  if (w === undefined || w.observed.has(tree)) return;
  w.observed.add(tree);
  w.observer.observe(tree, OBSERVED);
}

/** Stops watching `doc` and drops what was kept (the content script's teardown). */
export function releasePageState(doc: Document): void {
  watches.get(doc)?.observer.disconnect();
  watches.delete(doc);
}
