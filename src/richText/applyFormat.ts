/**
 * The formatting buttons of the body editor, as pure text edits on the textarea's value and
 * selection. Each returns one replacement (so the editor can apply it as a single, undoable input)
 * and the selection to restore afterwards.
 */
export type FormatCommand = 'bold' | 'italic' | 'code' | 'link' | 'bulletList' | 'orderedList';

export interface FormatEdit {
  /** Replace `text.slice(from, to)` with `insert`. */
  from: number;
  to: number;
  insert: string;
  /** The selection after the edit, in the new text. */
  selectionStart: number;
  selectionEnd: number;
}

const WRAP: Record<'bold' | 'italic' | 'code', { mark: string; placeholder: string }> = {
  bold: { mark: '**', placeholder: 'bold text' },
  italic: { mark: '*', placeholder: 'italic text' },
  code: { mark: '`', placeholder: 'code' },
};

const URLISH = /^(https?:\/\/|mailto:)\S+$/i;

export function applyFormat(text: string, start: number, end: number, cmd: FormatCommand): FormatEdit {
  const s = Math.max(0, Math.min(start, end, text.length));
  const e = Math.min(text.length, Math.max(start, end));
  switch (cmd) {
    case 'bold':
    case 'italic':
    case 'code':
      return wrap(text, s, e, WRAP[cmd].mark, WRAP[cmd].placeholder);
    case 'link':
      return link(text, s, e);
    case 'bulletList':
    case 'orderedList':
      return list(text, s, e, cmd === 'orderedList');
  }
}

/** Wraps the selection (without its surrounding spaces) in `mark`, or unwraps it when already wrapped. */
function wrap(text: string, start: number, end: number, mark: string, placeholder: string): FormatEdit {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  const n = mark.length;
  const selected = text.slice(s, e);
  if (selected.startsWith(mark) && selected.endsWith(mark) && selected.length >= 2 * n + 1 && !isLonger(selected, mark)) {
    const inner = selected.slice(n, -n);
    return { from: s, to: e, insert: inner, selectionStart: s, selectionEnd: s + inner.length };
  }
  if (s > 0 && text.slice(s - n, s) === mark && text.slice(e, e + n) === mark && !isLonger(text.slice(s - n - 1, e + n + 1), mark)) {
    return { from: s - n, to: e + n, insert: selected, selectionStart: s - n, selectionEnd: e - n };
  }
  const inner = selected === '' ? placeholder : selected;
  return { from: s, to: e, insert: `${mark}${inner}${mark}`, selectionStart: s + n, selectionEnd: s + n + inner.length };
}

/** `*x*` inside `**x**` is not an italic wrapping: the mark must not be part of a longer run. */
function isLonger(s: string, mark: string): boolean {
  const c = mark[0] as string;
  return s.startsWith(mark + c) && s.endsWith(c + mark);
}

function link(text: string, s: number, e: number): FormatEdit {
  const selected = text.slice(s, e).trim();
  if (URLISH.test(selected)) {
    const label = 'link text';
    return { from: s, to: e, insert: `[${label}](${selected})`, selectionStart: s + 1, selectionEnd: s + 1 + label.length };
  }
  const label = selected === '' ? 'link text' : selected;
  const url = 'https://';
  const insert = `[${label}](${url})`;
  const at = s + label.length + 3;
  return { from: s, to: e, insert, selectionStart: at, selectionEnd: at + url.length };
}

const MARKER = /^(?:- |\d{1,9}\. )/;

/** Turns the selected lines into list items, or back into plain lines when they already are. */
function list(text: string, s: number, e: number, ordered: boolean): FormatEdit {
  const from = text.lastIndexOf('\n', s - 1) + 1;
  // A selection ending at the start of a line does not include that line.
  const endAt = e > s && text[e - 1] === '\n' ? e - 1 : e;
  const nl = text.indexOf('\n', endAt);
  const to = nl < 0 ? text.length : nl;
  const lines = text.slice(from, to).split('\n');
  const own = ordered ? /^\d{1,9}\. / : /^- /;
  const filled = lines.filter((l) => l.trim() !== '');
  if (filled.length === 0) {
    const insert = ordered ? '1. ' : '- ';
    return { from, to, insert, selectionStart: from + insert.length, selectionEnd: from + insert.length };
  }
  const already = filled.every((l) => own.test(l));
  let n = 0;
  const changed = lines.map((l) => {
    if (l.trim() === '') return l;
    const bare = l.replace(MARKER, '');
    if (already) return bare;
    n++;
    return `${ordered ? `${n}.` : '-'} ${bare}`;
  });
  const body = changed.join('\n');
  // A plain line right after a list would continue its last item: keep that paragraph apart.
  const nextEnd = nl < 0 ? -1 : text.indexOf('\n', nl + 1);
  const after = nl < 0 ? '' : text.slice(nl + 1, nextEnd < 0 ? undefined : nextEnd);
  const gap = !already && after.trim() !== '' && !MARKER.test(after) ? '\n' : '';
  return { from, to, insert: body + gap, selectionStart: from, selectionEnd: from + body.length };
}
