import { LiveFingerprint, type PassCaches } from './liveFingerprint';
import type { CachedCandidates, Entry } from './pageState';

/** What decides whether an element is a candidate of a query (see `collectCandidates`). */
export interface Membership {
  readonly selectors: readonly string[];
  readonly filter: ((el: Element) => boolean) | undefined;
  /** Leaves out what the query never takes: our own nodes, and elements that are never targets. */
  readonly excluded: (el: Element) => boolean;
}

const FIELDS = new Set(['input', 'select', 'textarea']);

/** Collection order: selector first (selectors in the order given), then document order. */
function before(a: Entry, b: Entry): boolean {
  return a.sel !== b.sel ? a.sel < b.sel : a.el !== b.el && (a.el.compareDocumentPosition(b.el) & 4) !== 0;
}

/**
 * Brings a kept answer up to date with the batches queued on it (see `applyRecords` in `pageState.ts`):
 * drops the records of elements that left the page or are stale, forgets what the changes may have
 * made stale in the others (their text when a change is inside them; neighbour text when headings
 * changed, for elements of a row holding a change, and for form fields, whose caption depends on
 * their label), and collects the stale elements that are candidates (again), each inserted where a
 * fresh collection would put it. Only the stale elements are examined, never the whole page.
 */
export function applyChanges(kept: CachedCandidates, m: Membership, caches: PassCaches): void {
  const changes = kept.changes;
  if (changes.length === 0) return;
  kept.changes = [];
  const stale = (el: Element) => changes.some((c) => c.stale.has(el));
  const holds = (el: Element) => changes.some((c) => c.holders.has(el));
  const neighbors = changes.some((c) => c.neighbors);
  const rows = new Set<Element>();
  for (const c of changes) for (const h of c.holders) if (h.localName === 'tr' || h.getAttribute('role') === 'row') rows.add(h);
  // Up the element's ancestors rather than asking every touched row (a grid updating a hundred rows).
  const inRow = (el: Element) => {
    for (let a: Element | null = el; a !== null && rows.size > 0; a = a.parentElement) if (rows.has(a)) return true;
    return false;
  };
  for (const [tree, entries] of kept.trees) {
    const left = entries.filter((e) => e.el.isConnected && !stale(e.el));
    for (const { el, fp } of left) fp.forget(holds(el), neighbors || FIELDS.has(el.localName) || inRow(el));
    kept.trees.set(tree, left);
  }
  const seen = new Set<Element>();
  for (const c of changes) {
    for (const el of c.stale) {
      if (seen.has(el) || !el.isConnected) continue;
      seen.add(el);
      const tree = el.getRootNode();
      const entries = kept.trees.get(tree);
      // A tree this answer has not collected yet is collected whole when it is reached.
      if (entries === undefined || el.closest('[hidden]') !== null) continue;
      // `matches` agrees with a document's `getElementsByTagName` for the plain tag names the queries use.
      const sel = m.selectors.findIndex((selector) => el.matches(selector));
      if (sel < 0 || m.excluded(el) || (m.filter !== undefined && !m.filter(el))) continue;
      const entry: Entry = { el, fp: new LiveFingerprint(el, caches), sel };
      let lo = 0;
      let hi = entries.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(entries[mid] as Entry, entry)) lo = mid + 1;
        else hi = mid;
      }
      entries.splice(lo, 0, entry);
    }
  }
}
