/**
 * Page states reach the overlay from several requests in flight at once (the bootstrap's `page/state`,
 * the overlay's presence refreshes, a Next or Skip, the guidance layer's actions). The background
 * answers them in the order they were sent, but the answers may be applied out of order: a refresh sent
 * just before a Skip and answered just after it would bring back the card of the run the Skip ended.
 * So each request is stamped when it is sent, and an answer is applied only if no answer to a later
 * request was applied before it.
 *
 * Invariant: `accept(s)` is true at most once for a given stamp order position, and never for a stamp
 * lower than one already accepted.
 */
export interface StateOrder {
  /** A stamp for a request about to be sent (monotonic in this document). */
  stamp(): number;
  /** Whether the answer to the request stamped `s` may be applied; records it when it may. */
  accept(s: number): boolean;
}

export function createStateOrder(now: () => number = () => performance.now()): StateOrder {
  let last = -Infinity;
  let counter = 0;
  return {
    // The counter breaks ties between requests sent within one clock tick.
    stamp: () => now() + ++counter * 1e-6,
    accept(s) {
      if (s < last) return false;
      last = s;
      return true;
    },
  };
}
