import { describe, expect, it } from 'vitest';
import type { ElementFingerprint } from '../../../src/schema/fingerprint';
import { ACCEPT_CONFIDENCE, identityOf, rankWithAssessment, type Evidence } from '../../../src/targeting';

/** A toolbar of buttons under one heading, each with the names of its neighbours, as the picker records them. */
function toolbar(names: readonly string[], section = 'Notifications', over: (i: number) => Partial<ElementFingerprint> = () => ({})): ElementFingerprint[] {
  return names.map((text, i) => ({
    tag: 'button',
    role: 'button',
    text,
    neighborText: section,
    xpath: `/html[1]/body[1]/main[1]/section[2]/div[2]/button[${i + 1}]`,
    rect: { x: 30 + 70 * i, y: 550, width: 60, height: 25 },
    adjacentNames: [names[i - 1] ?? '', names[i + 1] ?? ''],
    ...over(i),
  }));
}

const none: Evidence = { uniqueId: 0, sharedId: 0, name: 0, context: 0, contextKnown: false, contradicted: false, nameUnique: false, sharedUnique: false };

describe('a copy inserted beside the original', () => {
  const target = toolbar(['Cancel', 'Save', 'Change password'])[1] as ElementFingerprint;

  it('is found while it is alone', () => {
    const { ranked } = rankWithAssessment(target, toolbar(['Cancel', 'Save', 'Change password']));
    expect(ranked[0]?.index).toBe(1);
    expect(ranked[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('abstains when a namesake now sits right beside it in the same surroundings: only position would choose', () => {
    // The copy took the old place exactly and the original was wrapped, so place alone separates them;
    // which of the two is the original is not known.
    const wrapped = (i: number) => (i === 2 ? { xpath: '/html[1]/body[1]/main[1]/section[2]/div[2]/section[1]/button[1]', rect: { x: 40, y: 700, width: 60, height: 25 } } : {});
    const { ranked } = rankWithAssessment(target, toolbar(['Cancel', 'Save', 'Save', 'Change password'], 'Notifications', wrapped));
    expect(ranked[0]?.index).toBe(1);
    expect(ranked[0]?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('twin headings: the copy above becomes the heading of the original', () => {
    const heading = (text: string, neighborText: string, adjacentNames: [string, string], y: number): ElementFingerprint => ({ tag: 'h3', role: 'heading', text, neighborText, adjacentNames, xpath: `/html[1]/body[1]/main[1]/div[${y}]/h3[1]`, rect: { x: 10, y: 100 * y, width: 780, height: 21 } });
    const churn = heading('Churn rate', 'New customers', ['New customers', ''], 3);
    const page = [heading('New customers', 'Revenue', ['Revenue', 'Churn rate'], 2), heading('Churn rate', 'New customers', ['New customers', 'Churn rate'], 3), heading('Churn rate', 'Churn rate', ['Churn rate', ''], 4)];
    expect(rankWithAssessment(churn, page).ranked[0]?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('twins already there when the target was captured are flagged on that very page', () => {
    const page = toolbar(['Delete', 'Delete', 'Archive'], 'Bulk actions');
    expect(rankWithAssessment(page[0] as ElementFingerprint, page).ranked[0]?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('still finds the original by what the copy does not carry: a written id', () => {
    const ids = (i: number) => (i === 1 ? { id: 'save-notifications' } : {});
    const withId = toolbar(['Cancel', 'Save', 'Change password'], 'Notifications', ids)[1] as ElementFingerprint;
    const { ranked } = rankWithAssessment(withId, toolbar(['Cancel', 'Save', 'Save', 'Change password'], 'Notifications', (i) => (i === 2 ? { id: 'save-notifications' } : {})));
    expect(ranked[0]?.index).toBe(2);
    expect(ranked[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('still finds the original by the icon the copy beside lacks, when the capture knew it was the target\'s alone', () => {
    // "Create report" twice on the capture page (the toolbar's and the empty state's): the name was
    // shared, the plus icon the target's alone. Release 2 adds a plain "Create report" right beside it.
    const icons = (i: number): Partial<ElementFingerprint> => (i === 1 ? { icon: 'plus' } : {});
    const page = (names: string[], iconAt: number) => [
      ...toolbar(names, 'No reports yet', (i) => (i === iconAt ? icons(1) : {})),
      { tag: 'button', role: 'button', text: 'Create report', neighborText: 'Reports', xpath: '/html[1]/body[1]/main[1]/div[1]/button[5]', rect: { x: 600, y: 80, width: 110, height: 25 }, adjacentNames: ['Share', ''] } as ElementFingerprint,
    ];
    const captured = page(['Filter', 'Create report'], 1)[1] as ElementFingerprint;
    const withIcon: ElementFingerprint = { ...captured, uniqueBy: ['icon'] };
    const release2 = page(['Filter', 'Create report', 'Create report'], 1);
    const { ranked } = rankWithAssessment(withIcon, release2);
    expect(ranked[0]?.index).toBe(1);
    expect(ranked[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
    // Not when the capture did not know the icon was the target's alone: another control may have
    // carried it, and the copy be the one left.
    const { ranked: unknown } = rankWithAssessment({ ...captured, uniqueBy: [] }, release2);
    expect(unknown[0]?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
    // Nor when the copy beside carries the icon too.
    const { ranked: both } = rankWithAssessment(withIcon, [...toolbar(['Filter', 'Create report', 'Create report'], 'No reports yet', (i) => (i > 0 ? icons(1) : {})), release2[3] as ElementFingerprint]);
    expect(both[0]?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('a namesake in another section is no twin: the original in its place is found', () => {
    const other = toolbar(['Save'], 'Security').map((c) => ({ ...c, xpath: '/html[1]/body[1]/main[1]/section[3]/button[1]', rect: { x: 30, y: 900, width: 60, height: 25 } }));
    const page = toolbar(['Cancel', 'Save', 'Change password']);
    const { ranked } = rankWithAssessment(target, [...page, ...other]);
    expect(ranked[0]?.index).toBe(1);
    expect(ranked[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('in the identity rule, a twin leaves only a written id or a shared identifier the copy lacks', () => {
    const named = { ...none, name: 1, context: 1, contextKnown: true, inPlace: 1 };
    expect(identityOf(named)).toBe(1);
    expect(identityOf({ ...named, twin: true })).toBe(0);
    expect(identityOf({ ...named, twin: true, uniqueId: 1 })).toBe(1);
    expect(identityOf({ ...named, twin: true, sharedId: 1 })).toBe(0);
    expect(identityOf({ ...named, twin: true, sharedId: 1, sharedUnique: true })).toBe(1);
    // The icon only the candidate carries, and only the target carried when captured.
    expect(identityOf({ ...named, twin: true, icon: 1, iconUnique: true, iconWasUnique: true })).toBeGreaterThanOrEqual(0.75);
    expect(identityOf({ ...named, twin: true, icon: 1, iconUnique: true })).toBe(0);
    expect(identityOf({ ...named, twin: true, icon: 0.4, iconUnique: true, iconWasUnique: true })).toBe(0);
  });
});

describe('a name that went to another element', () => {
  const field = (id: string, label: string, i: number, ordinal: [number, number]): ElementFingerprint => ({
    tag: 'input',
    role: 'textbox',
    type: id === 'email' ? 'email' : 'tel',
    id,
    label,
    neighborText: 'Contact',
    xpath: `/html[1]/body[1]/input[${i + 1}]`,
    rect: { x: 60 + 240 * i, y: 196, width: 179, height: 21 },
    ordinal,
  });
  const target = field('email', 'Email', 0, [0, 2]);

  it('abstains when two fields traded labels: the id and the place say one, what the user reads the other', () => {
    const swapped = [field('email', 'Phone', 0, [0, 2]), field('phone', 'Email', 1, [1, 2])];
    const { ranked } = rankWithAssessment(target, swapped);
    expect(ranked[0]?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('still finds the field by its id when it was only relabelled', () => {
    const relabelled = [field('email', 'Work email', 0, [0, 2]), field('phone', 'Phone', 1, [1, 2])];
    const { ranked } = rankWithAssessment(target, relabelled);
    expect(ranked[0]?.index).toBe(0);
    expect(ranked[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('does not take a button sharing words with the name for the target while another carries the very name, the target\'s alone at capture', () => {
    // "Create report" was the toolbar's only one; release 2 moved it into a dialog further down and put
    // a plain "Create" where it was.
    const button = (text: string, neighborText: string, xpath: string, y: number, adjacentNames: [string, string]): ElementFingerprint => ({ tag: 'button', role: 'button', text, neighborText, xpath, rect: { x: 30, y, width: 110, height: 28 }, adjacentNames, isButton: true });
    const createReport: ElementFingerprint = { ...button('Create report', 'Reports', '/html[1]/body[1]/main[1]/div[1]/button[1]', 80, ['Help', 'Share']), uniqueBy: ['accessibleName'] };
    const release2 = [
      button('Create', 'Reports', '/html[1]/body[1]/main[1]/div[1]/button[1]', 80, ['Help', 'Filter']),
      button('Cancel', 'New report', '/html[1]/body[1]/main[1]/div[4]/div[3]/button[1]', 600, ['', 'Create report']),
      button('Create report', 'New report', '/html[1]/body[1]/main[1]/div[4]/div[3]/button[2]', 600, ['Cancel', '']),
    ];
    const { ranked } = rankWithAssessment(createReport, release2);
    expect(ranked[0]?.confidence ?? 0).toBeLessThan(ACCEPT_CONFIDENCE);
    // Its best guess is the one carrying the name.
    expect(ranked[0]?.index).toBe(2);
  });
});

describe('a neighbour bearing its own name', () => {
  it('is not taken for a removed target: "Reply" beside a removed "Reply all", in the same surroundings', () => {
    const row = (names: readonly string[]) =>
      names.map((text, i): ElementFingerprint => ({
        tag: 'button',
        role: 'button',
        text,
        neighborText: 'Re: contract draft',
        xpath: `/html[1]/body[1]/article[1]/div[1]/button[${i + 1}]`,
        rect: { x: 30 + 70 * i, y: 900, width: 60, height: 25 },
        adjacentNames: [names[i - 1] ?? '', names[i + 1] ?? ''],
      }));
    const target = row(['Reply', 'Reply all', 'Forward'])[1] as ElementFingerprint;
    expect(rankWithAssessment(target, row(['Reply', 'Reply all', 'Forward'])).ranked[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
    expect(rankWithAssessment(target, row(['Reply', 'Forward'])).ranked[0]?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });
});

describe('uniqueness known at capture', () => {
  const bare = (text: string, x: number): ElementFingerprint => ({ tag: 'button', role: 'button', text, xpath: `/html[1]/body[1]/header[1]/button[${x}]`, rect: { x: 100 * x, y: 14, width: 81, height: 25 } });
  it('a namesake left alone after a removal is not the target when the capture knew the name was shared', () => {
    const left = [bare('Add card', 2), bare('Invite', 1)];
    // No surroundings to compare; the only "Add card" now. Captured with `uniqueBy` saying the name was not unique.
    const known: ElementFingerprint = { ...bare('Add card', 5), neighborText: undefined, uniqueBy: [] };
    expect(rankWithAssessment(known, left).ranked[0]?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
    // Unique when captured: the moved "Add card" it is.
    expect(rankWithAssessment({ ...known, uniqueBy: ['accessibleName'] }, left).ranked[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });
});
