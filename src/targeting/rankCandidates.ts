import type { ElementFingerprint, IdentifyingField } from '../schema/fingerprint';
import { compileTarget, SAME, SAME_SURROUNDINGS, type CompiledTarget } from './compileTarget';
import { ACCEPT_CONFIDENCE, assess, identityOf, REWORDED_AT, REWORDED_FROM, SEPARATION_FULL, type Assessment } from './confidence';
import { shortName } from './shortName';
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
 * The identity of a candidate (see `identityOf`), with the page-wide checks: does any other candidate
 * carry the same name, or the same shared identifier? Only the best candidate is given that benefit; a
 * runner-up's identity only ever narrows the best's lead.
 */
function identityAt(compiled: CompiledTarget, candidates: readonly ElementFingerprint[], names: Float64Array, index: number, best: boolean, rival?: number): number {
  const c = candidates[index] as ElementFingerprint;
  const found = compiled.evidence(c);
  // The runner-up as the best's twin: the same name in the same surroundings (or, for twin headings,
  // the one heading the other), right beside it (its neighbour of the kind), and no identifier of its
  // own says otherwise. A copy inserted next to the original, or twins there when the target was
  // captured: only position tells the two apart. A copy added further away is no twin.
  const r = rival === undefined ? undefined : candidates[rival];
  const name = shortName(c).toLowerCase();
  // Section and row: an unlabelled field's caption slot differs between the copy and the original.
  const around = (x: ElementFingerprint) => (x.neighborText ?? '').toLowerCase().split(' · ', 2).filter(Boolean).join('·');
  const rivalEvidence = r === undefined ? undefined : compiled.evidence(r);
  const rivalUncontradicted = rivalEvidence !== undefined && !rivalEvidence.contradicted;
  const namesake = rival !== undefined && (names[rival] as number) >= SAME;
  const twin =
    r !== undefined &&
    name !== '' &&
    shortName(r).toLowerCase() === name &&
    (around(r) === around(c) || around(r) === name || around(c) === name) &&
    (c.adjacentNames ?? []).some((n) => n.toLowerCase() === name) &&
    rivalUncontradicted;
  // The target's name now on the runner-up, in the same surroundings, and not on the best: labels
  // traded places, or the name went to another element. Whatever else agrees, that counts against.
  const taken = r !== undefined && namesake && found.name < 0.3 && around(r) === around(c);
  // The target's name on the runner-up where the target sat: which of the two is the original, and
  // which a copy, no uniqueness can tell (see `namesakeAtHome`; where this one sits there too, its
  // surroundings corroborate it as much as any uniqueness would).
  const namesakeAtHome = namesake && rivalUncontradicted && rivalEvidence.contextKnown && rivalEvidence.context >= SAME_SURROUNDINGS;
  // Another icon than the target's says "another control" only while the target's icon is still on
  // the page, on some other control: after the app changed its icon library, no icon agrees anywhere.
  const iconGone = found.icon !== undefined && found.icon < 0.5 && found.translated === true && iconHolders(compiled, candidates, c) === 0;
  const ev = { ...found, twin, namesakeAtHome, contradicted: found.contradicted || taken, ...(iconGone ? { icon: undefined } : {}) };
  const plain = { ...ev, nameUnique: false, sharedUnique: false };
  // Uniqueness is counted over the whole page, frames and shadow roots included. Where the capture did
  // not count it too (no `uniqueBy`), a holder in another frame or shadow root may be a second instance
  // of a component that was there all along, so it counts only within the target's own scope.
  const wasUnique = compiled.uniqueBy;
  if (!best || (!ev.sameScope && wasUnique.size === 0)) return identityOf(plain);
  const nameWasUnique = wasUnique.has('accessibleName');
  // A name that was the target's alone when it was captured, and is now carried by a look-alike too (a
  // second "Save" added elsewhere), still singles out the one namesake that sits between the target's
  // two neighbours: no namesake was there to be left behind by a removal, and the look-alike sits
  // elsewhere. Two namesakes in that place are no help.
  //
  // Failing that, the one namesake that kept a neighbour of the target on the same side: the release
  // also reworded or replaced the other neighbour, and a copy added elsewhere keeps neither. Two
  // namesakes keeping one (a copy inserted beside the original) are no help.
  let namesakes = 0;
  let inPlace = 0;
  let beside = 0;
  const inPlaceToo = nameWasUnique && ev.inPlace === 1;
  const besideToo = nameWasUnique && !inPlaceToo && compiled.beside(c);
  if (ev.name >= SAME)
    for (let i = 0; i < names.length && (namesakes < 2 || (inPlaceToo && inPlace < 2) || (besideToo && beside < 2)); i++)
      if ((names[i] as number) >= SAME) {
        namesakes++;
        const other = candidates[i] as ElementFingerprint;
        if (inPlaceToo && compiled.inPlace(other) === 1) inPlace++;
        if (besideToo && compiled.beside(other)) beside++;
      }
  const own = ev.sameScope;
  // Reworded: the old name gone from the page, and this the only name sharing words with it; not the
  // opener of the target's own section ("Create report" when the dialog's "Create" is gone).
  let sharing = 0;
  if (nameWasUnique && own && !ev.contradicted && ev.name >= REWORDED_AT && ev.name < SAME)
    for (let i = 0; i < names.length && sharing < 2; i++) if ((names[i] as number) >= REWORDED_FROM) sharing++;
  const rewordedAlone = sharing === 1 && !compiled.namesSection(c);
  const nameUnique = (namesakes === 1 || inPlace === 1 || beside === 1) && (own || nameWasUnique);
  // A capture that recorded `uniqueBy` knows what was not unique too.
  const known = compiled.uniqueKnown ? false : undefined;
  const named = { ...plain, nameUnique, nameWasUnique: nameWasUnique || known, rewordedAlone };
  const withName = { ...named, ...iconUniqueness(compiled, candidates, c, ev.icon === 1 && own && identityOf({ ...named, iconUnique: true, iconWasUnique: true }) > identityOf(named)) };
  const sofar = identityOf(withName);
  // Counting shared identifiers reads an attribute of every candidate: only when it could matter.
  if (ev.sharedMatches.length === 0 || identityOf({ ...withName, sharedUnique: true, sharedWasUnique: true }) <= sofar) return sofar;
  let sharedUnique = false;
  let sharedWasUnique = false;
  for (const s of ev.sharedMatches) {
    let holders = 0;
    for (let i = 0; i < candidates.length && holders < 2; i++) if (s.similarity(candidates[i] as ElementFingerprint) >= SAME) holders++;
    const was = wasUnique.has(s.name as IdentifyingField);
    if (holders !== 1 || (!own && !was)) continue;
    sharedUnique = true;
    if (was) sharedWasUnique = true;
  }
  return identityOf({ ...withName, sharedUnique, sharedWasUnique: sharedWasUnique || known });
}

/** How many candidates of the candidate's kind (tag or role) carry the target's icon, counting to 2. */
function iconHolders(compiled: CompiledTarget, candidates: readonly ElementFingerprint[], c: ElementFingerprint): number {
  let holders = 0;
  for (let i = 0; i < candidates.length && holders < 2; i++) {
    const x = candidates[i] as ElementFingerprint;
    if ((x.tag === c.tag || x.role === c.role) && x.icon === compiled.icon) holders++;
  }
  return holders;
}

/**
 * Whether the candidate is the only control of its kind carrying the target's icon, and was so when
 * captured; counted only when `matters` (it reads the icon of every such candidate).
 */
function iconUniqueness(compiled: CompiledTarget, candidates: readonly ElementFingerprint[], c: ElementFingerprint, matters: boolean): { iconUnique: boolean; iconWasUnique: boolean | undefined } {
  const was = compiled.uniqueBy.has('icon') ? true : compiled.uniqueKnown ? false : undefined;
  return { iconUnique: matters && was !== false && iconHolders(compiled, candidates, c) === 1, iconWasUnique: was };
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
  const assessment = assess({ score: top.score, identity: topIdentity }, next === undefined ? undefined : { score: next.score, identity: identityAt(compiled, candidates, names, next.index, false) });
  top.confidence = assessment.confidence;
  if (assessment.confidence < ACCEPT_CONFIDENCE) preferNamed(compiled, candidates, names, ranked, topIdentity);
  return { ranked, assessment };
}

/** The runners-up `preferNamed` weighs: up to three, within twice the separation window of the top score. */
const GUESS_RIVALS = 3;
const GUESS_WINDOW = 2 * SEPARATION_FULL;
/** How much more firmly (`identityOf`) one of them must be named than the top to be the best guess. */
const NAMED_BETTER = 0.25;

/**
 * When the matcher abstains on near-tied leaders, the best guess is the one something names (see
 * `identityOf`), not the one a few points ahead on looks alone: it is put first, still below the
 * threshold (the answer stays "not sure"), for tools that show the best guess to an author.
 */
function preferNamed(compiled: CompiledTarget, candidates: readonly ElementFingerprint[], names: Float64Array, ranked: RankedCandidate[], topIdentity: number): void {
  const top = ranked[0] as RankedCandidate;
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
  if (pick === 0) return;
  const [named] = ranked.splice(pick, 1) as [RankedCandidate];
  named.confidence = top.confidence;
  top.confidence = 0;
  ranked.unshift(named);
}

/**
 * Ranks candidate fingerprints by how likely each is to be the element `target` was captured from,
 * best first: by score, except that when the top confidence is below `ACCEPT_CONFIDENCE` the best guess
 * among the near-tied leaders is the one something names (`preferNamed`). Works on whatever fields both
 * sides have (only `tag` is guaranteed).
 */
export function rankCandidates(target: ElementFingerprint, candidates: ElementFingerprint[]): RankedCandidate[] {
  return rankWithAssessment(target, candidates).ranked;
}
