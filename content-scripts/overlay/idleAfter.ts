/**
 * Runs `fn` once the page is idle, at least `delayMs` from now: a timer throttles (DOM changes in a
 * burst cost one run), then `requestIdleCallback` (at most `idleTimeoutMs` later) keeps the work off
 * the host app's busy frames. Returns the function that cancels whichever is pending.
 */
export function idleAfter(fn: () => void, delayMs: number, idleTimeoutMs = 200): () => void {
  let idle: number | null = null;
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(fn, { timeout: idleTimeoutMs });
    else fn();
  }, delayMs);
  return () => {
    clearTimeout(timer);
    if (idle !== null) cancelIdleCallback(idle);
  };
}
