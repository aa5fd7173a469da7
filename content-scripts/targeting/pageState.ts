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
/** Records beyond which a batch is not examined one by one: the state is rebuilt instead. */
const MAX_PENDING = 256;

interface Watch {
  readonly observer: MutationObserver;
  readonly observed: WeakSet<Node>;
  /** Records delivered to the observer since the state was last brought up to date. */
  pending: MutationRecord[];
  state: PageState;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'legend', 'caption']);
const FIELDS = new Set(['input', 'select', 'textarea']);

/**
 * Brings `state` up to date with text-only changes (a text node's data; text nodes or comments added
 * or removed) instead of starting afresh: no element came or went, so the candidates and their paths
 * stand, and only what was read from text is forgotten: the text of the elements holding a change,
 * the row labels of the rows holding one, labels, fields' captions, and neighbours' names (cheap to
 * read again: labels are few, fields too, neighbours are read for the leaders only). A change inside a
 * heading, or any other kind of record (elements added or removed, attributes, which decide what is a
 * candidate), returns false: then only the row labels such a change leaves alone are kept (see
 * `untouchedRows`).
 */
function applyTextChanges(state: PageState, records: readonly MutationRecord[]): boolean {
  const holders = new Set<Element>();
  for (const r of records) {
    if (r.type === 'attributes') return false;
    for (const list of [r.addedNodes, r.removedNodes]) for (let i = 0; i < list.length; i++) if ((list[i] as Node).nodeType === 1) return false;
    for (let x = r.type === 'characterData' ? r.target.parentElement : (r.target as Element); x !== null && !holders.has(x); x = x.parentElement) {
      if (HEADINGS.has(x.localName) || x.getAttribute('role') === 'heading') return false;
      holders.add(x);
    }
  }
  const rows = [...holders].filter((x) => x.localName === 'tr' || x.getAttribute('role') === 'row');
  for (const row of rows) state.neighbors.rows.delete(row);
  for (const { fingerprints } of state.queries.values()) {
    for (const fp of fingerprints) {
      const el = fp.element;
      // A label may be any element (`aria-labelledby`): labels are cheap to read again.
      fp.forget(holders.has(el), FIELDS.has(el.localName) || rows.some((row) => row.contains(el)));
    }
  }
  return true;
}

/**
 * The row labels of `state` that an element added, removed or re-attributed leaves as they were. A row
 * label is read from the row's own cells (`rowLabel` in `neighborText.ts`), so it stands unless a record
 * touched the row or something inside it (every ancestor of a record's target is dropped: the kept
 * keys are rows only); rows added or removed around it (a grid re-rendering one row, a toast
 * appearing) do not. Re-reading a grid's hundreds of labels was part of a locate's cost after such a
 * change. Rows no longer on the page are dropped.
 */
function untouchedRows(state: PageState, records: readonly MutationRecord[]): NeighborCache['rows'] {
  const kept = new Map(state.neighbors.rows);
  for (const r of records) for (let x: Node | null = r.target; x !== null; x = x.parentNode) kept.delete(x as Element);
  for (const row of kept.keys()) if (!row.isConnected) kept.delete(row);
  return kept;
}

const watches = new WeakMap<Document, Watch>();

function freshState(rows: NeighborCache['rows'] = new Map()): PageState {
  return { paths: createPathCache(), neighbors: { ...createNeighborCache(), rows }, queries: new Map() };
}

/**
 * The state of `doc` as of now: the kept one when no mutation happened since it was built in any tree
 * it was built from; the kept one brought up to date when only text changed (see `applyTextChanges`);
 * else a fresh one that keeps the row labels the changes did not touch. Pending mutation records are
 * taken synchronously, so a change made just before the call (in the same task) is never missed. Changes that produce no mutation
 * record (a shadow root attached to an element already on the page, a frame navigating) are caught by
 * the collector, which compares the trees it finds with the ones a kept answer came from.
 */
export function pageStateOf(doc: Document): PageState {
  let w = watches.get(doc);
  if (w === undefined) {
    const created: Watch = {
      observer: new MutationObserver((records) => {
        // Bounded: past a few hundred records nothing is worth keeping anyway.
        if (created.pending.length < MAX_PENDING) created.pending.push(...records);
        else created.pending.length = MAX_PENDING + 1;
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
  if (records.length > MAX_PENDING) w.state = freshState();
  else if (records.length > 0 && !applyTextChanges(w.state, records)) w.state = freshState(untouchedRows(w.state, records));
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
