/** Frames above a document followed at most this deep (as `framePath` is). */
const MAX_DEPTH = 16;

/**
 * The top document of the tab, reached from `doc` through same-origin frames only; null when some frame
 * on the way up is cross-origin. That top document is where a step's target will be looked for (the
 * overlay runs in the top frame and reaches same-origin frames), so a pick is checked there; and an
 * element in a frame it cannot reach cannot be a target at all.
 */
export function topDocument(doc: Document): Document | null {
  let d = doc;
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    const win = d.defaultView;
    if (win === null) return null;
    let frame: Element | null;
    try {
      frame = win.frameElement;
    } catch {
      return null;
    }
    // No frame element: the top window, or a window whose parent is cross-origin (then null as well).
    if (frame === null) return win.parent === win ? d : null;
    d = frame.ownerDocument;
  }
  return null;
}
