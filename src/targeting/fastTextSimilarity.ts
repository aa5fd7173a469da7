import { tokenize, tokenizeAscii } from './normalizeText';
import { textSimilarity, type CompiledText } from './similarity';

/**
 * Per-target text comparison for ranking thousands of candidates. Candidate strings are mostly ASCII and
 * mostly unique (row labels, cell text): they are tokenized without regexes and compared at once; any
 * other string takes the Unicode tokenizer, cached per distinct string (pages repeat their strings).
 */
export function fastTextSimilarity(target: CompiledText): (s: string) => number {
  const slow = new Map<string, number>();
  return (s: string): number => {
    if (s === '' || target.words.length === 0) return 0;
    const tokens = tokenizeAscii(s);
    if (tokens !== null) return textSimilarity(target, tokens);
    let v = slow.get(s);
    if (v === undefined) {
      v = textSimilarity(target, tokenize(s));
      slow.set(s, v);
    }
    return v;
  };
}
