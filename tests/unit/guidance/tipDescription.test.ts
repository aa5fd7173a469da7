import { describe, expect, it } from 'vitest';
import { tipDescription } from '../../../src/ui/guidance/tipDescription';

describe('tipDescription', () => {
  it('says the title and the plain text of every kind of block, on one line', () => {
    const d = tipDescription('PO number', [
      { type: 'paragraph', children: [{ type: 'text', text: 'Use the ' }, { type: 'text', text: '8-digit', bold: true }, { type: 'text', text: ' number\nfrom' }] },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: 'one' }], [{ type: 'link', href: 'https://x.test', children: [{ type: 'text', text: 'two' }] }]] },
      { type: 'code', text: '4001  2345' },
    ]);
    expect(d).toBe('PO number: Use the 8-digit number from one; two 4001 2345');
  });

  it('puts the broken rule first, and is the title alone without guidance', () => {
    expect(tipDescription('PO number', [], 'Exactly 8 digits.')).toBe('Exactly 8 digits. PO number');
    expect(tipDescription('PO number', [{ type: 'paragraph', children: [] }])).toBe('PO number');
  });
});
