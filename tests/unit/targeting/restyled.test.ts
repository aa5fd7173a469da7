import { describe, expect, it } from 'vitest';
import type { ElementFingerprint } from '../../../src/schema/fingerprint';
import { ACCEPT_CONFIDENCE, rankWithAssessment } from '../../../src/targeting';
import { restyledFrom, stylePartsOf } from '../../../src/targeting/styleParts';

/** A mail header's buttons under its heading, each styled by its own BEM element class, with neighbours and rank among its kind. */
function header(buttons: readonly [string, string][], lang = 'en'): ElementFingerprint[] {
  return buttons.map(([text, part], i) => ({
    tag: 'button',
    role: 'button',
    text,
    lang,
    neighborText: 'Inbox',
    classes: [`mailheader__${part}`, 'btn'],
    xpath: `/html[1]/body[1]/header[1]/button[${i + 1}]`,
    rect: { x: 10 + 110 * i, y: 8, width: 100, height: 28 },
    adjacentNames: [buttons[i - 1]?.[0] ?? '', buttons[i + 1]?.[0] ?? ''],
    ordinal: [i, buttons.length],
  }));
}

const before = header([
  ['Compose', 'compose-button'],
  ['Settings', 'button'],
  ['Sign out', 'button'],
]);
const compose = { ...(before[0] as ElementFingerprint), uniqueBy: ['accessibleName' as const] };

describe('another part’s style in the target’s place', () => {
  it('renamed in place, between the same two neighbours, with its own style: the element renamed', () => {
    const after = header([
      ['New message', 'compose-button'],
      ['Settings', 'button'],
      ['Sign out', 'button'],
    ]);
    const { ranked } = rankWithAssessment(compose, after);
    expect(ranked[0]?.index).toBe(0);
    expect(ranked[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('styled as another part there: another element (Compose removed, a Refresh button in its place)', () => {
    const after = header([
      ['Refresh', 'refresh-button'],
      ['Settings', 'button'],
      ['Sign out', 'button'],
    ]);
    expect(rankWithAssessment(compose, after).ranked[0]?.confidence ?? 0).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('on a translated and reordered page, another part’s style in the slot is not the target translated', () => {
    const logCall = { ...(header([['Log a call', 'button'], ['Add note', 'button']])[0] as ElementFingerprint), classes: ['btn', '_button_9wkgw_120'] };
    const german = header([['Notiz hinzufügen', 'button'], ['Anruf protokollieren', 'button']], 'de');
    const swapped = [{ ...(german[0] as ElementFingerprint), classes: ['btn', '_addNoteButton_vnn7i_70'] }, { ...(german[1] as ElementFingerprint), classes: ['btn', '_button_g575q_55'] }];
    expect(rankWithAssessment(logCall, swapped).ranked[0]?.confidence ?? 0).toBeLessThan(ACCEPT_CONFIDENCE);
    // The same slot with the target's own style (hash regenerated) is the target translated.
    const kept = [{ ...(german[0] as ElementFingerprint), classes: ['btn', '_button_zv69w_38'] }, { ...(german[1] as ElementFingerprint), classes: ['btn', '_addNoteButton_vnn7i_70'] }];
    expect(rankWithAssessment(logCall, kept).ranked[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });
});

describe('stylePartsOf / restyledFrom', () => {
  const parts = (...classes: string[]) => [...stylePartsOf({ tag: 'button', classes })];

  it('reads the part a class names through the hashes of CSS Modules, Vite, JSS and emotion labels', () => {
    expect(parts('Column_addCardButton__4LvA5')).toEqual(parts('Column_addCardButton__B-TEN'));
    expect(parts('_button_kabex_12')).toEqual(['button']);
    expect(parts('makeStyles-deleteButton-251')).toEqual(['deletebutton']);
    expect(parts('css-6maw3g-Bulkactions')).toEqual(['bulkactions']);
    expect(parts('bulkactions__refresh-button', 'bulkactions__refresh-button--primary')).toEqual(['bulkactions-refresh-button']);
  });

  it('ignores utility, atomic and bare generated classes', () => {
    expect(parts('px-3', 'text-blue-700', 'btn', 'xpfrjx42', 'xuinkeho', 'jss11', 'css-1x2y3z', 'sc-QXXCLm', 'aQipsh')).toEqual([]);
  });

  it('calls restyled only a part traded for another, not one lost to a bare hash', () => {
    const restyled = restyledFrom({ tag: 'button', classes: ['btn', 'makeStyles-button-157'] });
    expect(restyled({ tag: 'button', classes: ['btn', 'makeStyles-deleteButton-9'] })).toBe(true);
    expect(restyled({ tag: 'button', classes: ['btn', 'jss11'] })).toBe(false);
    expect(restyled({ tag: 'button', classes: ['btn', 'makeStyles-button-3', 'makeStyles-icon-4'] })).toBe(false);
  });
});
