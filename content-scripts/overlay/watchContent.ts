import { isOwnNode } from './shadowHost';

/**
 * The attributes whose change can make an element another one to the locator: what names it, what
 * identifies it, and whether it is shown. Classes and inline styles are left out: hover states and a
 * virtualized list's positioning rewrite them all the time and say nothing about which record it is.
 */
const IDENTIFYING = ['id', 'name', 'href', 'role', 'title', 'placeholder', 'value', 'hidden', 'aria-label', 'aria-labelledby', 'aria-hidden', 'data-testid', 'data-test-id', 'data-test', 'data-cy', 'data-qa'];

/** A change the user makes by typing: an editable element's own content (its text is theirs, not the page's). */
const typed = (n: Node): boolean => {
  const el = n instanceof Element ? n : n.parentElement;
  return el instanceof HTMLElement && el.isContentEditable;
};

const isCell = (el: Element) => el.localName === 'td' || el.localName === 'th' || ['cell', 'gridcell', 'rowheader'].includes(el.getAttribute('role') ?? '');

/**
 * The row's label cell as the locator reads it (`neighborText.ts`): its first cell with text, among its
 * children or their children (a wrapper around a cell), unless that cell holds the element.
 */
function labelCell(row: Element, el: Element): Element | null {
  for (let c = row.firstElementChild; c !== null; c = c.nextElementSibling) {
    for (const cell of isCell(c) ? [c] : Array.from(c.children).filter(isCell)) {
      if ((cell.textContent ?? '').trim() === '') continue;
      return cell.contains(el) ? null : cell;
    }
  }
  return null;
}

/**
 * Calls `onChange` (after the batch of mutations it came in) when what tells `el` apart may have changed
 * without `el` leaving the page: its own text or identifying attributes, or its row's (`tr`,
 * `role=row`) label cell, or the cells before it, or the row itself (hidden, cells replaced). Grids keyed
 * by index rewrite their rows in place on a sort or a filter, and virtualized lists recycle rows
 * scrolled out of view: the element then shows another record. The other cells of its row (a status,
 * a ticking price) and the rest of the page cost nothing here. Returns the cleanup.
 */
export function watchContent(el: Element, onChange: () => void): () => void {
  const row = el.closest('tr, [role="row"]');
  let label: Element | null = null;
  const matters = (n: Node): boolean => {
    if (isOwnNode(n) || typed(n)) return false;
    if (row === null || el.contains(n) || n === row) return true;
    if (label === null || !label.isConnected || !row.contains(label)) label = labelCell(row, el);
    // No label: any cell may name the record.
    if (label === null) return true;
    return label.contains(n) || (n.compareDocumentPosition(label) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  };
  const observer = new MutationObserver((records) => {
    if (records.some((r) => matters(r.target))) onChange();
  });
  observer.observe(row ?? el, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: IDENTIFYING });
  return () => observer.disconnect();
}
