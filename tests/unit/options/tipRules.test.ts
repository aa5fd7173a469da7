import { describe, expect, it } from 'vitest';
import { brokenRule, patternError } from '../../../options-ui/tipRules';
import { TipValidationSchema } from '../../../src/schema/guidance';

describe('tip rules in the editor', () => {
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

  it('finds the rule a sample value breaks', () => {
    const rules = { required: true, pattern: '[A-Z]{2}-\\d{3}', maxLength: 6 };
    expect(brokenRule(rules, '')).toBe('required');
    expect(brokenRule(rules, 'AB-1234')).toBe('maxLength');
    expect(brokenRule(rules, 'ab-123')).toBe('pattern');
    expect(brokenRule(rules, 'AB-123')).toBeNull();
    // The whole value must match, not a part of it.
    expect(brokenRule({ required: false, pattern: '\\d+' }, 'a1')).toBe('pattern');
    expect(brokenRule({ required: false, pattern: 'a|b' }, 'ab')).toBe('pattern');
    expect(brokenRule({ required: false, pattern: '\\d+' }, '')).toBeNull();
    // Length counts characters, not UTF-16 units.
    expect(brokenRule({ required: false, maxLength: 2 }, '😀😀')).toBeNull();
    // An invalid pattern checks nothing (the editor reports it instead).
    expect(brokenRule({ required: false, pattern: '(' }, 'x')).toBeNull();
  });
});
