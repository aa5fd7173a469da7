/**
 * XPath (`/html[1]/body[1]/div[2]/button[1]`) and index path (`0/1/1/0`) of an element within its own
 * tree: the document, or the shadow root it lives in (the fingerprint's `shadowPath` and `framePath` say
 * which). Every step carries its index, so the two are cheap to build top-down and always the same shape.
 */
export interface ElementPaths {
  readonly xpath: string | undefined;
  readonly indexPath: string | undefined;
}

/** The schema's limit; a deeper path is left out rather than cut, since a cut path would mislead. */
const MAX = 4096;

interface Step {
  readonly xpath: string;
  readonly indexPath: string;
}

/**
 * Memoises per element and per parent. Computing a step needs the element's position among its siblings;
 * doing that per element is quadratic in a 1,000-row table, so all children of a parent are numbered in
 * one pass when the first is asked for.
 */
export interface PathCache {
  readonly steps: Map<Element, Step>;
  readonly positions: Map<Element, readonly [number, number]>;
}

export function createPathCache(): PathCache {
  return { steps: new Map(), positions: new Map() };
}

function numberChildren(parent: ParentNode, cache: PathCache): void {
  const seen = new Map<string, number>();
  let index = 0;
  for (let c = parent.firstElementChild; c !== null; c = c.nextElementSibling) {
    const n = (seen.get(c.localName) ?? 0) + 1;
    seen.set(c.localName, n);
    cache.positions.set(c, [index++, n]);
  }
}

function stepOf(el: Element, cache: PathCache): Step {
  const hit = cache.steps.get(el);
  if (hit !== undefined) return hit;
  const parentNode = el.parentNode;
  let position = cache.positions.get(el);
  if (position === undefined && parentNode !== null) {
    numberChildren(parentNode, cache);
    position = cache.positions.get(el);
  }
  const [index, sameTag] = position ?? [0, 1];
  const parent = el.parentElement;
  const above: Step = parent === null ? { xpath: '', indexPath: '' } : stepOf(parent, cache);
  const step: Step = {
    xpath: `${above.xpath}/${el.localName}[${sameTag}]`,
    indexPath: above.indexPath === '' ? String(index) : `${above.indexPath}/${index}`,
  };
  cache.steps.set(el, step);
  return step;
}

export function pathsOf(el: Element, cache: PathCache = createPathCache()): ElementPaths {
  const step = stepOf(el, cache);
  return {
    xpath: step.xpath.length <= MAX ? step.xpath : undefined,
    indexPath: step.indexPath.length <= MAX ? step.indexPath : undefined,
  };
}
