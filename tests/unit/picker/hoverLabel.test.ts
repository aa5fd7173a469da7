import { describe, expect, it } from 'vitest';
import { hoverLabel, LABEL_MAX } from '../../../content-scripts/picker/hoverLabel';

describe('hoverLabel', () => {
  it('names an element the way assistive technology would', () => {
    expect(hoverLabel({ tag: 'button', text: 'Create deal' })).toEqual({ tag: 'button', name: '“Create deal”' });
    expect(hoverLabel({ tag: 'button', ariaLabel: 'Close dialog', text: '×' })).toEqual({ tag: 'button', name: '“Close dialog”' });
    expect(hoverLabel({ tag: 'input', label: 'Deal name', placeholder: 'e.g. Pilot' }).name).toBe('“Deal name”');
    expect(hoverLabel({ tag: 'input', placeholder: 'Search' }).name).toBe('“Search”');
    expect(hoverLabel({ tag: 'img', alt: 'Logo' }).name).toBe('“Logo”');
  });

  it('falls back to the id or test id, then to the tag alone', () => {
    expect(hoverLabel({ tag: 'div', id: 'sidebar' }).name).toBe('#sidebar');
    expect(hoverLabel({ tag: 'div', testId: 'sidebar' }).name).toBe('[sidebar]');
    expect(hoverLabel({ tag: 'div', text: '   ' })).toEqual({ tag: 'div', name: null });
  });

  it('collapses whitespace and shortens long names', () => {
    expect(hoverLabel({ tag: 'p', text: 'Two\n   words' }).name).toBe('“Two words”');
    const name = hoverLabel({ tag: 'p', text: 'x'.repeat(200) }).name ?? '';
    expect(name.length).toBe(LABEL_MAX + 2);
    expect(name.endsWith('…”')).toBe(true);
  });
});
