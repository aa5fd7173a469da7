import { describe, expect, it } from 'vitest';
import { newTipDraft } from '../../../options-ui/tipDraft';
import { patternError, rulesOfDraft } from '../../../options-ui/tipRules';
import { checkTipValue } from '../../../src/rules/checkTipValue';
import { TipValidationSchema } from '../../../src/schema/guidance';

describe('the tip pattern check in the editor', () => {
  it('says why a pattern is not a regular expression, as the schema does', () => {
    expect(patternError('')).toBeNull();
    expect(patternError('[A-Z]{2}\\d+')).toBeNull();
    const msg = patternError('[A-Z');
    expect(msg).toMatch(/^not a valid regular expression: /);
    const r = TipValidationSchema.safeParse({ pattern: '[A-Z', message: 'x' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(msg);
    // Valid without the u flag, invalid with it: the schema's flag decides.
    expect(patternError('\\-')).toMatch(/not a valid/);
  });

  it('tries a value with the rules as far as the draft makes them valid, through the runtime check', () => {
    const d = { ...newTipDraft('t'), hasValidation: true, required: true, pattern: '[A-Z]{2}-\\d{3}', maxLength: '6' };
    expect(rulesOfDraft(d)).toEqual({ required: true, pattern: '[A-Z]{2}-\\d{3}', maxLength: 6 });
    expect(checkTipValue(rulesOfDraft(d), '')).toBe('required');
    expect(checkTipValue(rulesOfDraft(d), 'AB-1234')).toBe('maxLength');
    expect(checkTipValue(rulesOfDraft(d), 'ab-123')).toBe('pattern');
    expect(checkTipValue(rulesOfDraft(d), 'AB-123')).toBeNull();
    // A pattern being typed that is not valid yet, or a length that is not a number, checks nothing.
    expect(rulesOfDraft({ ...d, pattern: '[A-Z', maxLength: 'x' })).toEqual({ required: true, pattern: undefined, maxLength: undefined });
    expect(rulesOfDraft({ ...d, maxLength: '0' }).maxLength).toBeUndefined();
  });
});
