import type { locate } from '../targeting/locate';

export type Locate = typeof locate;

let loading: Promise<typeof import('../targeting/locate')> | null = null;

/**
 * The scored locator is a chunk of its own, fetched in parallel with the overlay's first render
 * instead of inside it: the card and its positioning stay small, and a page whose guidance has no
 * target (or only features) pays for the locator only when it needs it.
 */
export function loadLocator(): Promise<Locate> {
  loading ??= import('../targeting/locate');
  return loading.then((m) => m.locate);
}

/** Drops what the locator keeps about this page, and its watching (the overlay's teardown). */
export function releaseLocator(): void {
  void loading?.then((m) => m.releasePageState(document));
}
