/*
 * The element picker keeps its own copy of this and of `shadowHost`'s placing
 * (`content-scripts/picker/followTopLayer.ts`; shared, it would be a chunk of its own): change both.
 */

/** Elements that render no children, so cannot hold our host even when they are in fullscreen. */
const CANNOT_HOLD = /^(video|img|canvas|iframe|object|embed)$/;

/**
 * Where our host must live to be seen and usable. A modal `<dialog>` (`showModal()`) makes everything
 * outside it inert, so while one is open the host goes inside the topmost one (the last in document
 * order: nested dialogs come after their opener). An element in fullscreen is all that is shown: the
 * host goes inside it. Otherwise `<html>`.
 */
export function hostHome(doc: Document): Element {
  const modals = doc.querySelectorAll('dialog:modal');
  const full = doc.fullscreenElement;
  return modals[modals.length - 1] ?? (full && !CANNOT_HOLD.test(full.localName) ? full : doc.documentElement);
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
