import { describe, expect, it } from 'vitest';
import { epochDayOf, isoDayOf, mondayOf, percentileDisc, quantilesOf, ratio, weeksOf } from '../../../src/metrics/insightWindow';
import { weekStartOf } from '../../../src/schema/insights';

describe('insight arithmetic', () => {
  it('takes nearest-rank percentiles like percentile_disc', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentileDisc(ten, 0.5)).toBe(5);
    expect(percentileDisc(ten, 0.9)).toBe(9);
    expect(percentileDisc([7], 0.9)).toBe(7);
    expect(percentileDisc([1, 2], 0.5)).toBe(1);
    expect(percentileDisc([1, 2, 3], 0.5)).toBe(2);
    expect(percentileDisc([], 0.5)).toBeNull();
    expect(quantilesOf([30, 10, 20])).toEqual({ n: 3, median: 20, p90: 30 });
  });

  it('finds the Monday of ISO weeks and lists the weeks a range meets', () => {
    expect(isoDayOf(mondayOf(epochDayOf('2026-01-01')))).toBe('2025-12-29');
    expect(isoDayOf(mondayOf(epochDayOf('2026-01-05')))).toBe('2026-01-05');
    expect(isoDayOf(mondayOf(epochDayOf('2026-01-11')))).toBe('2026-01-05');
    expect(weekStartOf('2026-01-11')).toBe('2026-01-05');
    const weeks = weeksOf({ fromDay: epochDayOf('2026-01-01'), toDay: epochDayOf('2026-01-12') }).map(isoDayOf);
    expect(weeks).toEqual(['2025-12-29', '2026-01-05', '2026-01-12']);
  });

  it('caps ratios at 1 and answers null for an empty denominator', () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(5, 4)).toBe(1);
    expect(ratio(0, 0)).toBeNull();
  });
});
