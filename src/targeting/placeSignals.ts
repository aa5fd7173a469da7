import type { ElementFingerprint } from '../schema/fingerprint';
import { compilePath, pathSimilarity } from './pathSimilarity';
import { rectSimilarity } from './rectSimilarity';
import type { Signal } from './signal';

export interface PathSignal extends Signal {
  /** The same comparison, crediting only steps that agree exactly (tag and index): "the same place". */
  exactly(candidate: ElementFingerprint): number;
}

/** Where the element sits in the tree: the XPath when both sides have one, else the index path. */
export function pathSignal(target: ElementFingerprint): PathSignal | null {
  const xpath = target.xpath ? compilePath(target.xpath) : null;
  const indexPath = target.indexPath ? compilePath(target.indexPath) : null;
  if (xpath === null && indexPath === null) return null;
  return {
    name: 'path',
    weight: 2,
    witness: 'context',
    similarity(c) {
      if (xpath !== null && c.xpath) return pathSimilarity(xpath, c.xpath);
      if (indexPath !== null && c.indexPath) return pathSimilarity(indexPath, c.indexPath);
      return 0;
    },
    exactly(c) {
      if (xpath !== null && c.xpath) return pathSimilarity(xpath, c.xpath, 0);
      if (indexPath !== null && c.indexPath) return pathSimilarity(indexPath, c.indexPath, 0);
      return 0;
    },
  };
}

export function rectSignal(target: ElementFingerprint): Signal | null {
  const rect = target.rect;
  if (rect === undefined) return null;
  return {
    name: 'rect',
    // Geometry moves with every scroll, banner and reflow: a tie-breaker more than evidence.
    weight: 1.25,
    witness: 'context',
    similarity: (c) => (c.rect ? rectSimilarity(rect, c.rect) : 0),
  };
}

const NONE: readonly never[] = [];

function hostTag(description: string): string {
  const i = description.indexOf('#');
  return i < 0 ? description : description.slice(0, i);
}

/**
 * Same frame and same chain of shadow hosts. An absent path means the top document, so a candidate in an
 * iframe scores lower against a target that was not in one. Host ids may be generated; host tags
 * (custom element names) are what releases keep.
 */
export function scopeSignal(target: ElementFingerprint): Signal {
  const frames = (target.framePath ?? NONE).join('/');
  const hosts = (target.shadowPath ?? NONE).map(hostTag).join('/');
  return {
    name: 'scope',
    weight: 0.75,
    witness: 'none',
    similarity(c) {
      // Most candidates are in the top document: avoid building strings for them.
      const cf = c.framePath === undefined || c.framePath.length === 0 ? '' : c.framePath.join('/');
      const ch = c.shadowPath === undefined || c.shadowPath.length === 0 ? '' : c.shadowPath.map(hostTag).join('/');
      return (cf === frames ? 0.5 : 0) + (ch === hosts ? 0.5 : 0);
    },
  };
}

/**
 * Its rank among the elements of its kind in its group (`ordinal`): the same rank among as many is the
 * same slot of the toolbar or form; the same rank counted from either end, with one more or fewer
 * beside it, nearly so. Costly to read on a live page (a walk over the group), so it runs last.
 */
export function ordinalSignal(target: ElementFingerprint): Signal | null {
  const own = target.ordinal;
  if (own === undefined) return null;
  const [index, count] = own;
  return {
    name: 'ordinal',
    // A tie-breaker like geometry: a removal or an insertion in the group shifts it.
    weight: 1,
    witness: 'context',
    similarity(c) {
      const theirs = c.ordinal;
      if (theirs === undefined) return 0;
      if (theirs[0] === index && theirs[1] === count) return 1;
      return Math.abs(theirs[1] - count) === 1 && (theirs[0] === index || theirs[1] - theirs[0] === count - index) ? 0.5 : 0;
    },
  };
}
