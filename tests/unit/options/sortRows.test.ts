import { describe, expect, it } from 'vitest';
import { formatDuration, formatMinutes, formatRate } from '../../../options-ui/insights/formatInsight';
import { sortRows } from '../../../options-ui/insights/sortRows';

describe('sortRows', () => {
  const rows = [
    { name: 'b', n: 3 },
    { name: 'A10', n: null },
    { name: 'a2', n: 10 },
    { name: 'c', n: 3 },
    { name: 'a1', n: -1 },
  ];

  it('orders numbers by value, keeps equal ones in order, puts empty values last both ways', () => {
    expect(sortRows(rows, (r) => r.n, 'ascending').map((r) => r.name)).toEqual(['a1', 'b', 'c', 'a2', 'A10']);
    expect(sortRows(rows, (r) => r.n, 'descending').map((r) => r.name)).toEqual(['a2', 'b', 'c', 'a1', 'A10']);
  });

  it('orders text case-insensitively with numbers inside compared as numbers', () => {
    expect(sortRows(rows, (r) => r.name, 'ascending').map((r) => r.name)).toEqual(['a1', 'a2', 'A10', 'b', 'c']);
    expect(sortRows(rows, (r) => r.name, 'descending').map((r) => r.name)).toEqual(['c', 'b', 'A10', 'a2', 'a1']);
  });

  it('does not change its input', () => {
    const copy = structuredClone(rows);
    sortRows(rows, (r) => r.n, 'descending');
    expect(rows).toEqual(copy);
  });
});

describe('insight formats', () => {
  it('write rates and durations in words', () => {
    expect(formatRate(0.4567)).toBe('45.7%');
    expect(formatRate(null)).toBe('—');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(7_440_000)).toBe('2 h 4 min');
    expect(formatMinutes(11.44)).toBe('11.4 min');
    expect(formatMinutes(-3)).toBe('-3 min');
    expect(formatMinutes(2725)).toBe('2,725 min (45.4 h)');
    expect(formatMinutes(null)).toBe('—');
  });
});
