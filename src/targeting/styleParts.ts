import type { ElementFingerprint } from '../schema/fingerprint';
import { analyzeToken } from './generatedTokens';

/**
 * What is cut off a class name before its written part is read: a BEM modifier (`--primary`), and the
 * hashes of style modules, by position rather than by their looks (a five-letter hash may read as a
 * word: `_button_kabex_12`): css-loader's `Component_local__hash` (five base64 characters, `-` and `_`
 * among them) and Vite's `_local_hash_line`.
 */
const SUFFIX = /--.*|__[\w-]{5}$|_[a-z\d]{5}_\d+$/;
/**
 * Class names that name a part: a BEM element or a CSS Module (`__`), a Vite module (a leading `_`), or
 * a CSS-in-JS tool that keeps the rule's or component's name beside its hash or counter.
 */
const PART = /__|^_|^(?:makeStyles|withStyles|styled|css|emotion)-/i;

/**
 * The class names that say which part of a component an element is, each by its written part:
 * `toolbar__refresh-button`, `_addNoteButton_vnn7i_70`, `Column_addCardButton__4LvA5`,
 * `makeStyles-deleteButton-12`, `css-1x2y3z-Toolbar`. Utility classes (`px-3`, `btn`), atomic ones
 * (`x1iix4d4`) and bare hashes (`css-1x2y3z`, `jss12`) say nothing about which part it is.
 */
export function stylePartsOf(fp: ElementFingerprint): Set<string> {
  const parts = new Set<string>();
  for (const cls of fp.classes ?? []) {
    const stable = PART.test(cls) ? analyzeToken(cls.replace(SUFFIX, '')).stable : '';
    if (stable !== '') parts.add(stable);
  }
  return parts;
}

/** Some member of `a` is not in `b`. */
const lacks = (a: Set<string>, b: Set<string>) => [...a].some((p) => !b.has(p));

/**
 * Whether a candidate is styled as another part than the target was: each has a part class the other
 * lacks (`bulkactions__refresh-button` there, `bulkactions__button` here). Releases rename texts far more
 * often than the rules of their style sheets, so where only place says "the same element" (the name
 * changed beyond recognition), this says "another element in that place". Unknown (false) when either
 * side has no part classes: hashes regenerated into bare ones (`jss12`) are no evidence either way.
 */
export function restyledFrom(target: ElementFingerprint): (c: ElementFingerprint) => boolean {
  const own = stylePartsOf(target);
  return (c) => {
    const theirs = stylePartsOf(c);
    return own.size > 0 && theirs.size > 0 && lacks(own, theirs) && lacks(theirs, own);
  };
}
