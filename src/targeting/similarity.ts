import { tokenize, type Tokens } from './normalizeText';

/** A string prepared once for many comparisons (the target's side of every text signal). */
export interface CompiledText extends Tokens {
  /** Distinct character bigrams of `squashed` (code = c1 * 65536 + c2) -> slot in `bigramCounts`. */
  readonly bigramSlots: ReadonlyMap<number, number>;
  readonly bigramCounts: Int32Array;
  readonly bigramCount: number;
  /** Scratch space for `textSimilarity` (one comparison at a time: single-threaded). */
  readonly used: Int32Array;
}

export function compileTokens(tokens: Tokens): CompiledText {
  const { squashed } = tokens;
  const bigramSlots = new Map<number, number>();
  const counts: number[] = [];
  for (let i = 0; i + 1 < squashed.length; i++) {
    const code = squashed.charCodeAt(i) * 65536 + squashed.charCodeAt(i + 1);
    const slot = bigramSlots.get(code);
    if (slot === undefined) {
      bigramSlots.set(code, counts.length);
      counts.push(1);
    } else {
      counts[slot] = (counts[slot] ?? 0) + 1;
    }
  }
  return {
    ...tokens,
    bigramSlots,
    bigramCounts: Int32Array.from(counts),
    bigramCount: Math.max(0, squashed.length - 1),
    used: new Int32Array(counts.length),
  };
}

export function compileText(s: string): CompiledText {
  return compileTokens(tokenize(s));
}

function hasDigitCode(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * Credit for two words: 1 when equal; for words of letters, the shared prefix over the longer word when
 * that prefix is long enough not to be a coincidence ("contact"/"contacts" 0.875, "save"/"saved" 0.8);
 * nothing otherwise. Words with digits are identifiers and match only exactly.
 */
function wordCredit(x: string, y: string): number {
  if (x === y) return 1;
  const n = Math.min(x.length, y.length);
  let p = 0;
  while (p < n && x.charCodeAt(p) === y.charCodeAt(p)) p++;
  if (p < 3 || (p < 4 && p !== n)) return 0;
  if (hasDigitCode(x) || hasDigitCode(y)) return 0;
  return p / Math.max(x.length, y.length);
}

/**
 * Similarity in [0, 1] of a compiled target string and a tokenized candidate string. Word overlap (Dice,
 * each target word credited with its best partner) carries the meaning: "Save" vs "Save changes" is
 * 0.67. Character bigrams only rescue spelling variants of words without digits, and only when close:
 * "Export" and "Import" share 60% of their bigrams yet name opposite actions, so bigram Dice below 0.5
 * counts for nothing.
 */
export function textSimilarity(a: CompiledText, b: Tokens): number {
  const aw = a.words;
  const bw = b.words;
  if (aw.length === 0 || bw.length === 0) return 0;
  if (a.squashed === b.squashed) return 1;
  let sum = 0;
  for (const x of aw) {
    let best = 0;
    for (const y of bw) {
      const credit = wordCredit(x, y);
      if (credit > best) best = credit;
      if (best === 1) break;
    }
    sum += best;
  }
  const words = Math.min(1, (2 * sum) / (aw.length + bw.length));
  if (a.hasDigit || b.hasDigit || a.bigramCount === 0) return words;
  const used = a.used;
  used.fill(0);
  let shared = 0;
  const s = b.squashed;
  for (let i = 0; i + 1 < s.length; i++) {
    const slot = a.bigramSlots.get(s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1));
    if (slot !== undefined && (used[slot] as number) < (a.bigramCounts[slot] as number)) {
      used[slot] = (used[slot] as number) + 1;
      shared++;
    }
  }
  const bigram = (2 * shared) / (a.bigramCount + Math.max(0, s.length - 1));
  const spelled = bigram > 0.5 ? (bigram - 0.5) * 1.8 : 0;
  return Math.min(1, Math.max(words, spelled));
}

/** Convenience for one-off comparisons; the ranker compiles the target side once instead. */
export function stringSimilarity(a: string, b: string): number {
  return textSimilarity(compileText(a), tokenize(b));
}
