import type { ElementFingerprint } from '../../src/schema/fingerprint';
import { loadLocator, type Locate } from './locator';
import { domChangesOf } from './domChanges';
import { idleAfter } from './idleAfter';
import { isOwnNode } from './shadowHost';

export interface TrackOptions {
  /** How long to wait before reporting the target missing. */
  timeoutMs: number;
  onFound(el: Element, confidence: number): void;
  onMissing(waitedMs: number, confidence: number, ambiguous: boolean): void;
  /** The element that was found left the page (a re-render); tracking goes on. */
  onLost?(): void;
}

/** Mutations are handled at most this often, when the page is idle: one locate per batch, never one per mutation. */
const CHECK_INTERVAL_MS = 100;

const ignore = (el: Element) => isOwnNode(el);

/**
 * Finds a target and keeps it found: waits for it to render (SPA routes, lazy panels), notices when a
 * re-render replaces it, and reports it missing after `timeoutMs`. DOM changes come from the document's
 * one shared observer (`domChanges.ts`), batched and throttled, ignoring our own overlay. Returns the
 * cleanup.
 */
export function trackTarget(target: ElementFingerprint, opts: TrackOptions): () => void {
  const started = performance.now();
  let current: Element | null = null;
  let reportedMissing = false;
  let pending: (() => void) | null = null;
  let stopped = false;
  let locate: Locate | null = null;
  let finalPending = false;

  const check = (final: boolean) => {
    if (stopped) return;
    if (!locate) {
      // The locator is still loading: check again as soon as it is here.
      finalPending ||= final;
      return;
    }
    if (current?.isConnected) return;
    if (current) {
      current = null;
      opts.onLost?.();
    }
    const r = locate(target, document, { ignore });
    if (r.status === 'found' && r.element) {
      current = r.element;
      reportedMissing = false;
      opts.onFound(r.element, r.confidence);
    } else if (final && !reportedMissing) {
      reportedMissing = true;
      opts.onMissing(Math.round(performance.now() - started), r.confidence, r.status === 'ambiguous');
    }
  };

  const schedule = () => {
    if (pending === null && !stopped) pending = idleAfter(() => {
        pending = null;
        check(false);
      }, CHECK_INTERVAL_MS);
  };

  const unsubscribe = domChangesOf(document).subscribe((records) => {
    // A target still on the page needs nothing, whatever else changed: a re-render that takes it away
    // leaves it disconnected by the time its records are delivered. Asked first: a page streaming
    // text or updating a grid delivers a batch every few milliseconds while the step is shown.
    if (current?.isConnected) return;
    // Our own overlay re-rendering must not cost a locate.
    if (records.every((r) => isOwnNode(r.target))) return;
    schedule();
  });
  const deadline = setTimeout(() => check(true), opts.timeoutMs);
  void loadLocator().then((fn) => {
    locate = fn;
    check(false);
    if (finalPending) check(true);
  });

  return () => {
    stopped = true;
    unsubscribe();
    clearTimeout(deadline);
    pending?.();
  };
}
