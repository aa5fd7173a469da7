import { implicitRole, kindOf } from '../../src/targeting';
import { clip, visibleText } from './domText';
import { labelOf } from './elementLabel';

/** Subtrees that hold no elements a user acts on or reads as such. */
const OPAQUE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'head']);
const FIELDS = new Set(['input', 'select', 'textarea']);
const MAX_NAME = 64;
/** Elements a search in one direction may pass before it gives up (a grid of thousands of cells). */
const STEPS = 160;

/**
 * What counts as "the same kind" for adjacency: controls by what they do (a link restyled as a button
 * is still an action, as `candidateQuery` has it), everything else by tag.
 */
function kindKey(el: Element): string {
  const tag = el.localName;
  const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
  const kind = kindOf(explicit || implicitRole(tag, el.getAttribute('type') ?? undefined, tag === 'a' && el.hasAttribute('href')));
  if (kind === 'button' || kind === 'link') return 'action';
  if (kind === 'field' || kind === 'choice') return 'input';
  return kind === 'toggle' ? 'toggle' : tag;
}

/** The short name a user reads on or for the element, as `LiveFingerprint` would find it first. */
function nameOf(el: Element): string {
  const name =
    clip(el.getAttribute('aria-label'), MAX_NAME) ??
    labelOf(el) ??
    (FIELDS.has(el.localName) ? undefined : visibleText(el, MAX_NAME)) ??
    clip(el.getAttribute('title'), MAX_NAME) ??
    clip(el.getAttribute('placeholder'), MAX_NAME) ??
    clip(el.getAttribute('alt'), MAX_NAME);
  return name === undefined ? '' : name.slice(0, MAX_NAME);
}

/** The element before `el` in document order within its tree, skipping opaque subtrees. */
function before(el: Element): Element | null {
  let p = el.previousElementSibling;
  if (p === null) return el.parentElement;
  while (!OPAQUE.has(p.localName) && p.lastElementChild !== null) p = p.lastElementChild;
  return p;
}

/** The element after `el`'s subtree in document order within its tree. */
function afterSubtree(el: Element): Element | null {
  for (let x: Element | null = el; x !== null; x = x.parentElement) if (x.nextElementSibling !== null) return x.nextElementSibling;
  return null;
}

function after(el: Element): Element | null {
  const first = OPAQUE.has(el.localName) ? null : el.firstElementChild;
  return first ?? afterSubtree(el);
}

/**
 * The names of the nearest elements of the same kind before and after `el` in document order, within
 * its own tree ('' where there is none nearby, or it has no name); `undefined` when there is neither.
 * This is what tells an element renamed in place from the neighbour that slid into a removed element's
 * place: the renamed one still sits between the same two neighbours; the one that slid has another
 * one after it (see `identityOf`).
 */
export function adjacentNamesOf(el: Element): [string, string] | undefined {
  const kind = kindKey(el);
  const find = (step: (x: Element) => Element | null, start: Element | null): string => {
    let n = 0;
    for (let x = start; x !== null && n < STEPS; x = step(x), n++) {
      // Ancestors come before an element in document order; they hold it, they are not beside it.
      if (x.contains(el)) continue;
      if (kindKey(x) === kind) return nameOf(x);
    }
    return '';
  };
  const pair: [string, string] = [find(before, before(el)), find(after, afterSubtree(el))];
  return pair[0] === '' && pair[1] === '' ? undefined : pair;
}
