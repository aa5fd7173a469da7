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

/**
 * The names of the nearest elements of the same kind before and after `el` in document order, within
 * its own tree ('' where there is none nearby, or it has no name); `undefined` when there is neither.
 * This is what tells an element renamed in place from the neighbour that slid into a removed element's
 * place: the renamed one still sits between the same two neighbours; the one that slid has another
 * one after it (see `identityOf`).
 */
export function adjacentNamesOf(el: Element): [string, string] | undefined {
  const kind = kindKey(el);
  // The browser's own walker, in document order within the element's tree (shadow roots and frames are
  // other trees); opaque subtrees (an icon's SVG) are passed over whole.
  const walker = el.ownerDocument.createTreeWalker(el.getRootNode(), 1, (n) => ((n as Element).parentElement !== null && OPAQUE.has((n as Element).parentElement!.localName) ? 2 : 1));
  const find = (back: boolean): string => {
    walker.currentNode = el;
    for (let n = 0; n < STEPS; n++) {
      const x = (back ? walker.previousNode() : walker.nextNode()) as Element | null;
      if (x === null) break;
      // Ancestors come before an element and its descendants after it: they are not beside it.
      if (x.contains(el) || el.contains(x)) continue;
      if (kindKey(x) === kind) return nameOf(x);
    }
    return '';
  };
  const pair: [string, string] = [find(true), find(false)];
  return pair[0] === '' && pair[1] === '' ? undefined : pair;
}
