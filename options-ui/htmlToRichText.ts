import { SAFE_LINK, type Block, type Inline, type RichText, type TextRun } from '../src/schema/richText';
import { normalizeRichText } from '../src/richText/normalizeRichText';

/**
 * The few DOM members the conversion reads, so it runs on the sanitised DOM in the page and on plain
 * objects in unit tests alike. A DOM `Node` satisfies it.
 */
export interface HtmlNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<HtmlNode>;
  readonly textContent: string | null;
  getAttribute?(name: string): string | null;
}

const ELEMENT = 1;
const TEXT = 3;

interface Marks {
  bold: boolean;
  italic: boolean;
  code: boolean;
}

const BLOCKS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'LI', 'TR']);
const HEADINGS = /^H[1-6]$/;

/**
 * Converts sanitised HTML (a pasted clipboard, an imported body) to rich text, keeping what the format
 * can hold: paragraphs (headings become bold paragraphs, `<br>` starts a new one), bulleted and
 * numbered lists (nested lists are flattened into their parent), preformatted code, bold, italic,
 * inline code and http(s)/mailto links. Everything else keeps only its text. Whitespace collapses as
 * a browser would show it. Inline `font-weight` / `font-style` are read (never applied), because some
 * editors mark bold that way and wrap whole documents in a `<b style="font-weight:normal">`.
 */
export function htmlToRichText(root: HtmlNode): RichText {
  const blocks: Block[] = [];
  let inl: Inline[] = [];
  let linkKids: TextRun[] | null = null;
  /** Whether the text written so far ends in a space (or nothing), so that the next space is dropped. */
  let spaced = true;

  const addRun = (text: string, m: Marks) => {
    if (text === '') return;
    const run: TextRun = { type: 'text', text, ...(m.bold ? { bold: true } : {}), ...(m.italic ? { italic: true } : {}), ...(m.code ? { code: true } : {}) };
    (linkKids ?? inl).push(run);
  };
  const addText = (raw: string, m: Marks) => {
    let text = raw.replace(/[ \t\n\r\f]+/g, ' ');
    if (spaced && text.startsWith(' ')) text = text.slice(1);
    if (text === '') return;
    spaced = text.endsWith(' ');
    addRun(text, m);
  };
  /** Ends the current line of inline content; returns it with trailing space removed. */
  const takeInlines = (): Inline[] => {
    const out = inl;
    inl = [];
    spaced = true;
    const last = out[out.length - 1];
    const run = last?.type === 'link' ? last.children[last.children.length - 1] : last;
    if (run && !run.code) run.text = run.text.replace(/ +$/, '');
    return out;
  };
  const flushParagraph = () => {
    const children = takeInlines();
    if (children.length > 0) blocks.push({ type: 'paragraph', children });
  };

  const marksFor = (el: HtmlNode, m: Marks): Marks => {
    const name = el.nodeName.toUpperCase();
    const next = { ...m };
    if (name === 'B' || name === 'STRONG' || HEADINGS.test(name)) next.bold = true;
    if (name === 'I' || name === 'EM' || name === 'CITE' || name === 'DFN') next.italic = true;
    if (name === 'CODE' || name === 'KBD' || name === 'SAMP' || name === 'TT') next.code = true;
    const style = (el.getAttribute?.('style') ?? '').toLowerCase();
    const weight = /font-weight\s*:\s*([a-z0-9]+)/.exec(style)?.[1];
    if (weight) next.bold = weight === 'bold' || weight === 'bolder' || (/^\d+$/.test(weight) && Number(weight) >= 600);
    const fstyle = /font-style\s*:\s*([a-z]+)/.exec(style)?.[1];
    if (fstyle) next.italic = fstyle === 'italic' || fstyle === 'oblique';
    if (/font-family\s*:[^;]*(mono|courier|consolas)/.test(style)) next.code = true;
    return next;
  };

  /** Collects the items of a list; nested lists add their items after the item they sit in. */
  const list = (el: HtmlNode, m: Marks) => {
    flushParagraph();
    const items: Inline[][] = [];
    const nested: Inline[][] = [];
    const item = (node: HtmlNode) => {
      inlineOnly(node, m, nested);
      const content = takeInlines();
      if (content.length > 0) items.push(content);
      items.push(...nested.splice(0));
    };
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === TEXT && (child.textContent ?? '').trim() === '') continue;
      item(child);
    }
    if (items.length > 0) blocks.push({ type: 'list', ordered: el.nodeName.toUpperCase() === 'OL', items });
  };

  /** Inside a list item: block boundaries become spaces and nested lists become further items. */
  const inlineOnly = (node: HtmlNode, m: Marks, nested: Inline[][]) => {
    if (node.nodeType === TEXT) return addText(node.textContent ?? '', m);
    if (node.nodeType !== ELEMENT) return;
    const name = node.nodeName.toUpperCase();
    if (name === 'UL' || name === 'OL') {
      const saved = takeInlines();
      const before = blocks.length;
      list(node, m);
      const added = blocks.splice(before);
      inl = saved;
      spaced = false;
      for (const b of added) if (b.type === 'list') nested.push(...b.items);
      return;
    }
    if (name === 'BR' || BLOCKS.has(name) || name === 'PRE') addText(' ', m);
    if (name === 'A') return link(node, (c) => inlineOnly(c, marksFor(node, m), nested));
    const inner = marksFor(node, m);
    for (const c of Array.from(node.childNodes)) inlineOnly(c, name === 'PRE' ? { ...inner, code: true } : inner, nested);
  };

  /** A safe link collects its children's runs; an unsafe (or nested) one keeps only its text. */
  const link = (el: HtmlNode, walkChild: (c: HtmlNode) => void) => {
    const href = (el.getAttribute?.('href') ?? '').trim();
    if (linkKids !== null || !SAFE_LINK.test(href)) {
      for (const c of Array.from(el.childNodes)) walkChild(c);
      return;
    }
    linkKids = [];
    for (const c of Array.from(el.childNodes)) walkChild(c);
    const kids = linkKids;
    linkKids = null;
    if (kids.length > 0) inl.push({ type: 'link', href, children: kids });
  };

  const walk = (node: HtmlNode, m: Marks): void => {
    if (node.nodeType === TEXT) return addText(node.textContent ?? '', m);
    if (node.nodeType !== ELEMENT && node.nodeType !== 11 && node.nodeType !== 9) return;
    const name = node.nodeName.toUpperCase();
    if (name === 'BR') return flushParagraph();
    if (name === 'UL' || name === 'OL') return list(node, m);
    if (name === 'PRE') {
      flushParagraph();
      const text = (node.textContent ?? '').replace(/\r\n?/g, '\n').replace(/^\n/, '').replace(/\n$/, '');
      if (text.trim() !== '') blocks.push({ type: 'code', text });
      return;
    }
    if (name === 'A') return link(node, (c) => walk(c, marksFor(node, m)));
    const inner = node.nodeType === ELEMENT ? marksFor(node, m) : m;
    const block = BLOCKS.has(name);
    if (block) flushParagraph();
    for (const c of Array.from(node.childNodes)) walk(c, inner);
    if (block) flushParagraph();
  };

  walk(root, { bold: false, italic: false, code: false });
  flushParagraph();
  return normalizeRichText(blocks);
}
