/**
 * Our hosts: the picker's own, and the overlay's (a tour may be showing while the admin picks). The
 * overlay's tag is repeated here rather than imported from `overlay/shadowHost`: importing it would make
 * the overlay and the picker share a chunk, and the picker must not change what the overlay loads.
 */
export const PICKER_TAG = 'waymark-picker';
const OVERLAY_TAG = 'waymark-overlay';

/**
 * True for our own nodes and anything inside them, across shadow roots. Uses `nodeType`, not
 * `instanceof`: nodes of a same-origin iframe belong to another realm.
 */
export function isOurNode(node: Node | null): boolean {
  for (let n: Node | null = node; n !== null; ) {
    if (n.nodeType === 1) {
      const tag = (n as Element).localName;
      if (tag === PICKER_TAG || tag === OVERLAY_TAG) return true;
    }
    n = n.parentNode ?? (n.nodeType === 11 && 'host' in n ? (n as ShadowRoot).host : null);
  }
  return false;
}
