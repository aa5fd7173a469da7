import { describe, expect, it } from 'vitest';
import { htmlToRichText, type HtmlNode } from '../../../options-ui/htmlToRichText';
import { RichTextSchema } from '../../../src/schema/richText';

// A tiny stand-in for the sanitised DOM: enough of Node for the conversion.
type Child = HtmlNode | string;
const text = (s: string): HtmlNode => ({ nodeType: 3, nodeName: '#text', childNodes: [], textContent: s });
function el(name: string, attrs: Record<string, string>, ...children: Child[]): HtmlNode {
  const kids = children.map((c) => (typeof c === 'string' ? text(c) : c));
  return {
    nodeType: 1,
    nodeName: name.toUpperCase(),
    childNodes: kids,
    textContent: kids.map((k) => k.textContent ?? '').join(''),
    getAttribute: (n) => attrs[n] ?? null,
  };
}
const h = (name: string, ...children: Child[]) => el(name, {}, ...children);
const frag = (...children: Child[]): HtmlNode => ({ ...h('x', ...children), nodeType: 11, nodeName: '#document-fragment' });
const t = (s: string, marks: { bold?: true; italic?: true; code?: true } = {}) => ({ type: 'text' as const, text: s, ...marks });

describe('htmlToRichText', () => {
  it('keeps paragraphs, marks and links, collapsing whitespace like a browser', () => {
    const doc = htmlToRichText(
      frag(h('p', '  Press\n   ', h('strong', 'Save'), ' and ', h('em', 'wait'), '. '), h('p', 'See ', el('a', { href: 'https://example.com/help' }, 'the ', h('b', 'docs')), '.')),
    );
    expect(doc).toEqual([
      { type: 'paragraph', children: [t('Press '), t('Save', { bold: true }), t(' and '), t('wait', { italic: true }), t('.')] },
      { type: 'paragraph', children: [t('See '), { type: 'link', href: 'https://example.com/help', children: [t('the '), t('docs', { bold: true })] }, t('.')] },
    ]);
  });

  it('drops unsafe links but keeps their text', () => {
    expect(htmlToRichText(frag(h('p', el('a', { href: 'javascript:alert(1)' }, 'click'), ' me')))).toEqual([{ type: 'paragraph', children: [t('click me')] }]);
  });

  it('reads lists, flattening nested ones, and preformatted code', () => {
    const doc = htmlToRichText(frag(h('ul', '\n', h('li', 'one'), h('li', h('p', 'two'), h('ol', h('li', 'two.a'))), '\n'), h('pre', '\nline 1\n  line 2\n')));
    expect(doc).toEqual([
      { type: 'list', ordered: false, items: [[t('one')], [t('two')], [t('two.a')]] },
      { type: 'code', text: 'line 1\n  line 2' },
    ]);
  });

  it('turns headings into bold paragraphs and <br> into a paragraph break', () => {
    expect(htmlToRichText(frag(h('h2', 'Title'), h('div', 'a', h('br'), 'b')))).toEqual([
      { type: 'paragraph', children: [t('Title', { bold: true })] },
      { type: 'paragraph', children: [t('a')] },
      { type: 'paragraph', children: [t('b')] },
    ]);
  });

  it('reads inline font-weight and font-style, as some editors write them', () => {
    const docsWrapper = el('b', { style: 'font-weight:normal;' }, el('span', { style: 'font-weight:700' }, 'Bold'), ' plain ', el('span', { style: 'font-style: italic' }, 'it'));
    expect(htmlToRichText(frag(docsWrapper))).toEqual([{ type: 'paragraph', children: [t('Bold', { bold: true }), t(' plain '), t('it', { italic: true })] }]);
  });

  it('marks inline code', () => {
    expect(htmlToRichText(frag(h('p', 'Run ', h('code', 'npm ci'))))).toEqual([{ type: 'paragraph', children: [t('Run '), t('npm ci', { code: true })] }]);
  });

  it('always gives a valid document', () => {
    const doc = htmlToRichText(frag(h('ul'), h('p', '   '), h('a', el('a', { href: 'https://x' }, 'nested')), h('pre', '   ')));
    expect(RichTextSchema.safeParse(doc).success).toBe(true);
  });
});
