import type { TipValidation } from '../schema/guidance';

/** Which rule a field's value breaks, if any. */
export type TipBreak = 'required' | 'maxLength' | 'pattern' | null;

/**
 * Checks a field's value against a tip's rules, in the page. Only the verdict leaves this function:
 * the value itself is never kept, recorded or sent. An empty value breaks only `required` (an optional
 * field left empty is fine); `pattern` must match the whole value.
 */
export function checkTipValue(rules: Pick<TipValidation, 'required' | 'pattern' | 'maxLength'>, value: string): TipBreak {
  if (value.trim() === '') return rules.required ? 'required' : null;
  if (rules.maxLength !== undefined && [...value].length > rules.maxLength) return 'maxLength';
  if (rules.pattern !== undefined) {
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${rules.pattern})$`, 'u');
    } catch {
      // Schema validation refuses such patterns; one that slipped through breaks nothing rather than everything.
      return null;
    }
    if (!re.test(value)) return 'pattern';
  }
  return null;
}
