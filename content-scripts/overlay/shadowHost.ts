import { CARD_CSS } from '../../src/ui/styles';
import { pageIsDark } from './pageScheme';
import { focusedModal, hostHome, openedLast, raiseToTopLayer, undoZoom } from './topLayer';
import { watchRemoval } from './watchRemoval';

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
  /** Says `text` to assistive technology through a polite live region (a card that did not take focus). */
  announce(text: string): void;
  destroy(): void;
}

/**
 * The overlay's home: a custom element with a shadow root, so host CSS cannot break the overlay and the
 * overlay's CSS cannot leak into the host. The host box has no size and sits above everything (a manual
 * popover in the top layer where the browser has them); the card and highlight inside it are `fixed`.
 * It lives on <html>, or inside the page's open modal dialog or fullscreen element (`hostHome`), and
 * follows them as they open and close.
 */
export function createShadowHost(doc: Document): ShadowHost {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('style', 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CARD_CSS.replace(/\s*\n\s*/g, '');
  const container = doc.createElement('div');
  const guidanceContainer = doc.createElement('div');
  // Present from the start: a live region announces changes, not its own arrival.
  const live = doc.createElement('div');
  live.setAttribute('role', 'status');
  live.setAttribute('data-waymark-live', '');
  live.setAttribute('style', 'position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;');
  shadow.append(style, container, guidanceContainer, live);
  /** Matches the page's colours (see `pageIsDark`): read again whenever the host is placed. */
  const scheme = () => host.setAttribute('data-scheme', pageIsDark(doc) ? 'dark' : 'light');
  scheme();
  /** Modal dialogs seen opening, the last on top (see `hostHome`). */
  const modals: Element[] = [];
  /** Moves the host where it is seen and usable; `raise`: something opened in the top layer after it. */
  const place = (raise = false) => {
    scheme();
    const home = hostHome(doc, modals);
    const moved = host.parentNode !== home;
    // Moving disconnects the host, which closes its popover: it is shown again below.
    if (moved) home.append(host);
    // A dialog in a shadow root is out of the document's observer's reach: its closing is watched on it.
    if (moved && home.localName === 'dialog') opened.observe(home, { attributes: true, attributeFilter: ['open'] });
    undoZoom(host, home);
    raiseToTopLayer(host, raise && !moved);
  };
  const noteOpened = (el: Element) => el.localName === 'dialog' && el.matches(':modal') && openedLast(modals, el);
  const ac = new AbortController();
  const opts = { capture: true, signal: ac.signal };
  // A dialog or popover of the page opened (or closed): `toggle` does not bubble, so it is caught going down.
  // Not the picker's host: it follows the page's too, and each raising itself above the other's raise
  // would never end; the picker, an admin's tool started over the tour, stays on top.
  doc.addEventListener('toggle', (e) => {
    const open = (e as ToggleEvent).newState === 'open';
    if (isOwnNode(e.target as Node)) return;
    if (open) noteOpened(e.target as Element);
    place(open);
  }, opts);
  doc.addEventListener('close', () => place(), opts);
  doc.addEventListener('fullscreenchange', () => place(true), opts);
  // A component's modal dialog, in its shadow root, sends the document no event but the focus moving into it.
  doc.addEventListener('focusin', () => {
    const modal = focusedModal(doc);
    if (modal && modal !== host.parentNode) {
      openedLast(modals, modal);
      place(true);
    }
  }, opts);
  // Browsers that fire no `toggle` for dialogs still flip their `open` attribute: only that attribute is
  // watched, so the page's other mutations make no record for it.
  const opened = new MutationObserver((records) => {
    const dialogs = records.filter((r) => (r.target as Element).localName === 'dialog');
    for (const r of dialogs) noteOpened(r.target as Element);
    if (dialogs.length) place(true);
  });
  opened.observe(doc.documentElement, { subtree: true, attributes: true, attributeFilter: ['open'] });
  // A page that drops an open dialog (a framework unmounting it), or the host itself, takes the host
  // with it: it is put back, and watched again there.
  let stopRemoval = () => {};
  const keepAttached = () => {
    stopRemoval = watchRemoval(host, () => {
      place();
      keepAttached();
    });
  };
  // A theme switched at run time is a class, style or data attribute on <html> or <body>: only those two
  // elements' own attributes are watched, and <html>'s child list, as apps that navigate by swapping the
  // whole <body> (Hotwire Turbo) bring another one. Also where an app scales itself with `zoom` on
  // <html>: the host undoes it.
  const theme = new MutationObserver(() => {
    if (doc.body) theme.observe(doc.body, { attributes: true });
    scheme();
    if (host.parentElement) undoZoom(host, host.parentElement);
  });
  theme.observe(doc.documentElement, { attributes: true, childList: true });
  if (doc.body) theme.observe(doc.body, { attributes: true });
  doc.defaultView?.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', scheme, { signal: ac.signal });
  const ensureAttached = () => place();
  ensureAttached();
  keepAttached();
  return {
    host,
    container,
    guidanceContainer,
    ensureAttached,
    announce: (text) => {
      live.textContent = text;
    },
    destroy: () => {
      ac.abort();
      opened.disconnect();
      theme.disconnect();
      stopRemoval();
      host.remove();
    },
  };
}

/** True for our own nodes, which targeting and DOM watching must ignore. */
export function isOwnNode(node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
    if (n instanceof Element && (n.localName === HOST_TAG || n.localName === PICKER_TAG)) return true;
  }
  return false;
}
