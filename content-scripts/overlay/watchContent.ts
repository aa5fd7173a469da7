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

/**
 * Calls `onChange` (after the batch of mutations it came in) when what tells `el` apart may have changed
 * without `el` leaving the page: the text or identifying attributes of its row (`tr`, `role=row`), or of
 * the element itself outside a row. Grids keyed by index rewrite their rows in place on a sort or a
 * filter, and virtualized lists recycle rows scrolled out of view: the element then shows another
 * record. Scoped to the row, so a page changing elsewhere costs nothing here. Returns the cleanup.
 */
export function watchContent(el: Element, onChange: () => void): () => void {
  const scope = el.closest('tr, [role="row"]') ?? el;
  const observer = new MutationObserver((records) => {
    if (records.some((r) => !isOwnNode(r.target) && !typed(r.target))) onChange();
  });
  observer.observe(scope, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: IDENTIFYING });
  return () => observer.disconnect();
}
