import { isOwnNode } from '../overlay/shadowHost';
import { isValueField } from './fieldKinds';

/**
 * Remembers the text the user last selected on the page, outside our own UI and outside editable
 * fields, so that a prompt variable can use it after focus has moved to the assistant's input (which
 * clears the selection). Kept in memory only, never sent. Returns the reader and the cleanup.
 */
export function watchSelection(): { last(): string; stop(): void } {
  let last = '';
  const ac = new AbortController();
  const remember = () => {
    const sel = document.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return;
    const node = sel.getRangeAt(0).commonAncestorContainer;
    const el = node instanceof Element ? node : node.parentElement;
    if (!el || isOwnNode(el) || (el instanceof HTMLElement && el.isContentEditable)) return;
    const text = sel.toString().replace(/\s+/g, ' ').trim();
    if (text) last = text.slice(0, 4000);
  };
  document.addEventListener('selectionchange', remember, { signal: ac.signal });
  // `selectionchange` is queued: a click that follows the selection at once (Firefox) can collapse it
  // first. The press itself comes before the collapse, so the selection is read there too.
  document.addEventListener('pointerdown', remember, { capture: true, signal: ac.signal });
  return { last: () => last, stop: () => ac.abort() };
}

/** A field's value, or an element's visible text, for a prompt variable (at most 4,000 characters). */
export function elementValue(el: Element): string {
  if (isValueField(el)) return el.value.slice(0, 4000);
  const text = 'innerText' in el ? (el as HTMLElement).innerText : (el.textContent ?? '');
  return text.replace(/\s+/g, ' ').trim().slice(0, 4000);
}
