import type { Block, Inline, RichText, TextRun } from '../schema/richText';
import { fromMarkdown } from './fromMarkdown';
import { normalizeRichText } from './normalizeRichText';
import { ESCAPABLE } from './parseInlines';

/**
 * Writes rich text in the authoring syntax of `fromMarkdown`, so that
 * `fromMarkdown(toMarkdown(doc))` deep-equals `normalizeRichText(doc)`.
 *
 * Each block is first written with light escaping (only what is certainly needed), which keeps text
 * as the admin typed it (`5 * 3`, `[Save]`); if that does not read back to the same block, the block
 * is written again with every special character escaped.
 */
export function toMarkdown(doc: RichText): string {
  return normalizeRichText(doc).map(writeBlock).join('\n\n');
}

type Escaping = 'light' | 'full';

function writeBlock(b: Block): string {
  if (b.type === 'code') {
    const fence = '`'.repeat(Math.max(3, longestRun(b.text, '`') + 1));
    return `${fence}\n${b.text}\n${fence}`;
  }
  const light = writeInlineBlock(b, 'light');
  const back = fromMarkdown(light);
  return back.length === 1 && jsonEqual(back[0], b) ? light : writeInlineBlock(b, 'full');
}

function writeInlineBlock(b: Exclude<Block, { type: 'code' }>, esc: Escaping): string {
  if (b.type === 'paragraph') return writeInlines(b.children, esc, true);
  return b.items
    .map((item, i) => {
      const marker = b.ordered ? `${i + 1}.` : '-';
      const content = writeInlines(item, esc, false);
      return content === '' ? marker : `${marker} ${content}`;
    })
    .join('\n');
}

function longestRun(s: string, ch: string): number {
  let best = 0;
  let cur = 0;
  for (const c of s) {
    cur = c === ch ? cur + 1 : 0;
    if (cur > best) best = cur;
  }
  return best;
}

interface Marks {
  bold: boolean;
  italic: boolean;
}

const NONE: Marks = { bold: false, italic: false };
const marksOf = (r: TextRun | undefined): Marks => (r ? { bold: !!r.bold, italic: !!r.italic } : NONE);
const both = (a: Marks, b: Marks): Marks => ({ bold: a.bold && b.bold, italic: a.italic && b.italic });

interface Segment {
  run: TextRun;
  /** The link this run belongs to, with whether the run opens or closes the link text. */
  link?: { href: string; first: boolean; last: boolean };
}

function segments(xs: Inline[]): Segment[] {
  return xs.flatMap((x): Segment[] =>
    x.type === 'text'
      ? [{ run: x }]
      : x.children.map((run, i) => ({ run, link: { href: x.href, first: i === 0, last: i === x.children.length - 1 } })),
  );
}

/**
 * Emphasis is written as toggles (see `parseInlines`): between two runs, one `*` flips italic, two
 * flip bold, three flip both. Toggles are placed outside link brackets where they can be.
 */
function writeInlines(xs: Inline[], esc: Escaping, blockStart: boolean): string {
  const segs = segments(xs);
  let out = '';
  let state: Marks = NONE;
  const toggle = (to: Marks) => {
    const n = (state.bold !== to.bold ? 2 : 0) + (state.italic !== to.italic ? 1 : 0);
    out += '*'.repeat(n);
    state = to;
  };
  segs.forEach((seg, i) => {
    const marks = marksOf(seg.run);
    if (seg.link?.first) {
      toggle(both(state, marks));
      out += '[';
    }
    toggle(marks);
    const lineStart = out === '' ? blockStart : out.endsWith('\n');
    out += seg.run.code ? codeSpan(seg.run.text) : escapeText(seg.run.text, esc, lineStart);
    if (seg.link?.last) {
      toggle(both(state, marksOf(segs[i + 1]?.run)));
      out += `](${escapeHref(seg.link.href)})`;
    }
  });
  toggle(NONE);
  return out;
}

/** A list marker or numbered-list marker at the start of a line. */
const LINE_START = /^(?:-|\d{1,9}\.)(?=[ \n]|$)/;

function escapeText(text: string, esc: Escaping, lineStart: boolean): string {
  let out = '';
  for (let k = 0; k < text.length; k++) {
    const atLine = k === 0 ? lineStart : text[k - 1] === '\n';
    if (atLine) {
      const m = LINE_START.exec(text.slice(k, k + 12));
      if (m) {
        const marker = m[0];
        // `\-` or `12\.`: the line no longer starts a list.
        out += marker.endsWith('.') ? `${marker.slice(0, -1)}\\.` : `\\${marker}`;
        k += marker.length - 1;
        continue;
      }
    }
    const c = text[k] as string;
    const next = text[k + 1];
    if (c === '\\') out += esc === 'full' || next === undefined || ESCAPABLE.test(next) ? '\\\\' : '\\';
    else if (c === '`') out += '\\`';
    else if (esc === 'full' && (c === '*' || c === '[' || c === ']')) out += `\\${c}`;
    else out += c;
  }
  return out;
}

function codeSpan(text: string): string {
  const ticks = '`'.repeat(longestRun(text, '`') + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '');
  return pad ? `${ticks} ${text} ${ticks}` : `${ticks}${text}${ticks}`;
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

function escapeHref(href: string): string {
  const s = href.replace(/\\/g, '\\\\');
  return balanced(href) ? s : s.replace(/[()]/g, '\\$&');
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
