import { describe, expect, it } from 'vitest';
import { fromMarkdown } from '../../../src/richText/fromMarkdown';
import { RichTextSchema, type Inline } from '../../../src/schema/richText';

const p = (...children: Inline[]) => ({ type: 'paragraph' as const, children });
const t = (text: string, marks: { bold?: true; italic?: true; code?: true } = {}) => ({ type: 'text' as const, text, ...marks });

describe('fromMarkdown: blocks', () => {
  it('splits paragraphs on blank lines and keeps the lines of one paragraph together', () => {
    expect(fromMarkdown('First line\nsecond line\n\n\nNext paragraph')).toEqual([p(t('First line\nsecond line')), p(t('Next paragraph'))]);
  });

  it('reads bulleted and numbered lists, with lazy continuation lines', () => {
    expect(fromMarkdown('Steps:\n- one\n- two\ncontinued\n\n1. first\n3. second')).toEqual([
      p(t('Steps:')),
      { type: 'list', ordered: false, items: [[t('one')], [t('two\ncontinued')]] },
      { type: 'list', ordered: true, items: [[t('first')], [t('second')]] },
    ]);
  });

  it('ends a list at a marker of the other kind; "* " is not a bullet (it would clash with italic)', () => {
    expect(fromMarkdown('- a\n1. b')).toEqual([
      { type: 'list', ordered: false, items: [[t('a')]] },
      { type: 'list', ordered: true, items: [[t('b')]] },
    ]);
    expect(fromMarkdown('* a')).toEqual([p(t('* a'))]);
  });

  it('keeps fenced code verbatim, markup and blank lines included', () => {
    expect(fromMarkdown('Run:\n```sh\nnpm run *build*\n\n  [x](javascript:y)\n```\nafter')).toEqual([
      p(t('Run:')),
      { type: 'code', text: 'npm run *build*\n\n  [x](javascript:y)' },
      p(t('after')),
    ]);
  });

  it('closes a fence only with at least as many backticks, and runs an unclosed one to the end', () => {
    expect(fromMarkdown('````\n```\n````')).toEqual([{ type: 'code', text: '```' }]);
    expect(fromMarkdown('```\nopen')).toEqual([{ type: 'code', text: 'open' }]);
  });

  it('is total: empty and blank input give an empty document', () => {
    expect(fromMarkdown('')).toEqual([]);
    expect(fromMarkdown(' \n\t\n')).toEqual([]);
  });

  it('normalises CRLF line endings', () => {
    expect(fromMarkdown('a\r\nb\r\n\r\nc')).toEqual([p(t('a\nb')), p(t('c'))]);
  });
});

describe('fromMarkdown: inline', () => {
  it('reads bold, italic, both, and inline code', () => {
    expect(fromMarkdown('**Save** the *deal* with ***care*** and `Ctrl+S`')).toEqual([
      p(t('Save', { bold: true }), t(' the '), t('deal', { italic: true }), t(' with '), t('care', { bold: true, italic: true }), t(' and '), t('Ctrl+S', { code: true })),
    ]);
  });

  it('treats emphasis as toggles, so marks can overlap', () => {
    expect(fromMarkdown('**bold *both***')).toEqual([p(t('bold ', { bold: true }), t('both', { bold: true, italic: true }))]);
  });

  it('keeps unmatched asterisks and backticks literally', () => {
    expect(fromMarkdown('5 * 3 = 15, a ** b, `open')).toEqual([p(t('5 * 3 = 15, a ** b, `open'))]);
  });

  it('honours backslash escapes and leaves other backslashes alone', () => {
    expect(fromMarkdown('\\*not italic\\* C:\\Users \\[x\\]')).toEqual([p(t('*not italic* C:\\Users [x]'))]);
  });

  it('reads code spans with longer delimiters and strips one space of padding', () => {
    expect(fromMarkdown('`` a`b `` and ` `` `')).toEqual([p(t('a`b', { code: true }), t(' and '), t('``', { code: true }))]);
  });

  it('reads links, with marks inside and balanced parentheses in the destination', () => {
    expect(fromMarkdown('See [the **docs**](https://en.wikipedia.org/wiki/Deal_(finance)).')).toEqual([
      p(t('See '), { type: 'link', href: 'https://en.wikipedia.org/wiki/Deal_(finance)', children: [t('the '), t('docs', { bold: true })] }, t('.')),
    ]);
    expect(fromMarkdown('[mail us](mailto:help@example.com)')).toEqual([
      p({ type: 'link', href: 'mailto:help@example.com', children: [t('mail us')] }),
    ]);
  });

  it('shows the destination when a link has no text', () => {
    expect(fromMarkdown('[](https://x.example)')).toEqual([p({ type: 'link', href: 'https://x.example', children: [t('https://x.example')] })]);
  });

  it('leaves brackets that do not form a link as text', () => {
    expect(fromMarkdown('Press [Save] (top right)')).toEqual([p(t('Press [Save] (top right)'))]);
  });
});

describe('fromMarkdown: unsafe links', () => {
  it.each(['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<script>x</script>', 'vbscript:x', '/relative', 'www.example.com'])(
    'turns a link to %s into plain text and reports it',
    (href) => {
      const dropped: string[] = [];
      const doc = fromMarkdown(`Click [here](${href}) now`, { onUnsafeLink: (h) => dropped.push(h) });
      expect(doc).toEqual([p(t('Click here now'))]);
      expect(dropped).toEqual([href]);
    },
  );

  it('keeps the marks of the text of a dropped link', () => {
    expect(fromMarkdown('[**x**](javascript:y)')).toEqual([p(t('x', { bold: true }))]);
  });

  it('never produces a document the schema rejects', () => {
    const nasty = ['[a](javascript:b)', '[x](https://ok)[y](data:z)', '****', '` ``` `', '[[a](b)](https://c)', '- [x](  javascript:1 )', '***a**'];
    for (const src of nasty) expect(RichTextSchema.safeParse(fromMarkdown(src)).success, src).toBe(true);
  });
});
