/**
 * Gives a host page's field an accessible description (`aria-description`, which Chromium exposes as
 * the description in the accessibility tree). The tip's own element cannot be referenced: ids do not
 * cross into the overlay's shadow root, and ARIA element reflection only points outwards from a
 * shadow tree, never into one. The host's own description is kept in front of ours. Returns the
 * cleanup, which gives the attribute back as it was, unless the host has changed it since (then it
 * is the host's again).
 */
export function describeField(el: Element, text: string): () => void {
  const prev = el.getAttribute('aria-description');
  const mine = prev ? `${prev} ${text}` : text;
  el.setAttribute('aria-description', mine);
  return () => {
    if (el.getAttribute('aria-description') !== mine) return;
    if (prev === null) el.removeAttribute('aria-description');
    else el.setAttribute('aria-description', prev);
  };
}
