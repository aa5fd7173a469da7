import { describe, expect, it } from 'vitest';
import { sampleShift } from '../../demo/samplePopulation';
import { SIM_DAYS, SIM_START } from '../sim/simulate';

const DAY = 86_400_000;

describe("the demo's sample population", () => {
  it('is moved by whole weeks to end in the week before now, never after it', () => {
    const end = SIM_START + SIM_DAYS * DAY;
    for (const now of [Date.parse('2026-12-01T13:00:00Z'), Date.parse('2027-06-13T23:59:59Z'), end, end + 3 * DAY]) {
      const shift = sampleShift(now);
      expect(shift % (7 * DAY)).toBe(0);
      expect(end + shift).toBeLessThanOrEqual(now);
      expect(end + shift).toBeGreaterThan(now - 7 * DAY);
      // Weekdays are kept: the first day is still a Monday.
      expect(new Date(SIM_START + shift).getUTCDay()).toBe(1);
    }
  });
});
