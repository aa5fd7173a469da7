/*
 * The element picker keeps its own copy of this and of `shadowHost`'s placing
 * (`content-scripts/picker/followTopLayer.ts`; shared, it would be a chunk of its own): change both.
 */

/** Elements that render no children, so cannot hold our host even when they are in fullscreen. */
const CANNOT_HOLD = /^(video|img|canvas|iframe|object|embed)$/;

/**
 * The modal dialog the focus is in, through open shadow roots. A component's dialog (Material Web's
 * `<md-dialog>` renders a native one in its shadow root) is not among the document's `dialog:modal`, and
 * its events stay in its shadow root; but `showModal()` moves the focus into it, which the document
 * hears (`focusin` is composed), and the focus can only be in the topmost modal: the rest is inert.
 */
export function focusedModal(doc: Document): Element | null {
  let a = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  for (let n: Node | null = a; n; n = n.parentNode ?? (n.nodeType === 11 ? (n as ShadowRoot).host : null)) {
    if ((n as Element).localName === 'dialog' && (n as Element).matches(':modal')) return n as Element;
  }
  return null;
}

/**
 * Where our host must live to be seen and usable. A modal `<dialog>` (`showModal()`) makes everything
 * outside it inert, so while one is open the host goes inside the topmost one: the one the focus is in,
 * else the last seen opening of those still open (`opened`, pruned here: a component's dialog is found
 * only so), else the last in document order (nested dialogs come after their opener). An element in
 * fullscreen is all that is shown: the host goes inside it. Otherwise `<html>`.
 */
export function hostHome(doc: Document, opened: Element[]): Element {
  for (let i = opened.length; i--; ) if (!opened[i]!.isConnected || !opened[i]!.matches(':modal')) opened.splice(i, 1);
  const modals = doc.querySelectorAll('dialog:modal');
  const full = doc.fullscreenElement;
  return focusedModal(doc) ?? opened.at(-1) ?? modals[modals.length - 1] ?? (full && !CANNOT_HOLD.test(full.localName) ? full : doc.documentElement);
}

/** Notes `dialog` as opened last (see `hostHome`). */
export function openedLast(opened: Element[], dialog: Element): void {
  const i = opened.indexOf(dialog);
  if (i >= 0) opened.splice(i, 1);
  opened.push(dialog);
}

/**
 * Puts `host` in the browser's top layer as a manual popover, above any z-index and outside its
 * ancestors' transforms and clipping; with `again`, shown anew so that it is above a dialog or popover
 * that the page opened after it. Browsers without the Popover API keep the z-index.
 */
export function raiseToTopLayer(host: HTMLElement, again = false): void {
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

/**
 * Undoes the CSS `zoom` the host inherits from `home` (an app scaled with `zoom` on <html>, or a dialog
 * the host moved into inside a zoomed <body>): zoom multiplies down the tree, and would scale the
 * overlay's fixed coordinates, which are the page's unzoomed ones (`getBoundingClientRect`), again.
 */
export function undoZoom(host: HTMLElement, home: Element): void {
  const z = (home as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
  const want = z > 0 && z !== 1 ? String(1 / z) : '';
  if (host.style.zoom !== want) host.style.zoom = want;
}
