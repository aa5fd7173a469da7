/**
 * The headings of one tree (a document or a shadow root) in document order, for finding the last one
 * before an element by binary search. `neighborText` walks backwards through the page instead while the
 * walk is short; past a few dozen steps (the button after a grid of ten thousand cells) one native query
 * per heading tag and a few `compareDocumentPosition` calls are far cheaper. Both find the same heading.
 */
export interface TreeHeadings {
  readonly elements: readonly Element[];
  /** The text each heading contributes (headings that do not count are left out). */
  readonly texts: readonly string[];
}

/** One selector per query: Chromium answers a lone tag selector much faster than a list. */
const SELECTORS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'legend', 'caption', '[role=heading]'];
const PRECEDING = 2;
const FOLLOWING = 4;

/** `textOf` returns the heading's text, or `undefined` for a heading that does not count. */
export function treeHeadings(root: Document | ShadowRoot, textOf: (heading: Element) => string | undefined): TreeHeadings {
  const seen = new Set<Element>();
  for (const selector of SELECTORS) {
    // A document's live collection for a tag is kept by the browser until the DOM changes.
    const found: ArrayLike<Element> = root.nodeType === 9 && selector[0] !== '[' ? (root as Document).getElementsByTagName(selector) : root.querySelectorAll(selector);
    for (let i = 0; i < found.length; i++) seen.add(found[i] as Element);
  }
  const ordered = [...seen].sort((a, b) => (a === b ? 0 : (a.compareDocumentPosition(b) & FOLLOWING) !== 0 ? -1 : 1));
  const elements: Element[] = [];
  const texts: string[] = [];
  for (const h of ordered) {
    const text = textOf(h);
    if (text === undefined) continue;
    elements.push(h);
    texts.push(text);
  }
  return { elements, texts };
}

/**
 * The index of the last heading that comes before `el` in document order (an ancestor heading counts),
 * or -1. With `inclusive`, `el` itself counts when it is one.
 */
export function lastHeadingBefore(headings: TreeHeadings, el: Element, inclusive: boolean): number {
  const list = headings.elements;
  const before = (i: number) => {
    const h = list[i] as Element;
    return h === el ? inclusive : (el.compareDocumentPosition(h) & PRECEDING) !== 0;
  };
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
