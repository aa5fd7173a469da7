import type { ElementFingerprint } from '../schema/fingerprint';
import { SAME, type CompiledTarget } from './compileTarget';
import { SEPARATION_FULL } from './confidence';
import { identityAt } from './identityAt';
import type { RankedCandidate } from './rankCandidates';

/** The runners-up weighed for a better-named guess: up to three, within twice the separation window. */
const GUESS_RIVALS = 3;
const GUESS_WINDOW = 2 * SEPARATION_FULL;
/** How much more firmly (`identityOf`) one of them must be named than the top to be the best guess. */
const NAMED_BETTER = 0.25;
/**
 * How deep in the ranking the target's own row is looked for when every leader is another record's: a
 * row holds a few elements, and a renamed one sinks below the look-alikes that kept the name, though not
 * far (it keeps the row, the classes, the place). A fixed bound keeps a grid of thousands cheap.
 */
const ROW_SCAN = 64;

/**
 * When the matcher abstains, the best guess is put first (for tools that show it to an author), still
 * below the threshold, in this order of preference:
 * 1. among the near-tied leaders, the one something names (see `identityOf`), not the one a few points
 *    ahead on looks alone;
 * 2. when the top is another record's look-alike (another row label), the first candidate that is not:
 *    near-tied with the name as good, or further down carrying the target's name: the Edit moved out of
 *    its row into a toolbar, rather than the Edit of another row;
 * 3. when the top is another record's and nothing near it is better, the element of the target's own
 *    row most firmly named: "Delete" become "Remove" in the row, below the other rows' Deletes.
 *
 * The guess is never answered: one row's control under another name, while the other rows' look-alikes
 * still carry the target's, is as likely another action there (a status toggled "Edit" into "Remove")
 * as the target renamed, since an app renames an action in every row.
 */
export function bestGuess(compiled: CompiledTarget, candidates: readonly ElementFingerprint[], names: Float64Array, ranked: RankedCandidate[], topIdentity: number): void {
  const top = ranked[0] as RankedCandidate;
  const otherRow = (r: RankedCandidate) => compiled.evidence(candidates[r.index] as ElementFingerprint).otherRow === true;
  const topOtherRow = otherRow(top);
  let pick = 0;
  let best = topIdentity + NAMED_BETTER;
  for (let r = 1; r <= GUESS_RIVALS && r < ranked.length; r++) {
    const c = ranked[r] as RankedCandidate;
    if (top.score - c.score >= GUESS_WINDOW) break;
    const id = identityAt(compiled, candidates, names, c.index, true, top.index);
    if (id >= best) {
      best = id;
      pick = r;
    }
  }
  // Past every other row's look-alike (a grid has many): within the window, one named as well as the
  // top; beyond it, one that carries the target's name.
  for (let r = 1; pick === 0 && topOtherRow && r <= ROW_SCAN && r < ranked.length; r++) {
    const c = ranked[r] as RankedCandidate;
    const named = top.score - c.score < GUESS_WINDOW ? (names[c.index] as number) >= (names[top.index] as number) : (names[c.index] as number) >= SAME;
    if (named && !otherRow(c)) pick = r;
  }
  if (pick === 0 && topOtherRow) pick = namedInRow(compiled, candidates, names, ranked);
  if (pick === 0) return;
  const [guess] = ranked.splice(pick, 1) as [RankedCandidate];
  guess.confidence = top.confidence;
  top.confidence = 0;
  ranked.unshift(guess);
}

/** The rank of the element of the target's row most firmly named, within `ROW_SCAN`; 0 when none is there. */
function namedInRow(compiled: CompiledTarget, candidates: readonly ElementFingerprint[], names: Float64Array, ranked: readonly RankedCandidate[]): number {
  const top = ranked[0] as RankedCandidate;
  let pick = 0;
  let named = -1;
  for (let r = 1; r <= ROW_SCAN && r < ranked.length; r++) {
    const c = ranked[r] as RankedCandidate;
    if (!compiled.inRow(candidates[c.index] as ElementFingerprint)) continue;
    const id = identityAt(compiled, candidates, names, c.index, true, top.index);
    if (id > named) {
      named = id;
      pick = r;
    }
  }
  return pick;
}
