import { describe, expect, it } from 'vitest';
import type { ElementFingerprint } from '../../../src/schema/fingerprint';
import { ACCEPT_CONFIDENCE, identityOf, rankWithAssessment, type Evidence } from '../../../src/targeting';

/** A kanban column's task links, as the picker records them. */
const task = (text: string, i: number, over: Partial<ElementFingerprint> = {}): ElementFingerprint => ({
  tag: 'a',
  role: 'link',
  text,
  href: `/tasks/${900 + i}`,
  neighborText: 'To do',
  xpath: `/html[1]/body[1]/main[1]/section[1]/div[1]/article[${i + 1}]/a[1]`,
  rect: { x: 20, y: 120 + 40 * i, width: 160, height: 18 },
  ordinal: [i, 3],
  ...over,
});

const names = ['Migrate database', 'Update onboarding docs', 'Fix login redirect'];
const column = names.map((n, i) => task(n, i, { adjacentNames: [names[i - 1] ?? '', names[i + 1] ?? ''] }));
const target: ElementFingerprint = { ...(column[0] as ElementFingerprint), uniqueBy: ['href', 'accessibleName'] };

/** A copy of the card's link added in the header, with the same text and link, outside any section. */
const copy = task('Migrate database', 0, {
  neighborText: undefined,
  xpath: '/html[1]/body[1]/header[1]/div[1]/a[1]',
  rect: { x: 400, y: 10, width: 160, height: 18 },
  adjacentNames: ['', 'Invite'],
  ordinal: [0, 2],
});

describe('the original that lost an identifier, or a copy that kept it', () => {
  it('moved alone, the one holder of the link is the target, outside its section or not', () => {
    const rest = column.slice(1);
    const { ranked, assessment } = rankWithAssessment(target, [copy, ...rest]);
    expect(ranked[0]?.index).toBe(0);
    expect(assessment?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('abstains when a namesake sits where the target sat: the original made a button (no link any more)', () => {
    const { href: _dropped, ...asLink } = column[0] as ElementFingerprint;
    const original: ElementFingerprint = { ...asLink, tag: 'button', role: 'button', xpath: '/html[1]/body[1]/main[1]/section[1]/div[1]/article[1]/button[1]' };
    const { ranked, assessment } = rankWithAssessment(target, [copy, original, ...column.slice(1)]);
    // The copy scores best (it has the link), and is not taken for the target: the matcher abstains.
    expect(ranked.find((r) => r.index === 0)?.score).toBe(Math.max(...ranked.map((r) => r.score)));
    expect(assessment?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
    // Its best guess, still below the threshold, is the namesake at home, which its place names.
    expect(ranked[0]?.index).toBe(1);
    expect(ranked[0]?.confidence).toBe(assessment?.confidence);
    expect(ranked.slice(1).every((r) => r.confidence === 0)).toBe(true);
    expect(ranked.map((r) => r.index).sort()).toEqual([0, 1, 2, 3]);
  });

  it('answers in score order when it does not abstain: the best guess is reordered only below the threshold', () => {
    const rest = column.slice(1);
    const { ranked, assessment } = rankWithAssessment(target, [copy, ...rest]);
    expect(assessment?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
    for (let i = 1; i < ranked.length; i++) expect((ranked[i - 1]?.score ?? 0) >= (ranked[i]?.score ?? 0)).toBe(true);
  });

  it('in the identity rule, a namesake at home leaves the only holder no uniqueness to stand on', () => {
    const none: Evidence = { uniqueId: 0, sharedId: 1, name: 1, context: 0.1, contextKnown: false, contradicted: false, nameUnique: true, sharedUnique: true, nameWasUnique: true, sharedWasUnique: true };
    expect(identityOf(none)).toBeGreaterThanOrEqual(0.75);
    expect(identityOf({ ...none, namesakeAtHome: true })).toBeLessThan(0.3);
    // A written id is unique by the rules of HTML: it still settles the matter.
    expect(identityOf({ ...none, namesakeAtHome: true, uniqueId: 1 })).toBe(1);
  });
});

describe('a translated page', () => {
  /** A form section's fields, unlabelled, each with a placeholder. */
  const fields = (placeholders: (string | undefined)[], lang: string, heading: string): ElementFingerprint[] =>
    placeholders.map((placeholder, i) => ({
      tag: 'input',
      role: 'textbox',
      ...(placeholder === undefined ? {} : { placeholder }),
      lang,
      neighborText: heading,
      xpath: `/html[1]/body[1]/main[1]/form[1]/fieldset[1]/div[${i + 1}]/input[1]`,
      rect: { x: 20, y: 100 + 30 * i, width: 200, height: 22 },
      ordinal: [i, placeholders.length],
    }));
  const street = fields(['Street', 'City', 'Postal code'], 'en', 'Shipping address')[0] as ElementFingerprint;

  it('finds the field in its slot with its name translated', () => {
    const german = fields(['Straße', 'Stadt', 'Postleitzahl'], 'de', 'Lieferadresse');
    const { ranked } = rankWithAssessment(street, german);
    expect(ranked[0]?.index).toBe(0);
    expect(ranked[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('abstains when the slot holds a field with no name at all: translation does not take a name away', () => {
    // Street removed; a field without a placeholder was added to the section (the count is back to three).
    const german = fields([undefined, 'Stadt', 'Postleitzahl'], 'de', 'Lieferadresse');
    expect(rankWithAssessment(street, german).ranked[0]?.confidence ?? 0).toBeLessThan(ACCEPT_CONFIDENCE);
  });
});
