import { clip, visibleText } from './domText';

const MAX = 1024;
const LABELLED = new Set(['input', 'select', 'textarea', 'meter', 'output', 'progress']);

function byId(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}

/**
 * The text of the element's label, as assistive technology would find it: `aria-labelledby` first (it
 * overrides), else `<label for>` and wrapping labels, which the browser already resolves as `labels`.
 * The control's own subtree is left out of a wrapping label's text.
 */
export function labelOf(el: Element, forIndex: LabelIndex = new Map()): string | undefined {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const parts: string[] = [];
    for (const id of labelledBy.split(/\s+/)) {
      const ref = id === '' ? null : byId(el, id);
      const text = ref === null ? undefined : visibleText(ref, MAX);
      if (text !== undefined) parts.push(text);
    }
    const joined = clip(parts.join(' '), MAX);
    if (joined !== undefined) return joined;
  }
  // Only form fields are commonly labelled; looking elsewhere (buttons) costs for nothing.
  if (!LABELLED.has(el.localName)) return undefined;
  const parts: string[] = [];
  for (const label of labelsOf(el, forIndex)) {
    const text = visibleText(label, MAX, el);
    if (text !== undefined) parts.push(text);
  }
  return clip(parts.join(' '), MAX);
}

/** Per tree: the `label[for]` elements by the id they name (see `labelsOf`). */
export type LabelIndex = Map<Node, Map<string, Element[]>>;

/**
 * The element's labels, as `labels` has them: the `<label for>` naming its id, and the label wrapping
 * it (unless that one names another element). Not `labels` itself: after any DOM change, each control's
 * live `labels` list searches the whole document again (on a page of 10,000 elements, 0.2 ms per
 * control), where one query per tree answers them all.
 */
function labelsOf(el: Element, index: LabelIndex): Element[] {
  const root = el.getRootNode();
  let byFor = index.get(root);
  if (byFor === undefined) {
    byFor = new Map();
    for (const label of (root as ParentNode).querySelectorAll('label[for]')) {
      const id = label.getAttribute('for') as string;
      byFor.set(id, [...(byFor.get(id) ?? []), label]);
    }
    index.set(root, byFor);
  }
  // A wrapping label with `for` names whichever element that is, and is found by it if it is this one.
  const wrapping = el.parentElement?.closest('label:not([for])');
  return [...((el.id && byFor.get(el.id)) || []), ...(wrapping ? [wrapping] : [])];
}
