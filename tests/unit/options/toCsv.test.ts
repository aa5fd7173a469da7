import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../options-ui/toCsv';

describe('toCsv', () => {
  it('writes a header and rows, each line ended by CRLF', () => {
    expect(toCsv(['flow', 'started'], [['onboarding', 12], ['export', 0]])).toBe('flow,started\r\nonboarding,12\r\nexport,0\r\n');
    expect(toCsv(['a'], [])).toBe('a\r\n');
  });

  it('quotes fields with commas, quotes or line breaks, doubling the quotes (RFC 4180)', () => {
    expect(toCsv(['x'], [['a,b'], ['say "hi"'], ['two\nlines'], ['cr\rhere'], ['plain']])).toBe(
      'x\r\n"a,b"\r\n"say ""hi"""\r\n"two\nlines"\r\n"cr\rhere"\r\nplain\r\n',
    );
  });

  it('leaves empty cells for null, undefined and non-finite numbers', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [[null, undefined, Number.NaN, true]])).toBe('a,b,c,d\r\n,,,true\r\n');
  });

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    const rows = [['=HYPERLINK("http://evil","x")'], ['+1'], ['-2+3'], ['@SUM(A1)'], ['\tcmd'], ['a=b']];
    expect(toCsv(['t'], rows)).toBe(`t\r\n"'=HYPERLINK(""http://evil"",""x"")"\r\n'+1\r\n'-2+3\r\n'@SUM(A1)\r\n'\tcmd\r\na=b\r\n`);
  });

  it('writes negative numbers as numbers', () => {
    expect(toCsv(['saved'], [[-3.5], [0.25]])).toBe('saved\r\n-3.5\r\n0.25\r\n');
  });
});
