/** The nodes whose own child list holds `el` or one of its ancestors: up to its document, through shadow roots. */
function ancestorsOf(el: Node): Node[] {
  const out: Node[] = [];
  for (let n: Node | null = el.parentNode; n !== null; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) out.push(n);
  return out;
}

/**
 * Calls `onGone` once, when `el` has left the page. Only the child lists of its ancestors are watched
 * (no subtree): taking `el` away removes it or one of its ancestors from an ancestor's child list, and
 * nothing else the page does reaches this observer, so a page streaming text, updating a grid or
 * appending to a list elsewhere costs it nothing (a document-wide observer pays for every mutation:
 * see `npm run bench:watch`). When the ancestors change and `el` stays (it was moved, or wrapped), the
 * new ones are watched. Returns the function that stops watching.
 */
export function watchRemoval(el: Element, onGone: () => void): () => void {
  let chain: Node[] = [];
  const observer = new MutationObserver(() => {
    if (el.isConnected) observeChain();
    else {
      observer.disconnect();
      onGone();
    }
  });
  const observeChain = () => {
    const next = ancestorsOf(el);
    if (next.length === chain.length && next.every((n, i) => n === chain[i])) return;
    observer.disconnect();
    chain = next;
    for (const n of chain) observer.observe(n, { childList: true });
  };
  observeChain();
  let stopped = false;
  // Already gone (removed in the task that found it): said as a mutation would, after this task.
  if (!el.isConnected) queueMicrotask(() => stopped || onGone());
  return () => {
    stopped = true;
    observer.disconnect();
  };
}
