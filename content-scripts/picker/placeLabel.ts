import type { Box, Size } from './bannerEdge';

/** Gap between the highlighted element and its label. */
const GAP = 4;

/**
 * Where the hover label goes: just above the element, or just below when there is no room above, or
 * inside its top edge when there is room on neither side (an element as tall as the viewport); kept
 * inside the viewport horizontally.
 */
export function placeLabel(target: Box, label: Size, viewport: Size): { left: number; top: number } {
  let top = target.top - GAP - label.height;
  if (top < 0) top = target.bottom + GAP + label.height <= viewport.height ? target.bottom + GAP : Math.max(0, target.top) + GAP;
  const left = Math.min(Math.max(0, target.left), Math.max(0, viewport.width - label.width));
  return { left, top };
}
