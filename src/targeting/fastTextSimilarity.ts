import { tokenize, tokenizeAscii } from './normalizeText';
import { textSimilarity, type CompiledText } from './similarity';

/** Distinct strings remembered per compiled target text; beyond that, strings are compared afresh. */
const MEMO_LIMIT = 4096;

/**
 * Per-target text comparison for ranking thousands of candidates. Pages repeat their strings (the Edit of
 * every row, the section heading of every row), so results are remembered per distinct string, up to a
 * bound. ASCII strings are tokenized without regexes; any other string takes the Unicode tokenizer.
 */
export function fastTextSimilarity(target: CompiledText): (s: string) => number {
  const memo = new Map<string, number>();
  return (s: string): number => {
    if (s === '' || target.words.length === 0) return 0;
    let v = memo.get(s);
    if (v === undefined) {
      const tokens = tokenizeAscii(s);
      v = textSimilarity(target, tokens ?? tokenize(s));
      if (memo.size < MEMO_LIMIT) memo.set(s, v);
    }
    return v;
  };
}
