import type { Block, RichText } from '../schema/richText';
import { parseInlines, type UnsafeLinkHandler } from './parseInlines';

/**
 * The authoring syntax of step bodies: a small, Markdown-like text that admins type in a textarea and
 * that is stored as structured `RichText` (never as HTML).
 *
 * Blocks (recognised at the very start of a line):
 * - paragraphs are separated by a blank line; the lines of one paragraph stay together;
 * - `- item` starts a bulleted list, `1. item` a numbered one (the numbers themselves are
 *   not kept); each marker line is an item, a following plain line continues the item, and a blank line
 *   or a marker of the other kind ends the list;
 * - a line of three or more backticks opens a code block, and a line of at least as many closes it;
 *   the lines between are kept verbatim (text after the opening backticks is ignored).
 *
 * Inline (inside paragraphs and list items):
 * - `*italic*`, `**bold**`, `***both***`: each run of asterisks toggles its marks (see `parseInlines`);
 * - `` `code` ``: use more backticks to put a backtick inside (``` `` a`b `` ```);
 * - `[text](https://example.com)`: links only to `http://`, `https://` and `mailto:`. A link to any
 *   other scheme (`javascript:`, `data:`, ...) keeps its text as plain text and loses the destination;
 * - a backslash before punctuation makes it literal: `\*`, `\[`, `\\`.
 *
 * Anything else, HTML included, is plain text.
 */
export interface FromMarkdownOptions {
  /** Told about every link whose destination was dropped as unsafe. */
  onUnsafeLink?: UnsafeLinkHandler;
}

const FENCE_OPEN = /^(`{3,})[^`]*$/;
const FENCE_CLOSE = /^(`{3,})[ \t]*$/;
const BULLET = /^-(?: (.*))?$/;
const ORDERED = /^\d{1,9}\.(?: (.*))?$/;

const isBlank = (line: string) => line.trim() === '';

interface Marker {
  ordered: boolean;
  content: string;
}

function listMarker(line: string): Marker | null {
  const b = BULLET.exec(line);
  if (b) return { ordered: false, content: b[1] ?? '' };
  const o = ORDERED.exec(line);
  if (o) return { ordered: true, content: o[1] ?? '' };
  return null;
}

/** Reads the authoring syntax into structured rich text. Total: every input gives a document. */
export function fromMarkdown(source: string, options: FromMarkdownOptions = {}): RichText {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const inline = (text: string) => parseInlines(text, options.onUnsafeLink);
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = FENCE_OPEN.exec(line);
    if (fence) {
      const width = (fence[1] as string).length;
      const body: string[] = [];
      i++;
      while (i < lines.length) {
        const close = FENCE_CLOSE.exec(lines[i] as string);
        if (close && (close[1] as string).length >= width) break;
        body.push(lines[i] as string);
        i++;
      }
      i++; // the closing fence (or past the end: an unclosed block runs to the end of the text)
      blocks.push({ type: 'code', text: body.join('\n') });
      continue;
    }
    const first = listMarker(line);
    if (first) {
      const items: string[][] = [[first.content]];
      i++;
      while (i < lines.length) {
        const l = lines[i] as string;
        if (isBlank(l) || FENCE_OPEN.test(l)) break;
        const m = listMarker(l);
        if (m && m.ordered !== first.ordered) break;
        if (m) items.push([m.content]);
        else (items[items.length - 1] as string[]).push(l);
        i++;
      }
      blocks.push({ type: 'list', ordered: first.ordered, items: items.map((ls) => inline(ls.join('\n'))) });
      continue;
    }
    const para: string[] = [line];
    i++;
    while (i < lines.length) {
      const l = lines[i] as string;
      if (isBlank(l) || FENCE_OPEN.test(l) || listMarker(l)) break;
      para.push(l);
      i++;
    }
    blocks.push({ type: 'paragraph', children: inline(para.join('\n')) });
  }
  return blocks;
}
