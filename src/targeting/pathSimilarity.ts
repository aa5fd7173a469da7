/**
 * Similarity of two element paths (`/html[1]/body[1]/div[2]/button[1]` or `0/1/3/0`). Releases insert
 * wrappers and move things, so an exact comparison would be useless: the score credits the common prefix
 * of whole steps (same place from the top), then the common tail, step by step from the element up (same
 * local structure, wherever it now sits): a step with the same tag and index counts fully, the same tag
 * at another index (a reordered sibling, a neighbouring section) a little over half. The candidate side
 * is scanned in place: this runs once per candidate.
 */
export interface CompiledPath {
  readonly raw: string;
  /** Whole steps (`div[2]`, or `3` in an index path). */
  readonly steps: readonly string[];
  /** Tag names of the steps, without `[n]`; for index paths the same as `steps`. */
  readonly tags: readonly string[];
}

const SLASH = 47;
const BRACKET = 91;
/** Credit for a tail step with the right tag at another index. */
const SAME_TAG = 0.6;

function tagOf(step: string): string {
  const i = step.indexOf('[');
  return i < 0 ? step : step.slice(0, i);
}

export function compilePath(path: string): CompiledPath {
  const steps = path.split('/').filter((s) => s !== '');
  return { raw: path, steps, tags: steps.map(tagOf) };
}

function countSteps(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) !== SLASH && (i === 0 || s.charCodeAt(i - 1) === SLASH)) n++;
  }
  return n;
}

/** Whole steps the two paths share from the start. */
function commonPrefixSteps(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let k = 0;
  let steps = 0;
  while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) {
    if (a.charCodeAt(k) === SLASH && k > 0 && a.charCodeAt(k - 1) !== SLASH) steps++;
    k++;
  }
  const aEnds = k === a.length || a.charCodeAt(k) === SLASH;
  const bEnds = k === b.length || b.charCodeAt(k) === SLASH;
  if (aEnds && bEnds && k > 0 && a.charCodeAt(k - 1) !== SLASH) steps++;
  return steps;
}

/**
 * `sameTag` is the credit for a tail step with the right tag at another index: the ranker gives a little
 * over half (a reordered sibling is a near relative); the identity rule gives none, since another
 * section at the same depth is another place.
 */
export function pathSimilarity(a: CompiledPath, b: string, sameTag = SAME_TAG): number {
  if (a.raw === b) return 1;
  const la = a.steps.length;
  if (la === 0 || b === '') return 0;
  const lb = countSteps(b);
  if (lb === 0) return 0;
  const prefix = commonPrefixSteps(a.raw, b);
  // Walk b's steps from the end while their tags agree with a's.
  const room = Math.min(la, lb) - prefix;
  let tail = 0;
  let end = b.length;
  for (let j = 0; j < room; j++) {
    while (end > 0 && b.charCodeAt(end - 1) === SLASH) end--;
    let start = end;
    while (start > 0 && b.charCodeAt(start - 1) !== SLASH) start--;
    let tagEnd = start;
    while (tagEnd < end && b.charCodeAt(tagEnd) !== BRACKET) tagEnd++;
    const tag = a.tags[la - 1 - j] as string;
    if (tag.length !== tagEnd - start || !b.startsWith(tag, start)) break;
    const step = a.steps[la - 1 - j] as string;
    if (step.length === end - start && b.startsWith(step, start)) tail += 1;
    else if (sameTag > 0) tail += sameTag;
    else break;
    end = start;
  }
  return (prefix + 0.9 * tail) / Math.max(la, lb);
}
