import { describe, expect, it } from 'vitest';
import { describeTarget } from '../../../src/ui/describeTarget';

describe('describeTarget', () => {
  it('reads as tag with text, then the strongest identifiers', () => {
    expect(describeTarget({ tag: 'button', text: 'Save deal', id: 'save', testId: 'save-deal', label: 'Save the deal' })).toBe(
      'button “Save deal” · #save · [data-testid=save-deal] · label “Save the deal”',
    );
  });

  it('describes form fields by label, placeholder, name and type', () => {
    expect(describeTarget({ tag: 'input', label: 'Deal name', placeholder: 'e.g. Acme renewal', name: 'dealName', type: 'text' })).toBe(
      'input · label “Deal name” · placeholder “e.g. Acme renewal” · name=dealName · type=text',
    );
  });

  it('is just the tag when nothing else is known', () => {
    expect(describeTarget({ tag: 'div' })).toBe('div');
  });

  it('falls back to classes or neighbouring text when there is no identifier', () => {
    expect(describeTarget({ tag: 'span', classes: ['chip', 'chip-primary', 'x', 'y'] })).toBe('span · .chip.chip-primary.x');
    expect(describeTarget({ tag: 'td', neighborText: 'Amount  due' })).toBe('td · near “Amount due”');
  });

  it('collapses whitespace and shortens long text', () => {
    const d = describeTarget({ tag: 'p', text: '  Many\n\nwords   '.repeat(10) }, 20);
    expect(d).toMatch(/^p “Many words Many wor…”$/);
    expect(d.length).toBeLessThan(30);
  });

  it('mentions links, roles, frames and shadow roots', () => {
    expect(describeTarget({ tag: 'a', text: 'Docs', href: '/help/docs', role: 'menuitem', framePath: [0], shadowPath: ['app-shell'] })).toBe(
      'a “Docs” · role=menuitem · → /help/docs · in a frame · in a shadow root',
    );
  });
});
