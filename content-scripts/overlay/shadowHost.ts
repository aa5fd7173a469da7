import { CARD_CSS } from '../../src/ui/styles';

export const HOST_TAG = 'waymark-overlay';
/** The element picker's host (content-scripts/picker): also ours, also ignored. */
const PICKER_TAG = 'waymark-picker';

export interface ShadowHost {
  host: HTMLElement;
  /** Where Preact renders the flow's step. */
  container: HTMLElement;
  /** Where the guidance chunk renders tips, beacons, the launcher… (a sibling, so each has its own tree). */
  guidanceContainer: HTMLElement;
  /** Re-attaches the host if the page removed it (some apps replace whole subtrees). */
  ensureAttached(): void;
  destroy(): void;
}

/**
 * The overlay's home: a custom element on <html> with a shadow root, so host CSS cannot break the
 * overlay and the overlay's CSS cannot leak into the host. The host box has no size and sits above
 * everything; the card and highlight inside it are positioned `fixed`.
 */
export function createShadowHost(doc: Document): ShadowHost {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('style', 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CARD_CSS.replace(/\s*\n\s*/g, '');
  const container = doc.createElement('div');
  const guidanceContainer = doc.createElement('div');
  shadow.append(style, container, guidanceContainer);
  const ensureAttached = () => {
    if (!host.isConnected) doc.documentElement.append(host);
  };
  ensureAttached();
  return { host, container, guidanceContainer, ensureAttached, destroy: () => host.remove() };
}

/** True for our own nodes, which targeting and DOM watching must ignore. */
export function isOwnNode(node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
    if (n instanceof Element && (n.localName === HOST_TAG || n.localName === PICKER_TAG)) return true;
  }
  return false;
}
