import { createPathCache, type PathCache } from './elementPath';
import type { LiveFingerprint } from './liveFingerprint';
import { createNeighborCache, type NeighborCache } from './neighborText';

/** A kept candidate, with the index of the first selector it matched (see `collectCandidates`). */
export interface Entry {
  readonly el: Element;
  readonly fp: LiveFingerprint;
  readonly sel: number;
}

/** One batch of mutation records, as a kept answer needs it (see `applyChanges` in `keptCandidates.ts`). */
export interface Change {
  /**
   * Elements whose kept records are dropped, and made again if they are still candidates: every
   * element of a subtree added, removed, moved, or whose `hidden` attribute changed, every element whose
   * attributes changed, and every element whose path moved.
   */
  readonly stale: ReadonlySet<Element>;
  /** The elements holding a change (a record's target and its ancestors): their own text is read again. */
  readonly holders: ReadonlySet<Element>;
  /** Every candidate's neighbour text is read again: a heading, a role or a `hidden` attribute changed. */
  readonly neighbors: boolean;
}

/** One candidate query's answer, brought up to date with the changes since when it runs again. */
export interface CachedCandidates {
  /** The `ignore` predicate it was collected with: another one may leave out other elements. */
  readonly ignore: ((el: Element) => boolean) | undefined;
  /** Per tree (document, open shadow root, same-origin frame document), in collection order. */
  trees: Map<Node, Entry[]>;
  /** Batches not applied yet, oldest first. */
  changes: Change[];
}

/**
 * What the locator learnt about a document that only a DOM change can make stale: element paths,
 * headings, row labels and labels (shared by every candidate and every target), and the candidates of
 * each query with the fields read from them. Geometry is never kept: scrolling and layout change it
 * without a mutation. Mutation records bring all of it up to date in place (see `applyRecords`), so a
 * locate right after the host app re-rendered something elsewhere costs about what one on an unchanged
 * page does.
 */
export interface PageState {
  readonly paths: PathCache;
  readonly neighbors: NeighborCache;
  readonly queries: Map<string, CachedCandidates>;
}

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, attributes: true, characterData: true };
/** Records beyond which a batch is not examined one by one: the state is rebuilt instead. */
const MAX_PENDING = 256;
/** Elements added or removed beyond which a batch is a re-render of the page: the state is rebuilt. */
const MAX_WALKED = 4096;
/** Batches a query that does not run may fall behind by before it is dropped (collected afresh). */
const MAX_BEHIND = 16;

interface Watch {
  readonly observer: MutationObserver;
  observed: WeakSet<Node>;
  /** Records delivered to the observer since the state was last brought up to date. */
  pending: MutationRecord[];
  state: PageState;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'legend', 'caption']);

const isHeading = (x: Element) => HEADINGS.has(x.localName) || x.getAttribute('role') === 'heading';

/**
 * Brings the shared caches of `state` up to date with a batch of records, and queues the batch for
 * every kept answer; false when the batch is too big to follow (the caller starts afresh). Which cache
 * reads which nodes, and so what each kind of record makes stale:
 * - element paths: an element's position counts its preceding element siblings, so an element added
 *   or removed before others moves their paths and their descendants' (one added at the end moves
 *   none); elements added or moved have new paths;
 * - headings: the heading before an element depends on every heading of its tree and the trees above
 *   (through shadow hosts and frames). Kept unless a heading, a shadow host or a frame came or went,
 *   a change touched a heading's inside, or a `role` or `hidden` attribute changed anywhere; then all
 *   of them are dropped, and every candidate's neighbour text with them;
 * - row labels: read from the row's own cells, so dropped for the rows holding a change;
 * - `label[for]` index: dropped when a label came or went or a `for` attribute changed;
 * - a candidate's own fields: attributes for an attribute change (its record is made again), its text
 *   when a change is inside it; labels and neighbours' names are always read again (cheap); fields'
 *   captions too (see `applyChanges`).
 * An attribute other than `hidden` and `role` changes nothing but its element's own fields.
 */
function applyRecords(state: PageState, records: readonly MutationRecord[]): boolean {
  const { paths, neighbors } = state;
  const holders = new Set<Element>();
  const roots = new Set<Element>();
  const stale = new Set<Element>();
  const shifted = new Set<Node>();
  let headings = false;
  let labels = false;
  for (const r of records) {
    const t = r.target;
    const name = r.attributeName;
    if (r.type === 'attributes') {
      stale.add(t as Element);
      if (name === 'hidden') roots.add(t as Element);
      if (name === 'hidden' || name === 'role') headings = true;
      if (name === 'for') labels = true;
    } else if (r.type === 'childList') {
      let elements = false;
      for (const list of [r.addedNodes, r.removedNodes]) for (const n of list) if (n.nodeType === 1) roots.add(n as Element), (elements = true);
      if (elements && r.nextSibling !== null) shifted.add(t);
    }
    if (r.type !== 'attributes' || name === 'hidden' || name === 'role') {
      for (let x = t.nodeType === 1 ? (t as Element) : t.parentElement; x !== null && !holders.has(x); x = x.parentElement) {
        if (isHeading(x)) headings = true;
        holders.add(x);
      }
    }
  }
  let walked = 0;
  const perElement = [paths.steps, paths.positions, neighbors.headings, neighbors.rowHeadings, neighbors.rows];
  const walk = (top: Element): boolean => {
    // The light subtree, in document order (shadow roots are trees of their own).
    for (let w = top.ownerDocument.createTreeWalker(top, 1), e: Element | null = top; e !== null; e = w.nextNode() as Element | null) {
      if (++walked > MAX_WALKED) return false;
      stale.add(e);
      for (const kept of perElement) kept.delete(e);
      const tag = e.localName;
      if (isHeading(e) || e.shadowRoot !== null || tag === 'iframe' || tag === 'frame') headings = true;
      if (tag === 'label') labels = true;
    }
    return true;
  };
  // Added and removed subtrees alike (each once). A removed element may be on the page again, in a tree
  // not watched (a shadow root not reached yet): it is stale too, so that only its tree's answer keeps it.
  outer: for (const el of roots) {
    for (let a = el.parentElement; a !== null; a = a.parentElement) if (roots.has(a)) continue outer;
    if (!walk(el)) return false;
  }
  if (shifted.size > 0) {
    // Positions are numbered again for the parents asked next; steps that did not move stand.
    paths.positions.clear();
    const memo = new Map<Node, boolean>();
    const moved = (n: Node): boolean => {
      let v = memo.get(n);
      if (v === undefined) {
        const p = n.parentNode;
        v = p !== null && (shifted.has(p) || moved(p));
        memo.set(n, v);
      }
      return v;
    };
    for (const el of paths.steps.keys()) {
      if (!moved(el)) continue;
      paths.steps.delete(el);
      stale.add(el);
    }
  }
  for (const h of holders) neighbors.rows.delete(h);
  if (headings) for (const m of [neighbors.headings, neighbors.roleHeadings, neighbors.indexes, neighbors.holders, neighbors.rowHeadings]) m.clear();
  if (labels) neighbors.labels.clear();
  const change: Change = { stale, holders, neighbors: headings };
  for (const [key, q] of state.queries) if (q.changes.push(change) > MAX_BEHIND) state.queries.delete(key);
  return true;
}

const watches = new WeakMap<Document, Watch>();

function freshState(): PageState {
  return { paths: createPathCache(), neighbors: createNeighborCache(), queries: new Map() };
}

/**
 * The state of `doc` as of now, brought up to date with the mutations since it was last asked for (see
 * `applyRecords`), or a fresh one after a batch too big to follow. Pending mutation records are taken
 * synchronously, so a change made just before the call (in the same task) is never missed. Changes
 * that produce no mutation record (a shadow root attached to an element already on the page, a frame
 * navigating) are caught by the collector, which finds the trees of the page at every call.
 */
export function pageStateOf(doc: Document): PageState {
  let w = watches.get(doc);
  if (w === undefined) {
    const created: Watch = {
      observer: new MutationObserver((records) => {
        if (created.pending.length + records.length <= MAX_PENDING) {
          created.pending.push(...records);
          return;
        }
        // Past a few hundred records the state is rebuilt at the next locate whatever else changes, so
        // following the page further is pure cost: a streaming or live-updating page would pay for every
        // mutation for as long as a shown step's target stays found and nothing locates. The state is
        // dropped now and watching stops; the next locate collects afresh and watches each tree it
        // reaches again (`watchTree`).
        created.observer.disconnect();
        created.observed = new WeakSet();
        created.pending = [];
        created.state = freshState();
      }),
      observed: new WeakSet(),
      pending: [],
      state: freshState(),
    };
    w = created;
    watches.set(doc, w);
  }
  const records = w.pending.concat(w.observer.takeRecords());
  w.pending = [];
  if (records.length > 0 && (records.length > MAX_PENDING || !applyRecords(w.state, records))) w.state = freshState();
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
