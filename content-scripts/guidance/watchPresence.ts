import type { PresenceCheck } from '../../src/rules/planGuidance';
import { trackTarget } from '../overlay/trackTarget';

/** How long the page is watched for an element: presence is a live condition, not a one-off check. */
const WATCH_MS = 24 * 3600_000;
/** After this long, an element not found yet counts as absent for the first decision (SPAs render late). */
export const SETTLE_MS = 2000;

/**
 * Watches the elements of the page's presence checks and reports the ids whose elements are all on
 * the page, whenever that set changes, and once "settled": every element found, or `SETTLE_MS` passed.
 * Returns the cleanup.
 */
export function watchPresence(checks: readonly PresenceCheck[], report: (ids: string[], settled: boolean) => void): () => void {
  const found = new Map<string, boolean[]>();
  let last = '';
  let settled = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const ids = checks.filter((c) => found.get(c.id)?.every(Boolean)).map((c) => c.id).sort();
    const key = ids.join(',');
    const nowSettled = settled || ids.length === checks.length;
    if (key === last && nowSettled === settled) return;
    last = key;
    settled = nowSettled;
    report(ids, settled);
  };
  const settle = setTimeout(() => {
    if (settled) return;
    settled = true;
    report(last === '' ? [] : last.split(','), true);
  }, SETTLE_MS);
  // Several targets found in one pass are reported together.
  const schedule = () => void (timer ??= setTimeout(flush, 50));
  const stops = checks.flatMap((c) => {
    const flags = c.targets.map(() => false);
    found.set(c.id, flags);
    return c.targets.map((t, i) =>
      trackTarget(t, {
        timeoutMs: WATCH_MS,
        onFound: () => {
          flags[i] = true;
          schedule();
        },
        onLost: () => {
          flags[i] = false;
          schedule();
        },
        onMissing: () => undefined,
      }),
    );
  });
  return () => {
    clearTimeout(settle);
    stops.forEach((s) => s());
    if (timer !== null) clearTimeout(timer);
  };
}
