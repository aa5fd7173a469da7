import { arrow, autoUpdate, computePosition, flip, hide, offset, shift, type Placement as FloatingPlacement } from '@floating-ui/dom';
import type { Placement } from '../../src/schema/flow';

const SIDE_OF: Record<string, string> = { top: 'bottom', right: 'left', bottom: 'top', left: 'right' };

/** The frame elements between the target's document and ours, innermost first (none for our own). */
function framesAbove(target: Element): Element[] {
  const out: Element[] = [];
  for (let doc = target.ownerDocument; doc !== document && out.length < 16; ) {
    const frame = doc.defaultView?.frameElement ?? null;
    if (frame === null) break;
    out.push(frame);
    doc = frame.ownerDocument;
  }
  return out;
}

/**
 * The target's box in our viewport. A target inside a same-origin iframe (the locator reaches into
 * them) reports its box in the frame's viewport: each frame's own box, border and padding are added.
 */
function boxInTop(target: Element, frames: readonly Element[]): { x: number; y: number; width: number; height: number; left: number; top: number; right: number; bottom: number } {
  const r = target.getBoundingClientRect();
  let x = r.left;
  let y = r.top;
  for (const f of frames) {
    const fr = f.getBoundingClientRect();
    const cs = f.ownerDocument.defaultView?.getComputedStyle(f);
    x += fr.left + f.clientLeft + (cs ? parseFloat(cs.paddingLeft) || 0 : 0);
    y += fr.top + f.clientTop + (cs ? parseFloat(cs.paddingTop) || 0 : 0);
  }
  return { x, y, width: r.width, height: r.height, left: x, top: y, right: x + r.width, bottom: y + r.height };
}

/**
 * Keeps the card next to its target and the highlight on it, through scrolling, resizing and layout
 * changes (floating-ui's autoUpdate). Positions are `fixed`, relative to the viewport. A target in a
 * same-origin iframe is placed through a virtual reference in our coordinates, and scrolling inside
 * its frames is watched too. Returns the cleanup.
 */
export function positionCard(target: Element, card: HTMLElement, arrowEl: HTMLElement, highlight: HTMLElement, placement: Placement): () => void {
  const frames = framesAbove(target);
  const outer = frames[frames.length - 1];
  const reference = outer === undefined ? target : { getBoundingClientRect: () => boxInTop(target, frames), contextElement: outer };
  const middleware = [
    offset(12),
    // 'auto' starts below the target and flips to whichever side has room (cheaper than autoPlacement).
    flip({ padding: 8, ...(placement === 'auto' ? { fallbackAxisSideDirection: 'end' as const } : {}) }),
    shift({ padding: 8 }),
    arrow({ element: arrowEl, padding: 8 }),
    hide(),
  ];
  const update = () => {
    const r = outer === undefined ? target.getBoundingClientRect() : boxInTop(target, frames);
    highlight.style.transform = `translate(${Math.round(r.left - 4)}px, ${Math.round(r.top - 4)}px)`;
    highlight.style.width = `${Math.round(r.width + 8)}px`;
    highlight.style.height = `${Math.round(r.height + 8)}px`;
    void computePosition(reference, card, {
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
  const stop = autoUpdate(reference, card, update, { animationFrame: false });
  if (outer === undefined) return stop;
  // autoUpdate watches our document; scrolling inside the frames moves the target as well.
  const ac = new AbortController();
  for (let doc = target.ownerDocument, i = 0; i < frames.length; doc = (frames[i] as Element).ownerDocument, i++) {
    doc.defaultView?.addEventListener('scroll', update, { capture: true, passive: true, signal: ac.signal });
    doc.defaultView?.addEventListener('resize', update, { passive: true, signal: ac.signal });
  }
  return () => {
    ac.abort();
    stop();
  };
}
