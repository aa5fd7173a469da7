import { describe, expect, it } from 'vitest';
import { fastTextSimilarity } from '../../../src/targeting/fastTextSimilarity';
import { normalizeText, tokenize, tokenizeAscii } from '../../../src/targeting/normalizeText';
import { compileText, stringSimilarity, textSimilarity } from '../../../src/targeting/similarity';

describe('text normalisation', () => {
  it('ignores case, punctuation, spacing and diacritics', () => {
    expect(normalizeText('  SAVE…  ')).toBe('save');
    expect(normalizeText('Paramètres')).toBe('parametres');
    expect(normalizeText('E-mail address')).toBe('e mail address');
  });

  it('keeps identifiers with digits whole', () => {
    expect(tokenize('INV-2024-01234 paid').words).toEqual(['inv202401234', 'paid']);
    expect(tokenize('$1,234.56').words).toEqual(['123456']);
  });

  it('the ASCII tokenizer agrees with the reference on random strings', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const alphabet = 'abcXYZ 019-_./:,#·…’';
    for (let n = 0; n < 2000; n++) {
      let s = '';
      for (let i = Math.floor(rand() * 20); i > 0; i--) s += alphabet[Math.floor(rand() * alphabet.length)];
      const fast = tokenizeAscii(s);
      if (fast !== null) expect(fast).toEqual(tokenize(s));
    }
  });

  it('falls back to the reference for letters outside ASCII', () => {
    expect(tokenizeAscii('Einstellungen öffnen')).toBeNull();
  });
});

describe('string similarity', () => {
  it('is 1 for the same words however written, 0 for nothing shared', () => {
    expect(stringSimilarity('Save', 'save')).toBe(1);
    expect(stringSimilarity('Log in', 'Login')).toBe(1);
    expect(stringSimilarity('E-mail', 'Email')).toBe(1);
    expect(stringSimilarity('Save', 'Delete')).toBe(0);
    expect(stringSimilarity('', 'Save')).toBe(0);
  });

  it('gives partial credit to rewording', () => {
    expect(stringSimilarity('Save', 'Save changes')).toBeCloseTo(2 / 3);
    expect(stringSimilarity('Contacts', 'Contact')).toBeGreaterThan(0.8);
  });

  it('does not mistake near-spellings of different words, or different identifiers, for the same', () => {
    expect(stringSimilarity('Export', 'Import')).toBeLessThan(0.2);
    expect(stringSimilarity('INV-2024-01234', 'INV-2024-05678')).toBe(0);
  });

  it('the fast path gives exactly what the reference gives', () => {
    const samples = ['Save', 'Save changes', 'Invoices · INV-2024-01234', 'Sign in', 'ACME Corp', 'Édition', 'Log-in', ''];
    for (const a of samples) {
      const fast = fastTextSimilarity(compileText(a));
      for (const b of samples) expect(fast(b)).toBeCloseTo(textSimilarity(compileText(a), tokenize(b)), 12);
    }
  });

  it('the fast path remembers repeated strings without changing answers', () => {
    const samples = ['Edit', 'Edit', 'Delete', 'Édition', 'Edit', 'Édition', 'edit ', 'Delete'];
    const fast = fastTextSimilarity(compileText('Edit'));
    for (const b of samples) expect(fast(b)).toBeCloseTo(textSimilarity(compileText('Edit'), tokenize(b)), 12);
    // Far more distinct strings than it remembers: the ones past the bound are still compared.
    for (let i = 0; i < 5000; i++) expect(fast(`Edit ${i}`)).toBeCloseTo(textSimilarity(compileText('Edit'), tokenize(`Edit ${i}`)), 12);
  });
});
