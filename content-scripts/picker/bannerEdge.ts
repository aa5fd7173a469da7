export type Edge = 'top' | 'bottom';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Gap between the banner and the viewport's edge, and the slack around it that counts as covering. */
export const BANNER_MARGIN = 8;

/** Where the banner sits at `edge`: centred horizontally, `BANNER_MARGIN` from that edge. */
export function bannerBox(edge: Edge, banner: Size, viewport: Size): Box {
  const left = Math.max(0, (viewport.width - banner.width) / 2);
  const top = edge === 'top' ? BANNER_MARGIN : viewport.height - BANNER_MARGIN - banner.height;
  return { left, top, right: left + banner.width, bottom: top + banner.height };
}

function overlaps(a: Box, b: Box, slack: number): boolean {
  return a.left < b.right + slack && a.right > b.left - slack && a.top < b.bottom + slack && a.bottom > b.top - slack;
}

/**
 * The edge the banner should sit at so that it does not cover the hovered element: it moves to the
 * other edge when it covers the element there and would not cover it at the other. An element that
 * both positions would cover (a page-sized container) leaves it where it is, so it does not flicker.
 */
export function bannerEdge(current: Edge, hovered: Box | null, banner: Size, viewport: Size): Edge {
  if (hovered === null) return current;
  const other: Edge = current === 'top' ? 'bottom' : 'top';
  const coversHere = overlaps(hovered, bannerBox(current, banner, viewport), BANNER_MARGIN);
  return coversHere && !overlaps(hovered, bannerBox(other, banner, viewport), BANNER_MARGIN) ? other : current;
}
