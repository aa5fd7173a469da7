import type { ElementFingerprint } from '../../src/schema/fingerprint';
import { kindOf, shortName } from '../../src/targeting';

/** Subtrees that hold no elements a user acts on or reads as such. */
const OPAQUE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'head']);
/** Elements a search in one direction may pass before it gives up (a grid of thousands of cells). */
const STEPS = 160;

/**
 * What counts as "the same kind" for adjacency: controls by what they do (a link restyled as a button
 * is still an action, as `candidateQuery` has it), everything else by tag.
 */
export function kindKey(fp: ElementFingerprint): string {
  const kind = kindOf(fp.role);
  if (kind === 'button' || kind === 'link') return 'action';
  if (kind === 'field' || kind === 'choice') return 'input';
  return kind === 'toggle' ? kind : fp.tag;
}

/**
 * The names of the nearest elements of the same kind before and after `el` in document order, within
 * its own tree ('' where there is none nearby, or it has no name); `undefined` when there is neither.
 * This is what tells an element renamed in place from the neighbour that slid into a removed element's
 * place: the renamed one still sits between the same two neighbours; the one that slid has another
 * one after it (see `identityOf`).
 */
export function adjacentNamesOf(el: Element, fingerprintOf: (el: Element) => ElementFingerprint): [string, string] | undefined {
  const kind = kindKey(fingerprintOf(el));
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
      const fp = fingerprintOf(x);
      if (kindKey(fp) === kind) return shortName(fp);
    }
    return '';
  };
  const pair: [string, string] = [find(true), find(false)];
  return pair[0] === '' && pair[1] === '' ? undefined : pair;
}
