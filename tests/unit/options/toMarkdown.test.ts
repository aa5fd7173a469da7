import { describe, expect, it } from 'vitest';
import { fromMarkdown } from '../../../src/richText/fromMarkdown';
import { normalizeRichText } from '../../../src/richText/normalizeRichText';
import { toMarkdown } from '../../../src/richText/toMarkdown';
import { RichTextSchema, type Block, type Inline, type RichText, type TextRun } from '../../../src/schema/richText';

const t = (text: string, marks: { bold?: true; italic?: true; code?: true } = {}): TextRun => ({ type: 'text', text, ...marks });
const p = (...children: Inline[]): Block => ({ type: 'paragraph', children });

describe('toMarkdown', () => {
  it('writes the documented syntax', () => {
    const doc: RichText = [
      p(t('Fill in '), t('Deal name', { bold: true }), t(', then press '), t('Save', { code: true }), t('.')),
      { type: 'list', ordered: false, items: [[t('one')], [t('two', { italic: true })]] },
      { type: 'list', ordered: true, items: [[t('first')], [{ type: 'link', href: 'https://example.com/help', children: [t('help')] }]] },
      { type: 'code', text: 'const x = 1;\n\nreturn x;' },
    ];
    expect(toMarkdown(doc)).toBe(
      'Fill in **Deal name**, then press `Save`.\n\n- one\n- *two*\n\n1. first\n2. [help](https://example.com/help)\n\n```\nconst x = 1;\n\nreturn x;\n```',
    );
  });

  it('writes overlapping marks as toggles', () => {
    expect(toMarkdown([p(t('a', { bold: true }), t('b', { bold: true, italic: true }), t('c', { italic: true }))])).toBe('**a*b**c*');
  });

  it('escapes only what is needed, and keeps text as typed when it reads back the same', () => {
    expect(toMarkdown([p(t('5 * 3 = 15; press [Save]'))])).toBe('5 * 3 = 15; press [Save]');
    expect(toMarkdown([p(t('a *b* c'))])).toBe('a \\*b\\* c');
    expect(toMarkdown([p(t('[x](https://y)'))])).toBe('\\[x\\](https://y)');
    expect(toMarkdown([p(t('- not a list\n1. nor this'))])).toBe('\\- not a list\n1\\. nor this');
    expect(toMarkdown([p(t('use `npm` or C:\\dir'))])).toBe('use \\`npm\\` or C:\\dir');
  });

  it('chooses code delimiters and fences longer than any backtick run inside', () => {
    expect(toMarkdown([p(t('a`b', { code: true }))])).toBe('``a`b``');
    expect(toMarkdown([p(t('`x', { code: true }))])).toBe('`` `x ``');
    expect(toMarkdown([{ type: 'code', text: '```\ninner\n```' }])).toBe('````\n```\ninner\n```\n````');
  });

  it('escapes parentheses in a destination only when they are unbalanced', () => {
    expect(toMarkdown([p({ type: 'link', href: 'https://w.example/A_(b)', children: [t('a')] })])).toBe('[a](https://w.example/A_(b))');
    expect(toMarkdown([p({ type: 'link', href: 'https://w.example/a)', children: [t('a')] })])).toBe('[a](https://w.example/a\\))');
  });

  it('drops unsafe links found in stored documents, keeping their text', () => {
    expect(toMarkdown([p({ type: 'link', href: 'javascript:alert(1)', children: [t('x')] })])).toBe('x');
  });
});

describe('round trips', () => {
  const typed = [
    'Plain paragraph.',
    'Two lines\nin one paragraph.\n\nAnd another paragraph.',
    '**Bold**, *italic*, ***both***, `code` and [a link](https://example.com/a?b=c#d).',
    'Steps:\n\n- Open **Deals**\n- Press `New deal`\n  and fill in the form\n\n1. one\n2. two',
    '```\nline 1\n\n  indented *not italic*\n```',
    '5 * 3 = 15 and press [Save] (top right).',
    'Mail [us](mailto:help@example.com) or see [wiki](https://en.wikipedia.org/wiki/Deal_(finance)).',
    'C:\\Users\\deal and a trailing backslash \\\\',
    '- *item* with `code`\n- [**bold link**](https://x.example)',
  ];

  it.each(typed)('keeps what the admin typed: %j', (md) => {
    expect(toMarkdown(fromMarkdown(md))).toBe(md);
  });

  it('reads back what it writes, for many random documents', () => {
    const rand = mulberry32(20240611);
    for (let n = 0; n < 3000; n++) {
      const doc = randomDoc(rand);
      const canonical = normalizeRichText(doc);
      const md = toMarkdown(doc);
      const back = fromMarkdown(md);
      if (JSON.stringify(sortKeys(back)) !== JSON.stringify(sortKeys(canonical))) {
        expect({ md, back }).toEqual({ md, back: canonical });
      }
      expect(toMarkdown(back)).toBe(md);
      expect(RichTextSchema.safeParse(back).success).toBe(true);
    }
  });

  it('normalises idempotently', () => {
    const rand = mulberry32(7);
    for (let n = 0; n < 500; n++) {
      const once = normalizeRichText(randomDoc(rand));
      expect(normalizeRichText(once)).toEqual(once);
    }
  });
});

// A small deterministic generator, biased toward the characters that have meaning in the syntax.
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ['a', 'b', 'Z', ' ', ' ', '*', '**', '`', '[', ']', '(', ')', '\\', '-', '- ', '1.', '1. ', '_', '#', '\n', 'é', '​', '```'];

function randomText(rand: () => number, max: number): string {
  let s = '';
  const len = Math.floor(rand() * max);
  for (let i = 0; i < len; i++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  return s;
}

function randomRun(rand: () => number): TextRun {
  return {
    type: 'text',
    text: randomText(rand, 8),
    ...(rand() < 0.3 ? { bold: true } : {}),
    ...(rand() < 0.3 ? { italic: true } : {}),
    ...(rand() < 0.2 ? { code: true } : {}),
  };
}

function randomInlines(rand: () => number): Inline[] {
  const out: Inline[] = [];
  const n = 1 + Math.floor(rand() * 5);
  for (let i = 0; i < n; i++) {
    if (rand() < 0.2) {
      const kids = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => randomRun(rand));
      const hrefs = ['https://example.com/', 'https://w.example/A_(b)', 'https://x.example/a)b', 'mailto:a@b.c', 'javascript:alert(1)', 'https://x/\\y'];
      out.push({ type: 'link', href: hrefs[Math.floor(rand() * hrefs.length)] as string, children: kids });
    } else out.push(randomRun(rand));
  }
  return out;
}

function randomDoc(rand: () => number): RichText {
  const doc: Block[] = [];
  const n = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.55) doc.push({ type: 'paragraph', children: randomInlines(rand) });
    else if (r < 0.85) doc.push({ type: 'list', ordered: rand() < 0.5, items: Array.from({ length: 1 + Math.floor(rand() * 3) }, () => randomInlines(rand)) });
    else doc.push({ type: 'code', text: randomText(rand, 12) });
  }
  return doc;
}

function sortKeys(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(sortKeys);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
  return x;
}
