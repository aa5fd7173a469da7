/**
 * Text as the matcher compares it: lower-cased, diacritics stripped, split into words at punctuation and
 * space, so that "Save…", "save" and " SAVE " are equal and "Paramètres" meets "Parametres". Letters of
 * any script count: the matcher has no dictionary and must not assume English.
 *
 * A run of letters and digits joined by `-`, `_`, `.`, `/`, `:`, `,` or `#` that holds a digit is kept
 * as ONE word without the joiners: "INV-2024-01234" is an identifier, and splitting it would make every
 * invoice look 67% like every other ("inv", "2024" shared). Words with digits only ever match exactly.
 */
export interface Tokens {
  readonly words: readonly string[];
  /** The words run together: "Log in" and "Login", "E-mail" and "Email" meet here. */
  readonly squashed: string;
  readonly hasDigit: boolean;
}

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}+/gu;
const GROUP = /[\p{L}\p{N}]+(?:[-_./:,#][\p{L}\p{N}]+)*/gu;
const DIGIT = /\p{N}/u;
const JOINERS = /[-_./:,#]/g;
const ALNUM_RUN = /[\p{L}\p{N}]+/gu;

function fromWords(words: string[]): Tokens {
  let hasDigit = false;
  for (const w of words) if (DIGIT.test(w)) hasDigit = true;
  return { words, squashed: words.join(''), hasDigit };
}

/** The reference tokenizer (any script). */
export function tokenize(s: string): Tokens {
  let t = s.toLowerCase();
  // NFKD is comparatively slow; most UI strings are ASCII and skip it.
  if (NON_ASCII.test(t)) t = t.normalize('NFKD').replace(MARKS, '');
  const words: string[] = [];
  for (const group of t.match(GROUP) ?? []) {
    if (DIGIT.test(group)) words.push(group.replace(JOINERS, ''));
    else for (const w of group.match(ALNUM_RUN) ?? []) words.push(w);
  }
  return fromWords(words);
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isJoiner(c: number): boolean {
  return c === 45 || c === 95 || c === 46 || c === 47 || c === 58 || c === 44 || c === 35;
}

/**
 * The same as `tokenize` for strings whose only non-ASCII characters are common punctuation, without
 * regexes (it runs once per candidate on large pages); `null` for anything else.
 */
export function tokenizeAscii(s: string): Tokens | null {
  const words: string[] = [];
  let hasDigit = false;
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c > 127) {
      if (!ASCII_SAFE_PUNCTUATION.has(c)) return null;
      i++;
      continue;
    }
    if (!isAlnum(c)) {
      i++;
      continue;
    }
    // A group: alphanumeric runs joined by single joiners.
    const start = i;
    let digit = false;
    let end = i;
    for (;;) {
      while (end < n && isAlnum(s.charCodeAt(end))) {
        const d = s.charCodeAt(end);
        if (d >= 48 && d <= 57) digit = true;
        end++;
      }
      if (end + 1 < n && isJoiner(s.charCodeAt(end)) && isAlnum(s.charCodeAt(end + 1))) end++;
      else break;
    }
    const group = s.slice(start, end).toLowerCase();
    if (digit) {
      hasDigit = true;
      words.push(group.replace(JOINERS, ''));
    } else {
      let w = 0;
      for (let k = 0; k <= group.length; k++) {
        if (k === group.length || isJoiner(group.charCodeAt(k))) {
          if (k > w) words.push(group.slice(w, k));
          w = k + 1;
        }
      }
    }
    i = end;
  }
  return { words, squashed: words.join(''), hasDigit };
}

/** Non-ASCII characters that are plainly punctuation or space (never letters, marks or digits). */
const ASCII_SAFE_PUNCTUATION: ReadonlySet<number> = new Set([
  0xa0, 0xab, 0xb7, 0xbb, 0xd7, 0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026, 0x2039,
  0x203a, 0x2190, 0x2192, 0x2303, 0x2318, 0x25b4, 0x25b8, 0x25be, 0x25c2, 0x25c6, 0x25cf, 0x2713, 0x2714,
  0x2715, 0x2716,
]);

/** The words of `s` joined by single spaces (for callers that want a string). */
export function normalizeText(s: string): string {
  return tokenize(s).words.join(' ');
}
