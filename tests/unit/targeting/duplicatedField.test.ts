import { describe, expect, it } from 'vitest';
import type { ElementFingerprint } from '../../../src/schema/fingerprint';
import { ACCEPT_CONFIDENCE, assess, rankWithAssessment } from '../../../src/targeting';

/** A form section's unlabelled fields, each captioned, as the picker records them. */
function section(captions: readonly string[], heading = 'Shipping address', over: (i: number) => Partial<ElementFingerprint> = () => ({})): ElementFingerprint[] {
  return captions.map((caption, i) => ({
    tag: 'input',
    role: 'textbox',
    type: 'text',
    classes: ['field'],
    neighborText: `${heading} ·  · ${caption}`,
    xpath: `/html[1]/body[1]/main[1]/form[1]/fieldset[1]/div[${i + 1}]/input[1]`,
    rect: { x: 20, y: 100 + 40 * i, width: 240, height: 24 },
    adjacentNames: ['', ''],
    ordinal: [i, captions.length],
    lang: 'en',
    ...over(i),
  }));
}

const captions = ['Street', 'City', 'Postal code', 'Country'];
/** Between its neighbours as the picker reads them: the caption of the field before and after. */
const page = (list: readonly string[]) => section(list, 'Shipping address', (i) => ({ adjacentNames: [list[i - 1] ?? '', list[i + 1] ?? ''] }));
const target: ElementFingerprint = { ...(page(captions)[2] as ElementFingerprint), uniqueBy: [] };

describe('a field duplicated elsewhere in its own section', () => {
  it('the one in the old place, between the same two neighbours, is the original', () => {
    // Release 2 adds a second "Postal code" at the end of the section (a copy with another place).
    const release2 = page([...captions, 'Postal code']);
    const { ranked, assessment } = rankWithAssessment(target, release2);
    expect(ranked[0]?.index).toBe(2);
    expect(assessment?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('abstains when neither sits between the old neighbours: place settles nothing', () => {
    const release2 = page(['Street', 'Postal code', 'City', 'Country', 'Postal code']);
    expect(rankWithAssessment(target, release2).assessment?.confidence ?? 0).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('in the assessment, the old place widens the lead by half the separation window, only over a runner-up out of it', () => {
    const best = { score: 0.95, identity: 1 };
    const second = { score: 0.92, identity: 1 };
    expect(assess(best, second).separation).toBeLessThan(ACCEPT_CONFIDENCE);
    expect(assess({ ...best, placed: true }, second).separation).toBeGreaterThan(assess(best, second).separation);
    expect(assess({ ...best, placed: true }, { ...second, placed: true }).separation).toBe(assess(best, second).separation);
  });
});
