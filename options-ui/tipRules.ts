import type { TipDraft } from './tipDraft';

/** The live check of a tip's pattern in the editor; values are checked by the runtime's `checkTipValue`. */

/**
 * Why a pattern is not a regular expression the tip can use, or null when it is (or is empty). The
 * same construction as the schema's check (`new RegExp(pattern, 'u')`), so the live message and the
 * save agree.
 */
export function patternError(pattern: string): string | null {
  if (pattern === '') return null;
  try {
    new RegExp(pattern, 'u');
    return null;
  } catch (e) {
    return `not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** The rules of a draft as far as they can be checked now (an invalid pattern or length checks nothing). */
export function rulesOfDraft(d: TipDraft): { required: boolean; pattern: string | undefined; maxLength: number | undefined } {
  const max = Number(d.maxLength.trim());
  return {
    required: d.required,
    pattern: d.pattern === '' || patternError(d.pattern) !== null ? undefined : d.pattern,
    maxLength: d.maxLength.trim() !== '' && Number.isInteger(max) && max > 0 ? max : undefined,
  };
}
