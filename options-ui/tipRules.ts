/** The live checks of a tip's validation rules in the editor. */

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

export interface TipRules {
  required: boolean;
  pattern?: string | undefined;
  maxLength?: number | undefined;
}

export type BrokenRule = 'required' | 'pattern' | 'maxLength';

/**
 * Which rule a sample value breaks, first by the order a person meets them (empty, too long, wrong
 * shape), or null. The pattern must match the whole value; an empty value breaks only `required`.
 * Only for trying rules out in the editor: nothing typed here is stored.
 */
export function brokenRule(rules: TipRules, value: string): BrokenRule | null {
  if (value === '') return rules.required ? 'required' : null;
  if (rules.maxLength !== undefined && [...value].length > rules.maxLength) return 'maxLength';
  if (rules.pattern !== undefined && patternError(rules.pattern) === null && !new RegExp(`^(?:${rules.pattern})$`, 'u').test(value)) return 'pattern';
  return null;
}
