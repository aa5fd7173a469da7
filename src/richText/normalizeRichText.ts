import { SAFE_LINK, type Block, type Inline, type RichText, type TextRun } from '../schema/richText';
import { pushRun } from './parseInlines';

/**
 * The canonical form of a rich text: what `fromMarkdown` produces, and what `toMarkdown` writes back
 * exactly (`fromMarkdown(toMarkdown(doc))` deep-equals `normalizeRichText(doc)`). Rendering is the
 * same before and after, except for whitespace that HTML collapses anyway:
 * - marks are `true` or absent; empty runs are dropped and neighbours with equal marks merged;
 * - line breaks inside inline code become spaces, and line endings are `\n`;
 * - a paragraph or list item holds no blank line, and a paragraph no leading or trailing one;
 *   paragraphs that are only unmarked whitespace are dropped;
 * - link destinations are trimmed; a link to an unsafe scheme keeps only its text; a link without
 *   text shows its destination.
 */
export function normalizeRichText(doc: RichText): RichText {
  const out: Block[] = [];
  for (const b of doc) {
    if (b.type === 'code') out.push({ type: 'code', text: b.text.replace(/\r\n?/g, '\n') });
    else if (b.type === 'list') {
      const items = b.items.map((item) => trimBlankLines(normalizeInlines(item), false));
      if (items.length > 0) out.push({ type: 'list', ordered: b.ordered, items });
    } else {
      const children = trimBlankLines(normalizeInlines(b.children), true);
      if (children.length > 0) out.push({ type: 'paragraph', children });
    }
  }
  return out;
}

function cleanRun(r: TextRun): TextRun {
  const text = r.code ? r.text.replace(/\r\n?|\n/g, ' ') : r.text.replace(/\r\n?/g, '\n').replace(/\n(?:[ \t]*\n)+/g, '\n');
  return {
    type: 'text',
    text,
    ...(r.bold ? { bold: true } : {}),
    ...(r.italic ? { italic: true } : {}),
    ...(r.code ? { code: true } : {}),
  };
}

function normalizeInlines(xs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const x of xs) {
    if (x.type === 'text') {
      pushRun(out, cleanRun(x));
      continue;
    }
    const href = x.href.trim();
    const kids: Inline[] = [];
    for (const c of x.children) pushRun(kids, cleanRun(c));
    const runs = kids as TextRun[];
    if (SAFE_LINK.test(href) && !/[\r\n]/.test(href)) {
      out.push({ type: 'link', href, children: runs.length > 0 ? runs : [{ type: 'text', text: href }] });
    } else for (const r of runs) pushRun(out, r);
  }
  // Merging can bring a line break next to another: collapse blank lines once more.
  return out.map((x) => (x.type === 'text' ? cleanRun(x) : { ...x, children: x.children.map(cleanRun) }));
}

const isPlain = (x: Inline | undefined): x is TextRun => x?.type === 'text' && !x.bold && !x.italic && !x.code;

/**
 * Removes what the block syntax cannot hold at the edges: trailing blank lines, and for a paragraph
 * leading blank lines and unmarked whitespace only.
 */
function trimBlankLines(xs: Inline[], paragraph: boolean): Inline[] {
  const out = [...xs];
  const last = out[out.length - 1];
  if (isPlain(last)) {
    const text = last.text.replace(/(?:\n[ \t]*)+$/, '');
    if (text === '') out.pop();
    else out[out.length - 1] = { ...last, text };
  }
  if (paragraph) {
    const first = out[0];
    if (isPlain(first)) {
      const text = first.text.replace(/^(?:[ \t]*\n)+/, '');
      if (text === '') out.shift();
      else out[0] = { ...first, text };
    }
    if (out.every((x) => isPlain(x) && x.text.trim() === '')) return [];
  }
  return out;
}
