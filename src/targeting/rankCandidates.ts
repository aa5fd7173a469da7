import type { ElementFingerprint } from '../schema/fingerprint';
import { bestGuess } from './bestGuess';
import { compileTarget, type CompiledTarget } from './compileTarget';
import { ACCEPT_CONFIDENCE, assess, SEPARATION_FULL, type Assessment } from './confidence';
import { identityAt } from './identityAt';
import type { Signal } from './signal';

export interface RankedCandidate {
  /** Position in the candidates array passed in. */
  index: number;
  /**
   * Weighted-mean similarity to the target, in [0, 1]. Exact for the best candidate, and for any other
   * that comes within the separation window of it; a candidate that could not may carry a lower bound
   * (its costly signals were skipped), so the order beyond the leaders is approximate.
   */
  score: number;
  /**
   * In [0, 1]: how sure the matcher is that this candidate is the target. Only the best candidate can
   * have a non-zero confidence; compare it with `ACCEPT_CONFIDENCE`.
   */
  confidence: number;
}

export interface Ranking {
  /** Best first; ties keep the candidates' order. */
  ranked: RankedCandidate[];
  /** Why the best candidate got its confidence; `null` when there were no candidates. */
  assessment: Assessment | null;
}

/** Candidates fully scored first, to set a bar the rest must be able to clear. */
const SEEDS = 4;

/**
 * At most this many survivors get the late signals (path, geometry: a layout query each). More survivors
 * than this means a crowd of look-alikes that nothing but position tells apart; ranking them all exactly
 * would cost milliseconds, and the identity rule does not accept a choice made on position alone.
 */
const LATE_LIMIT = 32;

/** Scores are quantised to 1e-9 for sorting; finer differences are noise and rank by index like ties. */
const QUANTUM = 1e9;

/**
 * Best first, ties by index. Packs (score, index) into one double and uses the native numeric sort of a
 * typed array: a comparator sort of 10,000 entries took longer than scoring them.
 */
function sortByScore(scores: Float64Array): RankedCandidate[] {
  const n = scores.length;
  let slots = 1;
  while (slots < n) slots *= 2;
  // QUANTUM * slots stays below 2^53 for any candidate count below four million.
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = Math.round((1 - (scores[i] as number)) * QUANTUM) * slots + i;
  keys.sort();
  const ranked: RankedCandidate[] = new Array<RankedCandidate>(n);
  for (let r = 0; r < n; r++) {
    const index = (keys[r] as number) % slots;
    ranked[r] = { index, score: scores[index] as number, confidence: 0 };
  }
  return ranked;
}

/** Indexes of the k largest values (k small), by a single pass. */
function topIndices(values: Float64Array, k: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (top.length === k && v <= (values[top[k - 1] as number] as number)) continue;
    let j = Math.min(top.length, k - 1);
    top[j] = i;
    while (j > 0 && (values[top[j - 1] as number] as number) < v) {
      top[j] = top[j - 1] as number;
      top[j - 1] = i;
      j--;
    }
  }
  return top;
}

/**
 * Weighted sums for every candidate, computing as little as possible (see `CompiledTarget`). The first
 * signals run on all candidates. A few seeds with the best sums are then scored completely, and every
 * other candidate goes on signal by signal only while its sum so far plus the most its remaining
 * signals could add still clears a bar: the second-best complete sum, or the best one minus the
 * separation window, whichever is higher. A candidate cut short can therefore be neither the best nor a
 * runner-up close enough to change the assessment; its sum is a lower bound.
 *
 * Look-alikes (the Edit button of every row) tie on the first signals, and seeds picked among them at
 * random would set a low bar. So before seeding, the lead signal (neighbour text, which holds the row
 * label) is run on every candidate close to the top; the right row then becomes a seed, and the other
 * rows stop right there. The costly late signals are left to a last pass over the survivors, best
 * partial sum first (and at most `LATE_LIMIT` of them: beyond that, scores are lower bounds too).
 */
function scoreAll(compiled: CompiledTarget, candidates: readonly ElementFingerprint[], names: Float64Array): Float64Array {
  const n = candidates.length;
  const sums = new Float64Array(n);
  const { first: firstSignals, middle, late, lead } = compiled;
  for (let i = 0; i < n; i++) {
    const c = candidates[i] as ElementFingerprint;
    let v = 0;
    for (const s of firstSignals) {
      const x = s.similarity(c);
      if (s === compiled.name) names[i] = x;
      v += s.weight * x;
    }
    sums[i] = v;
  }
  const rest = [...middle, ...late];
  const restWeight = rest.reduce((sum, s) => sum + s.weight, 0);
  const remaining = new Float64Array(n).fill(restWeight);
  const evaluated = new Int32Array(n); // bit k: rest[k] done
  const state = new Int8Array(n); // 0 open, 1 complete, -1 cut short
  const margin = SEPARATION_FULL * compiled.totalWeight;
  let best = -Infinity;
  let second = -Infinity;
  const run = (i: number, k: number) => {
    const s = rest[k] as Signal;
    sums[i] = (sums[i] as number) + s.weight * s.similarity(candidates[i] as ElementFingerprint);
    remaining[i] = (remaining[i] as number) - s.weight;
    evaluated[i] = (evaluated[i] as number) | (1 << k);
  };
  const advance = (i: number, from: number, until: number, prune: boolean) => {
    for (let k = from; k < until; k++) {
      if (((evaluated[i] as number) & (1 << k)) !== 0) continue;
      if (prune && (sums[i] as number) + (remaining[i] as number) <= Math.max(second, best - margin)) {
        state[i] = -1;
        return;
      }
      run(i, k);
    }
    if (until === rest.length) {
      state[i] = 1;
      const v = sums[i] as number;
      if (v > best) {
        second = best;
        best = v;
      } else if (v > second) {
        second = v;
      }
    }
  };
  const leadIndex = lead === null ? -1 : rest.indexOf(lead);
  if (leadIndex >= 0) {
    let top = -Infinity;
    for (let i = 0; i < n; i++) top = Math.max(top, sums[i] as number);
    for (let i = 0; i < n; i++) if ((sums[i] as number) >= top - margin) run(i, leadIndex);
  }
  for (const i of topIndices(sums, SEEDS)) advance(i, 0, rest.length, false);
  for (let i = 0; i < n; i++) if (state[i] === 0) advance(i, 0, middle.length, true);
  if (late.length > 0) {
    const survivors: number[] = [];
    for (let i = 0; i < n; i++) if (state[i] === 0) survivors.push(i);
    survivors.sort((a, b) => (sums[b] as number) - (sums[a] as number));
    for (const i of survivors.slice(0, LATE_LIMIT)) advance(i, middle.length, rest.length, true);
  }
  return sums;
}

/**
 * Compiled targets by fingerprint object. A step's target is located again and again (after every batch
 * of DOM changes while its step is shown): its compiled signals, with the text comparisons they
 * remember (every row label of a grid, compared once), are kept as long as the fingerprint object
 * lives. Fingerprints are plain data that nothing here mutates; a caller that edits one in place must
 * pass a copy instead.
 */
const compiledTargets = new WeakMap<ElementFingerprint, CompiledTarget>();

function compiledFor(target: ElementFingerprint): CompiledTarget {
  let c = compiledTargets.get(target);
  if (c === undefined) {
    c = compileTarget(target);
    compiledTargets.set(target, c);
  }
  return c;
}

/** `rankCandidates` plus the factors of the abstain rule, which tell "ambiguous" from "missing". */
export function rankWithAssessment(target: ElementFingerprint, candidates: readonly ElementFingerprint[]): Ranking {
  if (candidates.length === 0) return { ranked: [], assessment: null };
  const compiled = compiledFor(target);
  const names = new Float64Array(candidates.length);
  const sums = scoreAll(compiled, candidates, names);
  const scores = new Float64Array(sums.length);
  for (let i = 0; i < sums.length; i++) scores[i] = Math.min(1, Math.max(0, (sums[i] as number) / compiled.totalWeight));
  const ranked = sortByScore(scores);
  const top = ranked[0] as RankedCandidate;
  const next = ranked[1];
  const topIdentity = identityAt(compiled, candidates, names, top.index, true, next?.index);
  const placed = (i: number) => compiled.inPlace(candidates[i] as ElementFingerprint) === 1;
  const assessment = assess({ score: top.score, identity: topIdentity, placed: placed(top.index) }, next === undefined ? undefined : { score: next.score, identity: identityAt(compiled, candidates, names, next.index, false), placed: placed(next.index) });
  top.confidence = assessment.confidence;
  if (assessment.confidence < ACCEPT_CONFIDENCE) bestGuess(compiled, candidates, names, ranked, topIdentity);
  return { ranked, assessment };
}

/**
 * Ranks candidate fingerprints by how likely each is to be the element `target` was captured from,
 * best first: by score, except that when the top confidence is below `ACCEPT_CONFIDENCE` the best guess
 * `bestGuess` prefers comes first. Works on whatever fields both sides have (only `tag` is guaranteed).
 */
export function rankCandidates(target: ElementFingerprint, candidates: ElementFingerprint[]): RankedCandidate[] {
  return rankWithAssessment(target, candidates).ranked;
}
