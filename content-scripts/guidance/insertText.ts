/**
 * Puts text into a field of the host app so that the app's own state sees it: React and Vue keep the
 * value of controlled inputs in their state and listen for `input` events, and they ignore a plain
 * `el.value = …` (React even tracks the last value it set). So:
 *
 * - input / textarea: the value is set through the prototype's native setter (bypassing React's
 *   instance-level tracker), at the caret, then `input` is dispatched as typing would, and `change`
 *   as a finished edit would (Vue's `v-model.lazy` and plain `onchange` handlers listen only for it);
 * - contenteditable: `execCommand('insertText')`, which fires `beforeinput` and `input` the way typing
 *   does (editors such as ProseMirror or Lexical listen for those); where it is refused, a Range
 *   insertion framed by a cancelable `beforeinput` and an `input` event.
 *
 * Returns false when the element cannot take text.
 */
export function insertText(el: Element, text: string): boolean {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return insertIntoField(el, text);
  if (el instanceof HTMLElement && el.isContentEditable) return insertIntoEditable(el, text);
  return false;
}

function insertIntoField(el: HTMLTextAreaElement | HTMLInputElement, text: string): boolean {
  if (el.disabled || el.readOnly) return false;
  el.focus();
  const cur = el.value;
  // A field with text gets the prompt at the caret; the caret of an unfocused field is at its end.
  const start = el.selectionStart ?? cur.length;
  const end = el.selectionEnd ?? cur.length;
  const next = cur.slice(0, start) + text + cur.slice(end);
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, next);
  else el.value = next;
  const caret = start + text.length;
  try {
    el.setSelectionRange(caret, caret);
  } catch {
    // Some input types (email, number) have no selection.
  }
  el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

function insertIntoEditable(el: HTMLElement, text: string): boolean {
  el.focus();
  const sel = el.ownerDocument.getSelection();
  if (!sel) return false;
  // Keep the user's caret when it is inside the editor; otherwise insert at the end.
  if (sel.rangeCount === 0 || !el.contains(sel.getRangeAt(0).commonAncestorContainer)) {
    const r = el.ownerDocument.createRange();
    r.selectNodeContents(el);
    r.collapse(false);
    sel.removeAllRanges();
    sel.addRange(r);
  }
  const before = el.textContent ?? '';
  // execCommand is deprecated but remains the one way to insert text as the browser's own editing does.
  const doc = el.ownerDocument as Document & { execCommand(cmd: string, ui: boolean, value: string): boolean };
  if (doc.execCommand('insertText', false, text) && (el.textContent ?? '') !== before) return true;
  const init = { bubbles: true, composed: true, cancelable: true, inputType: 'insertText', data: text };
  if (!el.dispatchEvent(new InputEvent('beforeinput', init))) return true; // the editor inserted it itself
  const range = sel.getRangeAt(0);
  range.deleteContents();
  const node = el.ownerDocument.createTextNode(text);
  range.insertNode(node);
  range.setStartAfter(node);
  range.collapse(true);
  sel.removeAllRanges();
  sel.addRange(range);
  el.dispatchEvent(new InputEvent('input', { ...init, cancelable: false }));
  return true;
}
