import { describe, expect, it } from 'vitest';
import { BANNER_MARGIN, bannerBox, bannerEdge } from '../../../content-scripts/picker/bannerEdge';
import { placeLabel } from '../../../content-scripts/picker/placeLabel';

const viewport = { width: 1000, height: 800 };
const banner = { width: 400, height: 40 };
const box = (left: number, top: number, width: number, height: number) => ({ left, top, right: left + width, bottom: top + height });

describe('bannerBox', () => {
  it('centres the banner at either edge', () => {
    expect(bannerBox('top', banner, viewport)).toEqual({ left: 300, top: BANNER_MARGIN, right: 700, bottom: BANNER_MARGIN + 40 });
    expect(bannerBox('bottom', banner, viewport).bottom).toBe(800 - BANNER_MARGIN);
  });
});

describe('bannerEdge', () => {
  it('moves away from an element it covers', () => {
    expect(bannerEdge('top', box(450, 10, 100, 30), banner, viewport)).toBe('bottom');
    expect(bannerEdge('bottom', box(450, 760, 100, 30), banner, viewport)).toBe('top');
  });

  it('stays when it covers nothing, or would cover the element at the other edge too', () => {
    expect(bannerEdge('top', box(450, 300, 100, 30), banner, viewport)).toBe('top');
    expect(bannerEdge('top', box(10, 10, 100, 30), banner, viewport)).toBe('top');
    expect(bannerEdge('top', box(0, 0, 1000, 800), banner, viewport)).toBe('top');
    expect(bannerEdge('bottom', null, banner, viewport)).toBe('bottom');
  });
});

describe('placeLabel', () => {
  const label = { width: 120, height: 20 };
  it('puts the label above the element when there is room', () => {
    expect(placeLabel(box(100, 200, 80, 30), label, viewport)).toEqual({ left: 100, top: 176 });
  });
  it('puts it below an element at the top, inside one as tall as the viewport', () => {
    expect(placeLabel(box(100, 5, 80, 30), label, viewport)).toEqual({ left: 100, top: 39 });
    expect(placeLabel(box(0, -50, 1000, 900), label, viewport)).toEqual({ left: 0, top: 4 });
  });
  it('keeps it inside the viewport horizontally', () => {
    expect(placeLabel(box(950, 200, 40, 30), label, viewport).left).toBe(880);
    expect(placeLabel(box(-30, 200, 40, 30), label, viewport).left).toBe(0);
  });
});
