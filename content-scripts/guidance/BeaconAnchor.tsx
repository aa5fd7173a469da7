import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Beacon } from '../../src/schema/guidance';
import { BeaconCard, BeaconDot } from '../../src/ui/guidance/BeaconView';
import { anchorFloating } from './anchorFloating';
import { useTarget } from './useTarget';

/**
 * A beacon: a pulsing hotspot on the corner of its target until the user first uses the feature (the
 * background then leaves it out of the page state), or, without a feature, until it is opened and read.
 */
export function BeaconAnchor({ beacon, shown, opened }: { beacon: Beacon; shown(): void; opened(): void }) {
  const el = useTarget(beacon.target);
  const [open, setOpen] = useState(false);
  const dotRef = useRef<HTMLSpanElement>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (el) shown();
  }, [el]);
  useLayoutEffect(() => {
    if (!el || !dotRef.current) return;
    return anchorFloating(el, dotRef.current.firstElementChild as HTMLElement, 'right-start', -8);
  }, [el]);
  useLayoutEffect(() => {
    if (!el || !open || !cardRef.current) return;
    const card = cardRef.current.firstElementChild as HTMLElement;
    card.focus({ preventScroll: true });
    return anchorFloating(el, card, 'bottom', 12);
  }, [el, open]);
  if (!el) return null;
  const close = () => {
    setOpen(false);
    // The dot goes once the beacon is seen: a keyboard user's focus goes to the feature it announced,
    // not back to the start of the page.
    const root = cardRef.current?.getRootNode();
    const focusInside = root instanceof ShadowRoot && root.activeElement !== null && cardRef.current?.contains(root.activeElement) === true;
    if (focusInside && 'focus' in el) (el as HTMLElement).focus({ preventScroll: true });
    opened();
  };
  return (
    <span data-waymark-beacon={beacon.id}>
      <span ref={dotRef}><BeaconDot title={beacon.title} onOpen={() => setOpen(true)} /></span>
      {open ? (
        <div ref={cardRef} onKeyDown={(e) => e.key === 'Escape' && close()}>
          <BeaconCard title={beacon.title} body={beacon.body} onClose={close} />
        </div>
      ) : null}
    </span>
  );
}
