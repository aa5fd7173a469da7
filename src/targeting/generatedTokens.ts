/**
 * Ids and class names come in two kinds: ones a developer wrote (`save-button`, `contact-form__email`) and
 * ones a tool made up (`css-1x2y3z`, `Button_primary__a8f3k`, `sc-bdVaJa`, `ember123`, `:r3:`,
 * `mat-input-7`). The second kind changes with every build or with the number of elements rendered
 * before it, so the matcher must neither trust nor require it. This module splits a token into its
 * written part and its generated part without any list of frameworks being necessary: the shapes of
 * hashes and counters are recognised, and a few tool prefixes (`css-`, `sc-`, `jss`) are dropped only
 * when what followed them was generated.
 */

/** How much of a token a tool generated. */
export type Generatedness = 'none' | 'partial' | 'full';

export interface TokenAnalysis {
  /** Lower-cased written part, segments joined by `-`; empty when `generated` is `full`. */
  readonly stable: string;
  readonly generated: Generatedness;
}

/** Prefixes that carry no meaning of their own once the hash or counter after them is gone. */
const TOOL_PREFIXES = new Set([
  'css', 'sc', 'jss', 'emotion', 'svelte', 'ember', 'ng', 'tns', 'c', 'r', 's', 'x', 'v', 'e', 'el', 'id',
  'uid', 'uuid', 'gwt', 'ext', 'gen', 'yui', 'cmp', 'comp', 'component', 'auto', 'ctl', 'ctl00', 'react',
  'rc', 'tw', 'chakra', 'radix', 'headlessui', 'mui', 'makestyles', 'withstyles', 'styled', 'module',
]);

const WHOLE_GENERATED = [
  /^:[rR][0-9a-zA-Z]*:$/, // React useId (18): `:r3:`, `:R1ab:`
  /^«[rR][0-9a-zA-Z]*»$/, // React useId (19.1+)
  /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i, // UUID
  /^[\d\W_]+$/, // nothing but digits and punctuation
];

/** React ids embedded in longer ids (`radix-:r2:`, `headlessui-menu-button-:r1:`) become a plain counter. */
const EMBEDDED_REACT_ID = /:[rR][0-9a-zA-Z]*:|«[rR][0-9a-zA-Z]*»/g;
/**
 * Prefixes of CSS-in-JS tools whose next segment is always a hash, whatever it looks like: a six-letter
 * base-36 hash has no digit one time in seven (`css-kbxzqa`).
 */
const HASH_PREFIX = /^(css|sc|jss|svelte|emotion)-[A-Za-z0-9]+(?=$|-)/;
const SEPARATORS = /[-_:.$/\\«»]+/;
const DIGITS_ONLY = /^\d+$/;
const WORD_THEN_DIGITS = /^([A-Za-z]+)(\d+)$/;
const HEX = /^[0-9a-f]+$/i;
const VOWEL = /[aeiouy]/i;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Whether one separator-free segment looks like a hash: letters and digits interleaved (`a8f3k`,
 * `1x2y3z`), a long hex run with digits (`3fa85f64`), camel-case noise with humps too short to be words
 * (`bdVaJa`, `kZdhPz`), or a long vowel-less run (`xkcdqz`).
 */
export function looksHashed(seg: string): boolean {
  const n = seg.length;
  if (n < 4) return false;
  let transitions = 0;
  let digits = 0;
  let uppers = 0;
  let humps = 1;
  for (let i = 0; i < n; i++) {
    const c = seg.charCodeAt(i);
    const d = isDigit(c);
    if (d) digits++;
    if (i > 0 && d !== isDigit(seg.charCodeAt(i - 1))) transitions++;
    if (c >= 65 && c <= 90) {
      uppers++;
      if (i > 0) humps++;
    }
  }
  if (digits > 0 && digits < n && transitions >= 2) return true;
  if (n >= 6 && digits > 0 && digits < n && HEX.test(seg)) return true;
  // A lower-case start followed by two or more capitals with short humps: `bdVaJa`, not `myButton`.
  if (uppers >= 2 && humps >= 3 && n / humps < 3) return true;
  if (n >= 5 && digits === 0 && !VOWEL.test(seg)) return true;
  return false;
}

function analyzeUncached(token: string): TokenAnalysis {
  for (const re of WHOLE_GENERATED) if (re.test(token)) return { stable: '', generated: 'full' };
  const words: string[] = [];
  let dropped = false;
  let rest = token.replace(EMBEDDED_REACT_ID, '-0-');
  if (HASH_PREFIX.test(rest)) {
    rest = rest.replace(HASH_PREFIX, '');
    dropped = true;
  }
  for (const seg of rest.split(SEPARATORS)) {
    if (seg === '') continue;
    if (DIGITS_ONLY.test(seg) || looksHashed(seg)) {
      dropped = true;
      continue;
    }
    const m = WORD_THEN_DIGITS.exec(seg);
    if (m && m[1] !== undefined && m[2] !== undefined && m[2].length >= 2) {
      // `ember123`, `jss45`, `field12`: a counter glued to a word. One trailing digit (`h1`, `col3`,
      // `mt4`) is more often a design token than a counter, so it stays.
      words.push(m[1].toLowerCase());
      dropped = true;
      continue;
    }
    words.push(seg.toLowerCase());
  }
  if (!dropped) return { stable: words.join('-'), generated: 'none' };
  const meaningful = words.filter((w) => !TOOL_PREFIXES.has(w));
  if (meaningful.length === 0) return { stable: '', generated: 'full' };
  return { stable: meaningful.join('-'), generated: 'partial' };
}

// Class names repeat across thousands of elements on a page; the regexes above must run once per name.
const cache = new Map<string, TokenAnalysis>();
const CACHE_LIMIT = 20_000;

export function analyzeToken(token: string): TokenAnalysis {
  let hit = cache.get(token);
  if (hit === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    hit = analyzeUncached(token);
    cache.set(token, hit);
  }
  return hit;
}

/** True when any part of the token looks tool-generated. */
export function isGeneratedToken(token: string): boolean {
  return analyzeToken(token).generated !== 'none';
}
