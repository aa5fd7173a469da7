import { arrow, autoUpdate, computePosition, flip, hide, offset, shift, type Placement as FloatingPlacement } from '@floating-ui/dom';
import type { Placement } from '../../src/schema/flow';

const SIDE_OF: Record<string, string> = { top: 'bottom', right: 'left', bottom: 'top', left: 'right' };

/**
 * Keeps the card next to its target and the highlight on it, through scrolling, resizing and layout
 * changes (floating-ui's autoUpdate). Positions are `fixed`, relative to the viewport. Returns the cleanup.
 */
export function positionCard(target: Element, card: HTMLElement, arrowEl: HTMLElement, highlight: HTMLElement, placement: Placement): () => void {
  const middleware = [
    offset(12),
    // 'auto' starts below the target and flips to whichever side has room (cheaper than autoPlacement).
    flip({ padding: 8, ...(placement === 'auto' ? { fallbackAxisSideDirection: 'end' as const } : {}) }),
    shift({ padding: 8 }),
    arrow({ element: arrowEl, padding: 8 }),
    hide(),
  ];
  const update = () => {
    const r = target.getBoundingClientRect();
    highlight.style.transform = `translate(${Math.round(r.left - 4)}px, ${Math.round(r.top - 4)}px)`;
    highlight.style.width = `${Math.round(r.width + 8)}px`;
    highlight.style.height = `${Math.round(r.height + 8)}px`;
    void computePosition(target, card, {
      strategy: 'fixed',
      placement: placement === 'auto' ? 'bottom' : (placement as FloatingPlacement),
      middleware,
    }).then(({ x, y, placement: side, middlewareData }) => {
      const hidden = middlewareData.hide?.referenceHidden === true;
      card.style.position = 'fixed';
      card.style.left = `${x}px`;
      card.style.top = `${y}px`;
      card.style.visibility = hidden ? 'hidden' : 'visible';
      highlight.style.visibility = hidden ? 'hidden' : 'visible';
      card.dataset.placement = side;
      const a = middlewareData.arrow;
      const base = side.split('-')[0] ?? 'bottom';
      Object.assign(arrowEl.style, {
        left: a?.x != null ? `${a.x}px` : '',
        top: a?.y != null ? `${a.y}px` : '',
        right: '',
        bottom: '',
        [SIDE_OF[base] ?? 'top']: '-6px',
      });
    });
  };
  return autoUpdate(target, card, update, { animationFrame: false });
}
