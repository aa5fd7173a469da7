import { SAFE_LINK, type Inline, type TextRun } from '../schema/richText';

/**
 * Inline syntax of the authoring format (see `fromMarkdown.ts` for the whole of it).
 *
 * Emphasis is a toggle, not a nesting: a run of one `*` switches italic, two switch bold, three switch
 * both. That makes every mix of marks expressible and the reading unambiguous, so `toMarkdown` can
 * write exactly what this reads. A toggle that is still open at the end of its paragraph or list item
 * is taken literally (`5 * 3` stays as typed). Runs of four or more `*` are literal.
 */

/** ASCII punctuation: a backslash before one of these makes it literal. */
export const ESCAPABLE = /[!-/:-@[-`{-~]/;

type Tok =
  | { k: 'text'; s: string }
  | { k: 'code'; s: string }
  | { k: 'delim'; n: 1 | 2 | 3; literalBold: boolean; literalItalic: boolean }
  | { k: 'link'; href: string; kids: Tok[] };

interface Scan {
  toks: Tok[];
  /** Index of the `]` that closed link text, or the end of the input. */
  end: number;
  closed: boolean;
}

function runLength(s: string, i: number, ch: string): number {
  let j = i;
  while (s[j] === ch) j++;
  return j - i;
}

/** Where the closing backtick run of exactly `n` backticks starts, or -1. */
function findCodeClose(s: string, from: number, n: number): number {
  let j = from;
  while (j < s.length) {
    if (s[j] === '`') {
      const len = runLength(s, j, '`');
      if (len === n) return j;
      j += len;
    } else j++;
  }
  return -1;
}

/** Code span content: line breaks read as spaces; one space of padding on both sides is removed. */
function codeContent(raw: string): string {
  const s = raw.replace(/\r\n?|\n/g, ' ');
  return s.length >= 2 && s.startsWith(' ') && s.endsWith(' ') && s.trim() !== '' ? s.slice(1, -1) : s;
}

/**
 * The destination of a link, from just after `](`: up to the `)` that balances the parentheses, on one
 * line; backslash escapes are honoured.
 */
function scanHref(s: string, from: number): { href: string; end: number } | null {
  let depth = 0;
  let href = '';
  for (let j = from; j < s.length; j++) {
    const c = s[j] as string;
    if (c === '\n') return null;
    if (c === '\\' && j + 1 < s.length && ESCAPABLE.test(s[j + 1] as string)) {
      href += s[j + 1];
      j++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) {
        const trimmed = href.trim();
        return trimmed === '' ? null : { href: trimmed, end: j + 1 };
      }
      depth--;
    }
    href += c;
  }
  return null;
}

function scan(s: string, start: number, inLink: boolean): Scan {
  const toks: Tok[] = [];
  let buf = '';
  const flush = () => {
    if (buf !== '') toks.push({ k: 'text', s: buf });
    buf = '';
  };
  let i = start;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === '\\' && i + 1 < s.length && ESCAPABLE.test(s[i + 1] as string)) {
      buf += s[i + 1];
      i += 2;
    } else if (c === '`') {
      const n = runLength(s, i, '`');
      const close = findCodeClose(s, i + n, n);
      if (close < 0) {
        buf += '`'.repeat(n);
        i += n;
      } else {
        flush();
        toks.push({ k: 'code', s: codeContent(s.slice(i + n, close)) });
        i = close + n;
      }
    } else if (c === '*') {
      const n = runLength(s, i, '*');
      if (n <= 3) {
        flush();
        toks.push({ k: 'delim', n: n as 1 | 2 | 3, literalBold: false, literalItalic: false });
      } else buf += '*'.repeat(n);
      i += n;
    } else if (c === ']' && inLink) {
      flush();
      return { toks, end: i, closed: true };
    } else if (c === '[' && !inLink) {
      const inner = scan(s, i + 1, true);
      const dest = inner.closed && s[inner.end + 1] === '(' ? scanHref(s, inner.end + 2) : null;
      if (dest) {
        flush();
        toks.push({ k: 'link', href: dest.href, kids: inner.toks });
        i = dest.end;
      } else {
        buf += '[';
        i++;
      }
    } else {
      buf += c;
      i++;
    }
  }
  flush();
  return { toks, end: i, closed: false };
}

/** Decides which toggles open and close; an opener left open at the end of the scope is literal. */
function resolveToggles(toks: Tok[]): void {
  const delims: Extract<Tok, { k: 'delim' }>[] = [];
  const collect = (xs: Tok[]) => {
    for (const t of xs) {
      if (t.k === 'delim') delims.push(t);
      else if (t.k === 'link') collect(t.kids);
    }
  };
  collect(toks);
  let bold: (typeof delims)[number] | null = null;
  let italic: (typeof delims)[number] | null = null;
  for (const d of delims) {
    if (d.n >= 2) bold = bold ? null : d;
    if (d.n !== 2) italic = italic ? null : d;
  }
  if (bold) bold.literalBold = true;
  if (italic) italic.literalItalic = true;
}

interface Marks {
  bold: boolean;
  italic: boolean;
}

function run(text: string, m: Marks, code: boolean): TextRun {
  return {
    type: 'text',
    text,
    ...(m.bold ? { bold: true } : {}),
    ...(m.italic ? { italic: true } : {}),
    ...(code ? { code: true } : {}),
  };
}

function sameMarks(a: TextRun, b: TextRun): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.code === !!b.code;
}

/** Appends a run, merging it into the previous one when the marks agree. Empty runs are dropped. */
export function pushRun(out: Inline[], r: TextRun): void {
  if (r.text === '') return;
  const last = out[out.length - 1];
  if (last && last.type === 'text' && sameMarks(last, r)) out[out.length - 1] = { ...last, text: last.text + r.text };
  else out.push(r);
}

/** Called for every link dropped because its destination is not http(s) or mailto. */
export type UnsafeLinkHandler = (href: string) => void;

/** Parses the inline syntax of one paragraph or list item. */
export function parseInlines(source: string, onUnsafeLink?: UnsafeLinkHandler): Inline[] {
  const { toks } = scan(source, 0, false);
  resolveToggles(toks);
  const marks: Marks = { bold: false, italic: false };
  const emit = (xs: Tok[], out: Inline[]) => {
    for (const t of xs) {
      switch (t.k) {
        case 'text':
          pushRun(out, run(t.s, marks, false));
          break;
        case 'code':
          pushRun(out, run(t.s, marks, true));
          break;
        case 'delim': {
          const literal = (t.literalBold ? '**' : '') + (t.literalItalic ? '*' : '');
          pushRun(out, run(literal, marks, false));
          if (t.n >= 2 && !t.literalBold) marks.bold = !marks.bold;
          if (t.n !== 2 && !t.literalItalic) marks.italic = !marks.italic;
          break;
        }
        case 'link': {
          const kids: Inline[] = [];
          emit(t.kids, kids);
          const runs = kids.filter((k): k is TextRun => k.type === 'text');
          if (SAFE_LINK.test(t.href) && t.href.length <= 2048) {
            out.push({ type: 'link', href: t.href, children: runs.length > 0 ? runs : [{ type: 'text', text: t.href }] });
          } else {
            onUnsafeLink?.(t.href);
            for (const r of runs) pushRun(out, r);
          }
          break;
        }
      }
    }
  };
  const out: Inline[] = [];
  emit(toks, out);
  return out;
}
