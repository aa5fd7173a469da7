import { useMemo, useRef } from 'preact/hooks';
import { applyFormat, type FormatCommand } from '../src/richText/applyFormat';
import { fromMarkdown } from '../src/richText/fromMarkdown';
import { toMarkdown } from '../src/richText/toMarkdown';
import type { FieldA11y } from './Field';
import { richTextFromHtml } from './richTextFromHtml';

interface RichTextEditorProps {
  a11y: FieldA11y;
  value: string;
  onChange: (markdown: string) => void;
}

/**
 * The list buttons' "•" and "1." are icons drawn by CSS (options.css), not text: the visible words then
 * stay part of the button's name (WCAG 2.5.3, a voice user says what they see).
 */
const BUTTONS: { cmd: FormatCommand; label: string; title: string; text: string }[] = [
  { cmd: 'bold', label: 'Bold', title: 'Bold (Ctrl+B)', text: 'B' },
  { cmd: 'italic', label: 'Italic', title: 'Italic (Ctrl+I)', text: 'I' },
  { cmd: 'code', label: 'Code', title: 'Inline code', text: '<>' },
  { cmd: 'link', label: 'Link', title: 'Link (Ctrl+K)', text: 'Link' },
  { cmd: 'bulletList', label: 'Bulleted list', title: 'Bulleted list', text: 'List' },
  { cmd: 'orderedList', label: 'Numbered list', title: 'Numbered list', text: 'List' },
];

const SHORTCUTS: Record<string, FormatCommand> = { b: 'bold', i: 'italic', k: 'link' };

/**
 * Replaces a range of the textarea as if typed, so that the browser's undo still works; where the
 * browser cannot (no `insertText` command), sets the text directly and reports the input.
 */
function replaceRange(ta: HTMLTextAreaElement, from: number, to: number, insert: string): void {
  ta.focus();
  ta.setSelectionRange(from, to);
  // execCommand is deprecated but remains the only way to edit a textarea undoably; it inserts text only.
  const done = typeof document.execCommand === 'function' && document.execCommand('insertText', false, insert);
  if (!done || ta.value.slice(from, from + insert.length) !== insert) {
    ta.setRangeText(insert, from, to, 'end');
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

/** Blank lines around pasted blocks, so that they do not run into the text around them. */
function padBlocks(text: string, from: number, to: number, md: string): string {
  if (!/\n/.test(md) && !/^(-|\d+\.)( |$)|^```/.test(md)) return md;
  const before = text.slice(0, from);
  const after = text.slice(to);
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const tail = after === '' || after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  return lead + md + tail;
}

/**
 * The step body editor: a textarea in the documented authoring syntax (see `fromMarkdown`), with
 * buttons that wrap the selection. Pasted HTML is cleaned with DOMPurify, converted to rich text and
 * inserted in the same syntax, so what lands in the textarea is exactly what will be stored.
 */
export function RichTextEditor({ a11y, value, onChange }: RichTextEditorProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const unsafe = useMemo(() => {
    const dropped: string[] = [];
    fromMarkdown(value, { onUnsafeLink: (h) => dropped.push(h) });
    return dropped;
  }, [value]);

  const format = (cmd: FormatCommand) => {
    const ta = ref.current;
    if (!ta) return;
    const e = applyFormat(ta.value, ta.selectionStart, ta.selectionEnd, cmd);
    replaceRange(ta, e.from, e.to, e.insert);
    ta.setSelectionRange(e.selectionStart, e.selectionEnd);
  };

  const onPaste = (e: ClipboardEvent) => {
    const ta = ref.current;
    const html = e.clipboardData?.getData('text/html') ?? '';
    if (!ta || html.trim() === '') return;
    const md = toMarkdown(richTextFromHtml(html));
    if (md === '') return; // nothing structural: let the plain-text paste happen
    e.preventDefault();
    replaceRange(ta, ta.selectionStart, ta.selectionEnd, padBlocks(ta.value, ta.selectionStart, ta.selectionEnd, md));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
    const cmd = SHORTCUTS[e.key.toLowerCase()];
    if (!cmd) return;
    e.preventDefault();
    format(cmd);
  };

  return (
    <div class="rte">
      <div class="rte-tools" role="group" aria-label="Formatting">
        {BUTTONS.map((b) => (
          <button
            key={b.cmd}
            type="button"
            class={`btn btn-tool tool-${b.cmd}`}
            aria-label={b.label}
            title={b.title}
            aria-controls={a11y.id}
            // Keep the textarea's selection: a mouse press on the button would otherwise take focus first.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => format(b.cmd)}
          >
            {b.text}
          </button>
        ))}
      </div>
      <textarea
        {...a11y}
        ref={ref}
        class="rte-text"
        rows={7}
        value={value}
        spellcheck
        onInput={(e) => onChange(e.currentTarget.value)}
        onPaste={onPaste}
        onKeyDown={onKeyDown}
      />
      {unsafe.length > 0 ? (
        <p class="field-warning" role="status">
          <span aria-hidden="true">⚠ </span>
          Links must start with https://, http:// or mailto:. {unsafe.length === 1 ? 'This link' : 'These links'} will show as plain text:{' '}
          {unsafe.map((u, i) => (
            <code key={i}>{u.length > 60 ? `${u.slice(0, 59)}…` : u}</code>
          ))}
        </p>
      ) : null}
      <details class="rte-help">
        <summary>Formatting help</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">To get</th>
            </tr>
          </thead>
          <tbody>
            <tr><td><code>**bold**</code></td><td><strong>bold</strong></td></tr>
            <tr><td><code>*italic*</code></td><td><em>italic</em></td></tr>
            <tr><td><code>`code`</code></td><td><code>code</code></td></tr>
            <tr><td><code>[text](https://example.com)</code></td><td>a link (only https://, http:// and mailto:)</td></tr>
            <tr><td><code>- item</code> at the start of a line</td><td>a bulleted list</td></tr>
            <tr><td><code>1. item</code> at the start of a line</td><td>a numbered list</td></tr>
            <tr><td>a line of <code>```</code> before and after</td><td>a block of code, kept as typed</td></tr>
            <tr><td>a blank line</td><td>a new paragraph</td></tr>
            <tr><td><code>\*</code>, <code>\[</code>, <code>\`</code></td><td>the character itself</td></tr>
          </tbody>
        </table>
        <p class="hint">Pasting from a web page or a document keeps bold, italic, code, links and lists; everything else becomes plain text.</p>
      </details>
    </div>
  );
}
