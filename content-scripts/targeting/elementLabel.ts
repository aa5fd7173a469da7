import { clip, visibleText } from './domText';

const MAX = 1024;
const LABELLED = new Set(['input', 'select', 'textarea', 'meter', 'output', 'progress']);

interface Labelable extends Element {
  readonly labels?: NodeListOf<HTMLLabelElement> | null;
}

function byId(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}

/**
 * The text of the element's label, as assistive technology would find it: `aria-labelledby` first (it
 * overrides), else `<label for>` and wrapping labels, which the browser already resolves as `labels`.
 * The control's own subtree is left out of a wrapping label's text.
 */
export function labelOf(el: Element): string | undefined {
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
  // Only form fields are commonly labelled; reading `labels` elsewhere (buttons) allocates for nothing.
  if (!LABELLED.has(el.localName)) return undefined;
  const labels = (el as Labelable).labels;
  if (!labels || labels.length === 0) return undefined;
  const parts: string[] = [];
  for (const label of labels) {
    const text = visibleText(label, MAX, el);
    if (text !== undefined) parts.push(text);
  }
  return clip(parts.join(' '), MAX);
}
