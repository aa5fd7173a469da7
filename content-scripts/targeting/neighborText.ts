import { visibleText } from './domText';
import type { LabelIndex } from './elementLabel';
import { lastHeadingBefore, treeHeadings, type TreeHeadings } from './headingIndex';

/**
 * Text around an element, which tells look-alikes apart: the "Save" under "Billing address" from the one
 * under "Shipping address", the "Edit" on the ACME row from the one on the Globex row. Three slots,
 * joined by " · " (a `·` inside a part becomes a space); an empty slot before a filled one is kept empty
 * (`· Alan Torvalds`), so that each position always means the same thing to the matcher:
 * 1. the nearest heading before the element (h1-h6, role=heading, legend, caption), in document order,
 *    within the element's own tree, then its shadow host's or frame's: the section;
 * 2. its table or grid row's label: the first cell with text that does not hold the element: the item;
 * 3. for a form control without a label, the short text just before it (an unlinked caption).
 */
export interface NeighborCache {
  /** The heading text before an element ('' for none). */
  readonly headings: Map<Element, string>;
  /** Elements with role=heading, per tree: one query instead of an attribute read per step. */
  readonly roleHeadings: Map<Node, ReadonlySet<Element>>;
  /** All counting headings per tree, built once a walk turns out long (see `headingIndex.ts`). */
  readonly indexes: Map<Node, TreeHeadings>;
  readonly rows: Map<Element, readonly { cell: Element; text: string | undefined }[]>;
  /** Heading strictly before an element, for the elements a skipping lookup passed (see `headingBeforeBySkipping`). */
  readonly rowHeadings: Map<Element, string>;
  /** Per tree: its counting headings and all their ancestors, i.e. the elements that hold a heading. */
  readonly holders: Map<Node, ReadonlySet<Element>>;
  /** `label[for]` elements per tree (see `labelOf`): structure, like the rest. */
  readonly labels: LabelIndex;
}

export function createNeighborCache(): NeighborCache {
  return { headings: new Map(), roleHeadings: new Map(), indexes: new Map(), rows: new Map(), rowHeadings: new Map(), holders: new Map(), labels: new Map() };
}

const MAX = 2048;
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'legend', 'caption']);
/** Subtrees whose headings are not on the page (the collector skips them too). */
const OPAQUE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'head']);
const FIELDS = new Set(['input', 'select', 'textarea']);

function roleHeadingsOf(el: Element, cache: NeighborCache): ReadonlySet<Element> {
  const root = el.getRootNode();
  let set = cache.roleHeadings.get(root);
  if (set === undefined) {
    const found = 'querySelectorAll' in root ? (root as ParentNode).querySelectorAll('[role=heading]') : [];
    set = new Set(found);
    cache.roleHeadings.set(root, set);
  }
  return set;
}

/** A heading that counts: not inside an unrendered (`hidden`) or opaque subtree, and not empty. */
function headingText(node: Element): string | undefined {
  if (node.closest('[hidden]') !== null) return undefined;
  for (let a = node.parentElement; a !== null; a = a.parentElement) if (OPAQUE.has(a.localName)) return undefined;
  return visibleText(node, 200);
}

/** The last heading before `el`, by binary search over the tree's headings, crossing to hosts and frames. */
function headingByIndex(el: Element, cache: NeighborCache): string {
  let node: Element | null = el;
  let inclusive = false;
  while (node !== null) {
    const root = node.getRootNode() as Document | ShadowRoot;
    const index = indexOf(root, cache);
    const i = lastHeadingBefore(index, node, inclusive);
    if (i >= 0) return index.texts[i] as string;
    // Nothing before it in its tree: go on before its shadow host or frame, which count themselves.
    inclusive = true;
    if (root.nodeType === 11) node = (root as ShadowRoot).host;
    else {
      try {
        node = (root as Document).defaultView?.frameElement ?? null;
      } catch {
        node = null; // a cross-origin parent
      }
    }
  }
  return '';
}

/**
 * The heading before `el`, by binary search over its tree's headings (see `headingIndex.ts`), kept per
 * element. The index is built once per page state: with the state kept between locates, a walk back
 * through the page (what this was before) no longer pays for itself.
 */
function headingBefore(el: Element, cache: NeighborCache): string {
  let found = cache.headings.get(el);
  if (found === undefined) {
    found = headingByIndex(el, cache);
    cache.headings.set(el, found);
  }
  return found;
}

function indexOf(root: Document | ShadowRoot, cache: NeighborCache): TreeHeadings {
  let index = cache.indexes.get(root);
  if (index === undefined) {
    index = treeHeadings(root, headingText);
    cache.indexes.set(root, index);
  }
  return index;
}

/**
 * The elements of `el`'s tree that are or hold a heading that counts (a few ancestor chains): one
 * lookup then tells whether a row, or a sibling of it, holds a heading, instead of a query per row.
 */
function holdersOf(el: Element, cache: NeighborCache): ReadonlySet<Element> {
  const root = el.getRootNode() as Document | ShadowRoot;
  let set = cache.holders.get(root);
  if (set === undefined) {
    const found = new Set<Element>();
    for (const h of indexOf(root, cache).elements) {
      for (let a: Element | null = h; a !== null && !found.has(a); a = a.parentElement) found.add(a);
    }
    set = found;
    cache.holders.set(root, set);
  }
  return set;
}

/** The last heading that counts in `holder`'s subtree, itself included, in document order. */
function lastHeadingIn(holder: Element, holders: ReadonlySet<Element>): Element {
  let x = holder;
  for (;;) {
    let c = x.lastElementChild;
    while (c !== null && !holders.has(c)) c = c.previousElementSibling;
    if (c === null) return x; // a holder holding no other: the heading itself
    x = c;
  }
}

/**
 * The heading before `el` (what `headingBefore` finds), skipping whole subtrees that hold no heading:
 * siblings are passed over unless they hold one, then the walk goes up. Every element passed on the
 * way has the same answer, which is kept: in a grid of a thousand rows, wrapped or not, each lookup then
 * costs a step or two, not a walk through the row above. At the top of the tree the walk takes over,
 * as it knows how to go on to a shadow host or a frame.
 */
function headingBeforeBySkipping(el: Element, holders: ReadonlySet<Element>, cache: NeighborCache): string {
  const passed: Element[] = [];
  let found: string | undefined;
  let node: Element = el;
  outer: for (;;) {
    const known = cache.rowHeadings.get(node);
    if (known !== undefined) {
      found = known;
      break;
    }
    passed.push(node);
    for (let s = node.previousElementSibling; s !== null; s = s.previousElementSibling) {
      const hit = cache.rowHeadings.get(s);
      if (hit !== undefined && !holders.has(s)) {
        found = hit;
        break outer;
      }
      if (holders.has(s)) {
        found = headingText(lastHeadingIn(s, holders)) ?? '';
        break outer;
      }
      passed.push(s);
    }
    const parent = node.parentElement;
    if (parent === null) {
      found = headingBefore(passed[passed.length - 1] as Element, cache);
      break;
    }
    if (holders.has(parent) && (HEADING_TAGS.has(parent.localName) || roleHeadingsOf(parent, cache).has(parent)) && headingText(parent) !== undefined) {
      found = headingText(parent) as string;
      break;
    }
    node = parent;
  }
  for (const p of passed) cache.rowHeadings.set(p, found);
  return found;
}

/**
 * The heading slot: for an element in a row that holds no heading, the heading before the row (the
 * same answer, found faster); otherwise the walk.
 */
function sectionHeading(el: Element, row: Element | null, cache: NeighborCache): string {
  if (row === null || row === el) return headingBefore(el, cache);
  const holders = holdersOf(row, cache);
  return holders.has(row) ? headingBefore(el, cache) : headingBeforeBySkipping(row, holders, cache);
}

/** Only the first cell with text is the label (see `rowLabel`): the scan stops there. */
const ROW_CELLS = 1;

/**
 * The row's label: its first cell with text, unless that cell holds the element itself (the element's
 * own text is its name, not its context). Cells are looked up among all descendants, not only children,
 * so a wrapper a release puts around a cell does not hide it.
 */
function isCell(el: Element): boolean {
  const tag = el.localName;
  if (tag === 'td' || tag === 'th') return true;
  const role = el.getAttribute('role');
  return role === 'cell' || role === 'gridcell' || role === 'rowheader';
}

/**
 * The row's label: its first cell with text, unless that cell holds the element itself (the element's
 * own text is its name, not its context). Cells are the row's children, or their children when a
 * release wrapped them.
 */
function rowLabel(el: Element, row: Element | null, cache: NeighborCache): string | undefined {
  if (row === null) return undefined;
  let cells = cache.rows.get(row);
  if (cells === undefined) {
    const found: { cell: Element; text: string | undefined }[] = [];
    const consider = (cell: Element) => {
      // Most cells without text (a checkbox's, an actions cell) say so in one native call.
      const raw = cell.textContent;
      if (raw === null || raw.trim() === '') return;
      const text = visibleText(cell, 120);
      if (text !== undefined) found.push({ cell, text });
    };
    for (let c = row.firstElementChild; c !== null && found.length < ROW_CELLS; c = c.nextElementSibling) {
      if (isCell(c)) consider(c);
      else for (let d = c.firstElementChild; d !== null && found.length < ROW_CELLS; d = d.nextElementSibling) if (isCell(d)) consider(d);
    }
    cells = found;
    cache.rows.set(row, cells);
  }
  // When the element sits in the row's first text cell, it is itself the row's label (a record's name
  // link): the next column is no context of it, and would tie it to the column order, which releases change.
  const first = cells[0];
  if (first === undefined || first.cell.contains(el)) return undefined;
  return first.text;
}

function captionBefore(el: Element, hasLabel: boolean): string | undefined {
  if (hasLabel || !FIELDS.has(el.localName)) return undefined;
  for (let node: Element | null = el, depth = 0; node !== null && depth < 2; node = node.parentElement, depth++) {
    const p = node.previousElementSibling;
    if (p !== null) {
      const text = visibleText(p, 120);
      return text !== undefined && text.length <= 80 ? text : undefined;
    }
  }
  return undefined;
}

const SEPARATOR = /\u00b7/g;

export function neighborTextOf(el: Element, hasLabel: boolean, cache: NeighborCache = createNeighborCache()): string | undefined {
  const row = el.closest('tr, [role="row"]');
  const slots = [sectionHeading(el, row, cache), rowLabel(el, row, cache), captionBefore(el, hasLabel)].map((p) =>
    p === undefined ? '' : p.replace(SEPARATOR, ' ').trim(),
  );
  while (slots.length > 0 && slots[slots.length - 1] === '') slots.pop();
  if (slots.length === 0) return undefined;
  const joined = slots.join(' · ').trim();
  return joined.length > MAX ? joined.slice(0, MAX) : joined;
}
