import type { ElementFingerprint } from '../../src/schema/fingerprint';
import { kindKey } from './adjacentNames';

/** Ancestors tried before giving up: a group is a toolbar, a form section, a row, not the page. */
const MAX_UP = 6;
/** Elements of a kind an ancestor may hold and still be a group (a grid of thousands is not one). */
const MAX_GROUP = 400;

/** Elements that may be of a kind, by group (see `kindKey`): the rest are of their tag's own kind. */
const MAYBE: Readonly<Record<string, string>> = {
  action: 'a,button,summary,input,[role]',
  input: 'input,select,textarea,[role],[contenteditable]',
  toggle: 'input,[role]',
};

/**
 * The element's place among the elements of its kind in its group (see `ordinal` in the fingerprint
 * schema): `[index, count]` in the nearest ancestor, within its own tree, that holds another element of
 * the same kind. `undefined` when none does within `MAX_UP` levels, or the group is too large to be one.
 * Read only for the few leading candidates, like `adjacentNamesOf`.
 */
export function ordinalOf(el: Element, fingerprintOf: (el: Element) => ElementFingerprint): [number, number] | undefined {
  const kind = kindKey(fingerprintOf(el));
  const selector = MAYBE[kind] ?? kind;
  let up = 0;
  for (let a = el.parentElement; a !== null && up < MAX_UP; a = a.parentElement, up++) {
    // A long list (a grid's body, a feed) is no group, and querying it would cost a pass over it.
    if (a.childElementCount > MAX_GROUP) return undefined;
    const found = a.querySelectorAll(selector);
    if (found.length < 2) continue;
    if (found.length > MAX_GROUP) return undefined;
    let index = -1;
    let count = 0;
    for (let i = 0; i < found.length; i++) {
      const x = found[i] as Element;
      if (x === el) index = count;
      if (x === el || kindKey(fingerprintOf(x)) === kind) count++;
    }
    // `index` stays -1 for an element of a kind its selector misses (an `<area>` link): unknown, then.
    if (count >= 2) return index < 0 ? undefined : [index, count];
  }
  return undefined;
}
