import { describe, expect, it } from 'vitest';
import { MAX_PROMOTE, promoteTarget, type ElementFacts } from '../../../content-scripts/picker/promoteTarget';

const el = (tag: string, extra: Partial<ElementFacts> = {}): ElementFacts => ({ tag, role: null, hasHref: false, ...extra });

describe('promoteTarget', () => {
  it('keeps an operable element as it is', () => {
    expect(promoteTarget([el('button'), el('div')])).toBe(0);
    expect(promoteTarget([el('input'), el('label')])).toBe(0);
    expect(promoteTarget([el('div', { role: 'tab' }), el('div', { role: 'tablist' })])).toBe(0);
  });

  it('takes the button for the text or icon inside it', () => {
    expect(promoteTarget([el('span'), el('button'), el('div')])).toBe(1);
    expect(promoteTarget([el('path'), el('svg'), el('span'), el('a', { hasHref: true })])).toBe(3);
    expect(promoteTarget([el('span'), el('div', { role: 'menuitem option' })])).toBe(1);
  });

  it('does not take an anchor without href for a link', () => {
    expect(promoteTarget([el('span'), el('a'), el('div')])).toBe(0);
  });

  it('stops at containers and after MAX_PROMOTE levels', () => {
    expect(promoteTarget([el('span'), el('section'), el('a', { hasHref: true })])).toBe(0);
    const deep = [el('span'), ...Array.from({ length: MAX_PROMOTE }, () => el('div')), el('button')];
    expect(promoteTarget(deep)).toBe(0);
    const reachable = [el('span'), ...Array.from({ length: MAX_PROMOTE - 1 }, () => el('div')), el('button')];
    expect(promoteTarget(reachable)).toBe(MAX_PROMOTE);
  });

  it('takes the drawing for a part of an SVG outside any control', () => {
    expect(promoteTarget([el('path'), el('g'), el('svg'), el('div')])).toBe(2);
    expect(promoteTarget([el('span'), el('svg')])).toBe(0);
  });

  it('never answers an element whose tag a fingerprint cannot hold', () => {
    expect(promoteTarget([el('textPath'), el('text'), el('svg'), el('div')])).toBe(2);
    expect(promoteTarget([el('foreignObject'), el('div')])).toBe(1);
  });

  it('answers 0 for an empty chain', () => {
    expect(promoteTarget([])).toBe(0);
  });
});
