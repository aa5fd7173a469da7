import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { LauncherPanel } from '../../src/ui/guidance/LauncherPanel';
import type { LauncherEntry } from '../../src/ui/guidance/filterEntries';
import { anchorFloating } from './anchorFloating';

const SIZE = 44;
const MARGIN = 8;
/** A press that moves further than this is a drag, not a click. */
const DRAG_SLOP = 5;

const clamp = (v: number, max: number) => Math.max(MARGIN, Math.min(v, max - SIZE - MARGIN));

export interface LauncherProps {
  entries: LauncherEntry[];
  /** Saved position (top left), or null for the default corner. */
  position: { x: number; y: number } | null;
  onPick(key: string): void;
  onMoved(x: number, y: number): void;
}

/**
 * The self-help launcher: a button in the host page, draggable (its place is remembered), opening the
 * list of what helps on this page. Keyboard: it is a button (Tab, Enter or Space opens); Esc closes the
 * list and gives focus back to the button.
 */
export function Launcher(p: LauncherProps) {
  const [open, setOpen] = useState(false);
  const [pos, setPos] = useState<{ x: number; y: number } | null>(p.position);
  const [dragging, setDragging] = useState(false);
  const btn = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const drag = useRef<{ dx: number; dy: number; sx: number; sy: number; moved: boolean } | null>(null);
  /** Set when a drag ends: the click that follows pointerup must not toggle the list. */
  const dragged = useRef(false);

  // Kept inside the window when it is resized (the saved place is kept too, for a larger window).
  const [, setViewport] = useState(0);
  useEffect(() => {
    const onResize = () => setViewport((n) => n + 1);
    addEventListener('resize', onResize);
    return () => removeEventListener('resize', onResize);
  }, []);

  const at = pos ?? { x: innerWidth - SIZE - 24, y: innerHeight - SIZE - 24 };
  const left = clamp(at.x, innerWidth);
  const top = clamp(at.y, innerHeight);

  useLayoutEffect(() => {
    if (!open || !btn.current || !panel.current) return;
    return anchorFloating(btn.current, panel.current.firstElementChild as HTMLElement, 'top-end', 10);
  }, [open, left, top]);

  const close = () => {
    setOpen(false);
    btn.current?.focus();
  };
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    drag.current = { dx: e.clientX - left, dy: e.clientY - top, sx: e.clientX, sy: e.clientY, moved: false };
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    if (!d.moved && Math.hypot(e.clientX - d.sx, e.clientY - d.sy) < DRAG_SLOP) return;
    d.moved = true;
    setDragging(true);
    setPos({ x: clamp(e.clientX - d.dx, innerWidth), y: clamp(e.clientY - d.dy, innerHeight) });
  };
  const onPointerUp = (e: PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    setDragging(false);
    dragged.current = d?.moved === true;
    if (d?.moved) p.onMoved(clamp(e.clientX - d.dx, innerWidth), clamp(e.clientY - d.dy, innerHeight));
  };
  return (
    <>
      <button
        ref={btn}
        type="button"
        class="wm-g-launcher"
        style={{ left: `${left}px`, top: `${top}px` }}
        aria-label="Help for this page"
        title="Help for this page (drag to move)"
        aria-haspopup="dialog"
        aria-expanded={open}
        data-waymark-launcher=""
        data-dragging={dragging ? '' : undefined}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onClick={(e) => {
          if (dragged.current && e.detail > 0) {
            dragged.current = false;
            return;
          }
          setOpen((o) => !o);
        }}
      >
        ?
      </button>
      {open ? (
        <div ref={panel}>
          <LauncherPanel
            entries={p.entries}
            onClose={close}
            onPick={(key) => {
              // Focus on the button first, not lost with the list: what opens may take it (a checklist,
              // a step card, a tip's field) and gives it back here when closed.
              close();
              p.onPick(key);
            }}
          />
        </div>
      ) : null}
    </>
  );
}
