import { isOurNode } from './isOurNode';

/** Elements that render no children, so cannot hold our host even when they are in fullscreen. */
const CANNOT_HOLD = /^(video|img|canvas|iframe|object|embed)$/;

/*
 * The picker's copy of what the overlay does for its host (`overlay/topLayer.ts`, and the placing in
 * `overlay/shadowHost.ts`); change both together. Imported from there, it would become a chunk of its
 * own that the overlay loads as well: measured, +160 B gzip on the overlay for two small functions.
 */

/**
 * The modal dialog the focus is in, through open shadow roots. A component's dialog (Material Web's
 * `<md-dialog>` renders a native one in its shadow root) is not among the document's `dialog:modal`, and
 * its events stay in its shadow root; but `showModal()` moves the focus into it, which the document
 * hears (`focusin` is composed), and the focus can only be in the topmost modal: the rest is inert.
 */
function focusedModal(doc: Document): Element | null {
  let a = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  for (let n: Node | null = a; n; n = n.parentNode ?? (n.nodeType === 11 ? (n as ShadowRoot).host : null)) {
    if ((n as Element).localName === 'dialog' && (n as Element).matches(':modal')) return n as Element;
  }
  return null;
}

/**
 * Where the host must live to be seen and usable. A modal `<dialog>` (`showModal()`) makes everything
 * outside it inert (the banner's Cancel would not take a click) and sits in the top layer above it, so
 * while one is open the host goes inside the topmost one: the one the focus is in, else the last seen
 * opening of those still open (`opened`, pruned here: a component's dialog is found only so), else the
 * last in document order (nested dialogs come after their opener). An element in fullscreen is all
 * that is shown: the host goes inside it. Otherwise `<html>`.
 */
function homeOf(doc: Document, opened: Element[]): Element {
  for (let i = opened.length; i--; ) if (!opened[i]!.isConnected || !opened[i]!.matches(':modal')) opened.splice(i, 1);
  const modals = doc.querySelectorAll('dialog:modal');
  const full = doc.fullscreenElement;
  return focusedModal(doc) ?? opened.at(-1) ?? modals[modals.length - 1] ?? (full && !CANNOT_HOLD.test(full.localName) ? full : doc.documentElement);
}

/** Notes `el` as opened last (see `homeOf`) when it is a modal dialog. */
function noteOpened(opened: Element[], el: Element): void {
  if (el.localName !== 'dialog' || !el.matches(':modal')) return;
  const i = opened.indexOf(el);
  if (i >= 0) opened.splice(i, 1);
  opened.push(el);
}

/**
 * Puts `host` in the top layer as a manual popover, above any z-index and outside its ancestors'
 * transforms and clipping (a dialog centred by a transform); with `again`, shown anew so that it is
 * above a dialog or popover the page opened after it. Browsers without the Popover API keep the z-index.
 */
function raise(host: HTMLElement, again: boolean): void {
  if (typeof host.showPopover !== 'function' || !host.isConnected) return;
  try {
    if (!host.hasAttribute('popover')) host.setAttribute('popover', 'manual');
    const open = host.matches(':popover-open');
    if (open && !again) return;
    if (open) host.hidePopover();
    host.showPopover();
  } catch {
    // Refused (e.g. inside a closing dialog): the z-index still applies.
  }
}

export interface TopLayerFollower {
  /** Puts the host back if the page removed it (some apps replace whole subtrees). Cheap: called per drawn frame. */
  ensureAttached(): void;
  /** Stops following; the host stays where it is. */
  destroy(): void;
}

/**
 * Attaches `host` to `doc` where it is seen and usable (`homeOf`) and keeps it there while the picker
 * runs: into a modal dialog or fullscreen element when one opens, above a dialog opened after it, back
 * on `<html>` when it closes, and out of an open dialog the page drops without closing it (a framework
 * unmounting it takes the host along, with no event to say so). `live` is asked before each move the
 * page prompts: a picker whose extension is gone stops there, and must not put back a host that the
 * next picker removed as stale.
 */
export function followTopLayer(doc: Document, host: HTMLElement, live: () => boolean): TopLayerFollower {
  /** Modal dialogs seen opening, the last on top (see `homeOf`). */
  const modals: Element[] = [];
  /** `again`: something opened in the top layer after the host. */
  const place = (again = false) => {
    const home = homeOf(doc, modals);
    const moved = host.parentNode !== home;
    // Moving disconnects the host, which closes its popover: it is shown again below.
    if (moved) home.append(host);
    // A dialog in a shadow root is out of the document's observer's reach: its closing is watched on it.
    if (moved && home.localName === 'dialog') observer.observe(home, { attributes: true, attributeFilter: ['open'] });
    // Zoom multiplies down the tree (an app scaled with `zoom` on <html>): the host undoes its home's, or
    // the highlight's fixed coordinates, the page's unzoomed ones, would be scaled again.
    const z = (home as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
    host.style.zoom = z > 0 && z !== 1 ? String(1 / z) : '';
    raise(host, again && !moved);
  };
  const follow = (again = false) => {
    if (live()) place(again);
  };
  const ac = new AbortController();
  const opts = { capture: true, signal: ac.signal };
  // A dialog or popover of the page opened (or closed): `toggle` does not bubble, so it is caught going down.
  // Not the overlay's host (a tour showing while the admin picks): it follows the page's too, and each
  // raising itself above the other's raise would never end. The picker, started last, stays on top.
  doc.addEventListener('toggle', (e) => {
    if (isOurNode(e.target as Node)) return;
    const open = (e as ToggleEvent).newState === 'open';
    if (open) noteOpened(modals, e.target as Element);
    follow(open);
  }, opts);
  doc.addEventListener('close', () => follow(), opts);
  doc.addEventListener('fullscreenchange', () => follow(true), opts);
  // A component's modal dialog, in its shadow root, sends the document no event but the focus moving into it.
  doc.addEventListener('focusin', () => {
    const modal = focusedModal(doc);
    if (modal && modal !== host.parentNode) {
      noteOpened(modals, modal);
      follow(true);
    }
  }, opts);
  // Browsers that fire no `toggle` for dialogs still flip their `open` attribute; and a page that drops
  // an open dialog takes the host with it. One observer, only while the picker runs, its records read
  // for that attribute alone.
  const observer = new MutationObserver((records) => {
    const dialogs = records.filter((r) => r.attributeName === 'open' && r.target.nodeType === 1 && (r.target as Element).localName === 'dialog');
    for (const r of dialogs) noteOpened(modals, r.target as Element);
    if (!host.isConnected) follow();
    else if (dialogs.length) follow(true);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['open'] });
  place();
  return {
    ensureAttached: () => {
      if (!host.isConnected) place();
    },
    destroy: () => {
      ac.abort();
      observer.disconnect();
    },
  };
}
