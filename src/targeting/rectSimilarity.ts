import type { Rect } from '../schema/fingerprint';

/**
 * Position and size agreement in [0, 1]. Pages scroll, reflow and grow banners between releases, so the
 * position term decays smoothly over a few hundred pixels rather than demanding the same spot, and size
 * (which survives reflow better) keeps a share of its own.
 */
export function rectSimilarity(a: Rect, b: Rect): number {
  const dx = a.x + a.width / 2 - (b.x + b.width / 2);
  const dy = a.y + a.height / 2 - (b.y + b.height / 2);
  const scale = 120 + 0.5 * Math.max(a.width, a.height);
  const d2 = (dx * dx + dy * dy) / (scale * scale);
  const position = 1 / (1 + d2);
  if (a.width <= 0 || a.height <= 0 || b.width <= 0 || b.height <= 0) return position;
  const size = Math.sqrt((Math.min(a.width, b.width) / Math.max(a.width, b.width)) *
    (Math.min(a.height, b.height) / Math.max(a.height, b.height)));
  return 0.6 * position + 0.4 * size;
}
