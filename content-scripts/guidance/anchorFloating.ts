import { autoUpdate, computePosition, flip, hide, offset, shift, type Placement } from '@floating-ui/dom';

/**
 * Keeps `floating` beside `reference` (fixed positioning) through scrolling, resizing and layout
 * changes, and hides it while the reference is scrolled out of view. Returns the cleanup.
 */
export function anchorFloating(reference: Element, floating: HTMLElement, placement: Placement, gap = 8): () => void {
  const middleware = [offset(gap), flip({ padding: 8 }), shift({ padding: 8 }), hide()];
  const update = () =>
    void computePosition(reference, floating, { strategy: 'fixed', placement, middleware }).then(({ x, y, middlewareData }) => {
      Object.assign(floating.style, {
        position: 'fixed',
        left: `${x}px`,
        top: `${y}px`,
        visibility: middlewareData.hide?.referenceHidden ? 'hidden' : 'visible',
      });
    });
  return autoUpdate(reference, floating, update, { animationFrame: false });
}
