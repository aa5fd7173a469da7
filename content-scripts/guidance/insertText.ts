import { isEditable, nativeValueSetter } from './fieldKinds';

/**
 * Puts text into a field of the host app so that the app's own state sees it: React and Vue keep the
 * value of controlled inputs in their state and listen for `input` events, and they ignore a plain
 * `el.value = …` (React even tracks the last value it set). So:
 *
 * - input / textarea: the value is set through the prototype's native setter (bypassing React's
 *   instance-level tracker), at the caret, then `input` is dispatched as typing would, and `change`
 *   as a finished edit would (Vue's `v-model.lazy` and plain `onchange` handlers listen only for it);
 * - contenteditable: first as a paste of plain text. Rich-text editors (ProseMirror in ChatGPT's and
 *   Claude's composers, Lexical, Slate, Quill, Draft) keep the document in their own model, and each
 *   takes a paste itself, lines as paragraphs; typed-in text they see only as DOM changes, which
 *   Lexical applied twice (`tests/e2e/richEditors.test.ts`). A paste no editor handles changes nothing
 *   (an untrusted one has no default action), and Firefox hides a script's paste data: then
 *   `execCommand('insertText')` line by line with `insertParagraph` between lines, which fire
 *   `beforeinput` and `input` the way typing and Enter do; where it is refused, a Range insertion
 *   framed by a cancelable `beforeinput` and an `input` event.
 *
 * Returns false when the element cannot take text.
 */
export async function insertText(el: Element, text: string): Promise<boolean> {
  if (el.localName === 'textarea' || el.localName === 'input') return insertIntoField(el as HTMLTextAreaElement | HTMLInputElement, text);
  if (isEditable(el)) return insertIntoEditable(el, text);
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
  const setter = nativeValueSetter(el);
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

async function insertIntoEditable(el: HTMLElement, text: string): Promise<boolean> {
  const doc = el.ownerDocument as Document & { execCommand(cmd: string, ui?: boolean, value?: string): boolean };
  const sel = doc.getSelection();
  if (!sel) return false;
  el.focus();
  // Keep the user's caret when it is inside the editor; otherwise insert at the end.
  if (sel.rangeCount === 0 || !el.contains(sel.getRangeAt(0).commonAncestorContainer)) {
    const r = doc.createRange();
    r.selectNodeContents(el);
    r.collapse(false);
    sel.removeAllRanges();
    sel.addRange(r);
  }
  const before = el.textContent ?? '';
  if (pasted(el, text, before)) return true;
  // execCommand is deprecated but remains the one way to insert text as the browser's own editing does:
  // line by line, a new paragraph between lines as Enter makes one (a newline inside `insertText` is a
  // space in Firefox, and a line break editors do not all read as one). What counts is the editor's text, not what execCommand answers: an editor that inserts the text
  // itself cancels the command's `beforeinput` (Firefox then answers false), and may draw it a task
  // later (Lexical).
  text.split('\n').forEach((line, i) => {
    if (i > 0) doc.execCommand('insertParagraph');
    if (line !== '') doc.execCommand('insertText', false, line);
  });
  if ((el.textContent ?? '') !== before) return true;
  await new Promise((r) => setTimeout(r, 0));
  if ((el.textContent ?? '') !== before) return true;
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

/**
 * Offers `text` to the editor as a paste; true when it took it (it handled the event, or its text
 * changed). Not where the browser keeps a script's paste data from its listeners (Firefox reads an
 * empty paste from an untrusted event): the editor would take the paste and insert nothing.
 */
function pasted(el: HTMLElement, text: string, before: string): boolean {
  let event: ClipboardEvent;
  try {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    event = new ClipboardEvent('paste', { bubbles: true, cancelable: true, composed: true, clipboardData: data });
  } catch {
    return false;
  }
  if (event.clipboardData?.getData('text/plain') !== text) return false;
  const taken = !el.dispatchEvent(event);
  return taken || (el.textContent ?? '') !== before;
}

