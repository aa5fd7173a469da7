import type { ElementFingerprint } from '../../src/schema/fingerprint';
import { loadLocator, type Locate } from './locator';
import { domChangesOf } from './domChanges';
import { idleAfter } from './idleAfter';
import { isOwnNode } from './shadowHost';
import { watchContent } from './watchContent';
import { watchRemoval } from './watchRemoval';

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
 * re-render replaces it, and reports it missing after `timeoutMs`. While it is not found, DOM changes
 * come from the document's one shared observer (`domChanges.ts`), batched and throttled, ignoring our
 * own overlay; once it is, only its ancestors' child lists are watched (`watchRemoval`), so a page
 * that keeps changing elsewhere costs nothing while the target stays. Returns the cleanup.
 */
export function trackTarget(target: ElementFingerprint, opts: TrackOptions): () => void {
  const started = performance.now();
  let current: Element | null = null;
  let reportedMissing = false;
  let pending: (() => void) | null = null;
  let stopped = false;
  let locate: Locate | null = null;
  let finalPending = false;
  let unsubscribe: (() => void) | null = null;
  let stopRemoval: (() => void) | null = null;

  let stopContent: (() => void) | null = null;
  let verifying: (() => void) | null = null;

  const unwatchFound = () => {
    stopRemoval?.();
    stopRemoval = null;
    stopContent?.();
    stopContent = null;
    verifying?.();
    verifying = null;
  };

  /**
   * `recheck`: the found element is still on the page, but its row's text or its identifying attributes
   * changed (see `watchContent`): locate again, and move to the element now showing the target's record,
   * or let go when none does (the record filtered out, its row recycled for another).
   */
  const check = (final: boolean, recheck = false) => {
    if (stopped) return;
    if (!locate) {
      // The locator is still loading: check again as soon as it is here.
      finalPending ||= final;
      return;
    }
    if (current?.isConnected && !recheck) return;
    const r = locate(target, document, { ignore });
    const found = r.status === 'found' && r.element !== null;
    if (current !== null && found && r.element === current) return;
    if (current) {
      current = null;
      unwatchFound();
      watchPage();
      opts.onLost?.();
    }
    if (found && r.element) {
      const el = r.element;
      current = el;
      reportedMissing = false;
      unwatchPage();
      stopRemoval = watchRemoval(el, () => {
        unwatchFound();
        watchPage();
        schedule();
      });
      stopContent = watchContent(el, () => {
        verifying ??= idleAfter(() => {
          verifying = null;
          check(false, true);
        }, CHECK_INTERVAL_MS);
      });
      opts.onFound(el, r.confidence);
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

  function watchPage(): void {
    unsubscribe ??= domChangesOf(document).subscribe((records) => {
      // Our own overlay re-rendering must not cost a locate.
      if (records.every((r) => isOwnNode(r.target))) return;
      schedule();
    });
  }
  function unwatchPage(): void {
    unsubscribe?.();
    unsubscribe = null;
  }
  watchPage();
  const deadline = setTimeout(() => check(true), opts.timeoutMs);
  void loadLocator().then((fn) => {
    locate = fn;
    check(false);
    if (finalPending) check(true);
  });

  return () => {
    stopped = true;
    unwatchPage();
    unwatchFound();
    clearTimeout(deadline);
    pending?.();
  };
}
