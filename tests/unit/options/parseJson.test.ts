import { describe, expect, it } from 'vitest';
import { findSyntaxError, parseJson } from '../../../options-ui/parseJson';

describe('parseJson', () => {
  it('parses valid JSON, with or without a byte order mark', () => {
    expect(parseJson('{"a":[1,true,null,"x"]}')).toEqual({ ok: true, value: { a: [1, true, null, 'x'] } });
    expect(parseJson('\uFEFF[1]')).toEqual({ ok: true, value: [1] });
  });

  it('says where the problem is, by line and column', () => {
    expect(parseJson('{\n  "a": 1,\n  "b": }')).toEqual({ ok: false, message: 'unexpected "}": expected a value', line: 3, column: 8 });
    expect(parseJson('{\n  "flows": [1, 2,]\n}')).toEqual({ ok: false, message: 'a comma before "]" is not allowed', line: 2, column: 18 });
    expect(parseJson("{'a': 1}")).toMatchObject({ ok: false, line: 1, column: 2, message: 'unexpected "\'": expected a property name in double quotes' });
    expect(parseJson('{"a": 1')).toMatchObject({ ok: false, line: 1, column: 8, message: 'unexpected end of file (is it cut short?): expected "," or "}"' });
    expect(parseJson('{"a": "x\ny"}')).toMatchObject({ ok: false, line: 1, column: 9 });
    expect(parseJson('{} x')).toMatchObject({ ok: false, line: 1, column: 4, message: 'unexpected "x" after the end of the data' });
  });

  it('reports an empty file plainly', () => {
    expect(parseJson('  \n')).toEqual({ ok: false, message: 'the file is empty' });
  });

  it('agrees with JSON.parse on what is valid', () => {
    const samples = ['0', '-0.5e+3', '"\\u00e9\\n"', '[]', '{}', '{"a":{"b":[[]]}}', '01', '1.', '.5', '"\\x"', 'tru', '[,]', '{"a" 1}', '+1', 'NaN', '"\t"'];
    for (const s of samples) {
      let valid = true;
      try {
        JSON.parse(s);
      } catch {
        valid = false;
      }
      expect(findSyntaxError(s) === null, s).toBe(valid);
    }
  });
});
