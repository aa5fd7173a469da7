/** Prompt helpers grouped by the fingerprint of their input, as the page's guidance lists them. */
export interface PromptGroup<T> {
  templates: T[];
  /** Ids shown by themselves (not opened from the launcher): their showing is recorded. */
  unasked: Set<string>;
  /** The launcher's request to open the helper (a counter; 0: never asked). */
  signal: number;
}

/** What each group's anchor renders: one helper per element, whatever the fingerprints that found it. */
export interface MergedGroup<T> extends PromptGroup<T> {
  dormant: boolean;
}

/**
 * Helpers authored separately for the same input (captured twice, or described by other fields) have
 * different fingerprints but find the same element: they must open as one list, not as two panels on
 * top of each other. The group with the smallest key owns the element and offers every template found
 * there; the others stay dormant (they keep tracking, and take over if the element parts ways).
 */
export function mergePromptGroups<T>(groups: ReadonlyMap<string, PromptGroup<T>>, elementOf: ReadonlyMap<string, unknown>): Map<string, MergedGroup<T>> {
  const keys = [...groups.keys()].sort();
  const byElement = new Map<unknown, string[]>();
  for (const k of keys) {
    const el = elementOf.get(k);
    if (el === undefined || el === null) continue;
    const list = byElement.get(el) ?? [];
    list.push(k);
    byElement.set(el, list);
  }
  const out = new Map<string, MergedGroup<T>>();
  for (const k of keys) {
    const own = groups.get(k) as PromptGroup<T>;
    const el = elementOf.get(k);
    const sharing = el === undefined || el === null ? [k] : (byElement.get(el) ?? [k]);
    if (sharing[0] !== k) {
      out.set(k, { ...own, dormant: true });
      continue;
    }
    const all = sharing.map((x) => groups.get(x) as PromptGroup<T>);
    out.set(k, {
      templates: all.flatMap((g) => g.templates),
      unasked: new Set(all.flatMap((g) => [...g.unasked])),
      signal: Math.max(...all.map((g) => g.signal)),
      dormant: false,
    });
  }
  return out;
}
