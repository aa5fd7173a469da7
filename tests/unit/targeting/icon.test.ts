import { describe, expect, it } from 'vitest';
import type { ElementFingerprint } from '../../../src/schema/fingerprint';
import { ACCEPT_CONFIDENCE, identityOf, rankWithAssessment, uniqueFields, type Evidence } from '../../../src/targeting';
import { iconAgreement, iconSignal } from '../../../src/targeting/iconSignal';

/** A toolbar under a heading: each button's text, icon, neighbours and rank among its kind. */
function toolbar(buttons: readonly [string, string | undefined][], lang = 'en', heading = 'Reports'): ElementFingerprint[] {
  return buttons.map(([text, icon], i) => ({
    tag: 'button',
    role: 'button',
    text,
    lang,
    ...(icon === undefined ? {} : { icon }),
    neighborText: heading,
    classes: ['btn'],
    xpath: `/html[1]/body[1]/div[1]/button[${i + 1}]`,
    indexPath: `0/1/0/${i}`,
    rect: { x: 10 + 110 * i, y: 8, width: 100, height: 28 },
    adjacentNames: [buttons[i - 1]?.[0] ?? '', buttons[i + 1]?.[0] ?? ''],
    ordinal: [i, buttons.length],
  }));
}

const english = toolbar([
  ['Create report', 'plus'],
  ['Share', 'share'],
  ['Download', 'download'],
  ['Filter', 'filter'],
]);
/** As the picker captures it: `uniqueBy` counted on the page. */
const captured = (i: number) => ({ ...(english[i] as ElementFingerprint), uniqueBy: uniqueFields(english[i] as ElementFingerprint, english) });

const base: Evidence = { uniqueId: 0, sharedId: 0, name: 0, context: 0.3, contextKnown: true, contradicted: false, nameUnique: false, sharedUnique: false };

describe('the icon signal', () => {
  it('agrees fully on the same icon, partly on a variant of it, not at all on another or none', () => {
    expect(iconAgreement('trash', 'trash')).toBe(1);
    expect(iconAgreement('trash', 'trash-2')).toBe(0.6);
    expect(iconAgreement('trash', 'pencil')).toBe(0);
    expect(iconAgreement('trash', undefined)).toBe(0);
    expect(iconSignal({ tag: 'button' })).toBeNull();
    const s = iconSignal({ tag: 'button', icon: 'trash' });
    expect(s?.similarity({ tag: 'button', icon: 'trash' })).toBe(1);
    expect(s?.similarity({ tag: 'button' })).toBe(0);
  });

  it('records whether the icon was the target’s alone on the capture page', () => {
    expect(captured(2).uniqueBy).toContain('icon');
    const twoTrash = toolbar([
      ['Delete', 'trash'],
      ['Remove', 'trash'],
    ]);
    expect(uniqueFields(twoTrash[0] as ElementFingerprint, twoTrash)).not.toContain('icon');
  });
});

describe('icons on a translated page', () => {
  it('another icon in the target’s slot of a translated toolbar is another button, not the target translated', () => {
    const inPlace = { ...base, translated: true, inStructure: 1 };
    expect(identityOf({ ...inPlace, icon: 1 })).toBeGreaterThan(0.5);
    expect(identityOf(inPlace)).toBeGreaterThan(0.5);
    expect(identityOf({ ...inPlace, icon: 0 })).toBe(0);
  });

  it('the only control with the icon, unique at capture too, is the target when its name was translated', () => {
    const only = { ...base, translated: true, icon: 1, iconUnique: true, iconWasUnique: true };
    expect(identityOf(only)).toBeGreaterThanOrEqual(0.75);
    expect(identityOf({ ...only, iconUnique: false })).toBe(0);
    expect(identityOf({ ...only, iconWasUnique: false })).toBe(0);
    // Not translated, and a name sharing nothing with the target's: another control that has the icon.
    expect(identityOf({ ...only, translated: false, name: 0 })).toBe(0);
  });

  it('finds Share and Download on the German toolbar where the two traded places', () => {
    const german = toolbar(
      [
        ['Bericht erstellen', 'plus'],
        ['Herunterladen', 'download'],
        ['Teilen', 'share'],
        ['Filtern', 'filter'],
      ],
      'de',
      'Berichte',
    );
    const share = rankWithAssessment(captured(1), german);
    expect(share.ranked[0]?.index).toBe(2);
    expect(share.ranked[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
    const download = rankWithAssessment(captured(2), german);
    expect(download.ranked[0]?.index).toBe(1);
    expect(download.ranked[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('abstains when Download was removed, or when a second download button came', () => {
    const withoutDownload = toolbar([['Bericht erstellen', 'plus'], ['Teilen', 'share'], ['Filtern', 'filter']], 'de', 'Berichte');
    expect(rankWithAssessment(captured(2), withoutDownload).ranked[0]?.confidence ?? 0).toBeLessThan(ACCEPT_CONFIDENCE);
    const two = toolbar([['Bericht erstellen', 'plus'], ['Herunterladen', 'download'], ['Teilen', 'share'], ['Archiv herunterladen', 'download']], 'de', 'Berichte');
    const r = rankWithAssessment(captured(2), two);
    expect(r.ranked[0]?.confidence ?? 0).toBeLessThan(ACCEPT_CONFIDENCE);
  });
});

describe('icons on a reworded toolbar', () => {
  it('a name replaced by a synonym, with the icon and the slot kept, is the target: "Download" become "Save as PDF"', () => {
    const reworded = toolbar([['Create report', 'plus'], ['Share', 'share'], ['Save as PDF', 'download'], ['Filter', 'filter']]);
    const r = rankWithAssessment(captured(2), reworded);
    expect(r.ranked[0]?.index).toBe(2);
    expect(r.ranked[0]?.confidence ?? 0).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('abstains when the slot holds another action with another icon, or the icon moved to another slot', () => {
    const replaced = toolbar([['Create report', 'plus'], ['Share', 'share'], ['Archive', 'archive'], ['Filter', 'filter']]);
    expect(rankWithAssessment(captured(2), replaced).ranked[0]?.confidence ?? 0).toBeLessThan(ACCEPT_CONFIDENCE);
    // The icon on a renamed control at another rank: nothing says it is the same action rather than a new one.
    const elsewhere = toolbar([['Create report', 'plus'], ['Share', 'share'], ['Filter', 'filter'], ['Save as PDF', 'download'], ['Print', 'printer']]);
    expect(rankWithAssessment(captured(2), elsewhere).ranked[0]?.confidence ?? 0).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('in the identity rule: the icon counts for a name sharing no word only in the target\'s slot', () => {
    const unique = { ...base, icon: 1, iconUnique: true, iconWasUnique: true };
    expect(identityOf(unique)).toBe(0);
    expect(identityOf({ ...unique, inStructure: 1 })).toBeGreaterThanOrEqual(0.75);
    expect(identityOf({ ...unique, inStructure: 1, iconWasUnique: false })).toBe(0);
    expect(identityOf({ ...unique, inStructure: 1, restyled: true })).toBe(0);
  });
});
