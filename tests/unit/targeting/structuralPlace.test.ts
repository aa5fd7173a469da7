import { describe, expect, it } from 'vitest';
import type { ElementFingerprint } from '../../../src/schema/fingerprint';
import { ACCEPT_CONFIDENCE, identityOf, rankWithAssessment, type Evidence } from '../../../src/targeting';

/** A toolbar under a heading, each button with its neighbours, rank among its kind and language. */
function toolbar(names: readonly string[], lang: string, heading: string): ElementFingerprint[] {
  return names.map((text, i) => ({
    tag: 'button',
    role: 'button',
    text,
    lang,
    neighborText: heading,
    xpath: `/html[1]/body[1]/main[1]/div[1]/button[${i + 1}]`,
    rect: { x: 20 + 90 * i, y: 160, width: 80, height: 25 },
    adjacentNames: [names[i - 1] ?? '', names[i + 1] ?? ''],
    ordinal: [i, names.length],
  }));
}

const english = toolbar(['Create report', 'Share', 'Download', 'Filter'], 'en', 'Reports');
const target = english[2] as ElementFingerprint;

describe('holding the target’s place in the tree (path and rank among its kind)', () => {
  it('finds a button on a translated page, where every name and heading changed with the language', () => {
    const portuguese = toolbar(['Criar relatório', 'Compartilhar', 'Baixar', 'Filtrar'], 'pt-BR', 'Relatórios');
    const { ranked, assessment } = rankWithAssessment(target, portuguese);
    expect(ranked[0]?.index).toBe(2);
    expect(assessment?.identity).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
    expect(ranked[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('abstains on a translated page where another kind of control holds the slot (a link where a tab was)', () => {
    const tabs = (names: readonly string[], lang: string): ElementFingerprint[] =>
      names.map((text, i) => ({
        tag: 'a',
        role: 'tab',
        text,
        lang,
        neighborText: 'Linus Rossi',
        xpath: `/html[1]/body[1]/main[1]/div[2]/a[${i + 1}]`,
        rect: { x: 12 + 90 * i, y: 255, width: 88, height: 30 },
        adjacentNames: [names[i - 1] ?? '', names[i + 1] ?? ''],
        ordinal: [i, names.length],
      }));
    const overview = tabs(['Overview', 'Activity', 'Emails'], 'en')[0] as ElementFingerprint;
    const italian = tabs(['Panoramica', 'Attività', 'Email'], 'it');
    expect(rankWithAssessment(overview, italian).ranked[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
    // The Overview tab removed; a company link moved into the tab strip took its slot, rank and count.
    italian[0] = { ...(italian[0] as ElementFingerprint), role: 'link', href: '/companies/539', text: 'Monarch', rect: { x: 10, y: 258, width: 60, height: 16 } };
    expect(rankWithAssessment(overview, italian).ranked[0]?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('abstains on a translated and reordered page where the neighbour that kept its English name, reworded, holds the slot', () => {
    // "Share" and "Download" traded places; "Download" was reworded and left untranslated.
    const reordered = toolbar(['Criar relatório', 'Baixar', 'Download PDF', 'Filtrar'], 'pt-BR', 'Relatórios');
    const share = english[1] as ElementFingerprint;
    expect(rankWithAssessment(share, toolbar(['Criar relatório', 'Compartilhar', 'Baixar', 'Filtrar'], 'pt-BR', 'Relatórios')).ranked[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
    const swapped = [...reordered];
    swapped[1] = { ...(reordered[2] as ElementFingerprint), xpath: (reordered[1] as ElementFingerprint).xpath, ordinal: [1, 4], adjacentNames: ['Criar relatório', 'Compartilhar'] };
    swapped[2] = { ...(reordered[1] as ElementFingerprint), text: 'Compartilhar', xpath: (reordered[2] as ElementFingerprint).xpath, ordinal: [2, 4], adjacentNames: ['Download PDF', 'Filtrar'] };
    const { ranked } = rankWithAssessment(share, swapped);
    expect(ranked[0]?.confidence ?? 0).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('abstains on a translated page where the target was removed: its neighbour slid into its path, with another count', () => {
    const gone = toolbar(['Criar relatório', 'Compartilhar', 'Filtrar'], 'pt-BR', 'Relatórios');
    expect(rankWithAssessment(target, gone).ranked[0]?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('the same language: a reworded name in the same place is the element renamed, an unrelated one is not', () => {
    const reworded = toolbar(['New report', 'Share report', 'Download PDF', 'Filters'], 'en', 'Analytics');
    const found = rankWithAssessment(target, reworded);
    expect(found.ranked[0]?.index).toBe(2);
    expect(found.ranked[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
    // "Download" replaced by "Archive" in its place: a new button, as far as anything here can tell.
    const replaced = toolbar(['New report', 'Share report', 'Archive', 'Filters'], 'en', 'Analytics');
    expect(rankWithAssessment(target, replaced).ranked[0]?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('the same language, a name sharing nothing with the old one: not even on its very path under the same heading', () => {
    // After a removal and an insertion in the group, another button holds the path with the same rank
    // and count ("Cancel" where "Save" was): a name that shares nothing is no rename by place alone.
    const replaced = toolbar(['New report', 'Share report', 'Save as PDF', 'Filters'], 'en', 'Reports');
    expect(rankWithAssessment(target, replaced).ranked[0]?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('a control moved into a removed one\'s slot, between the same neighbours, without the test id the removed one had, is not it renamed', () => {
    const header = (first: string, over: Partial<ElementFingerprint>) => toolbar([first, 'Filter'], 'en', 'Board').map((b, i) => (i === 0 ? { ...b, ...over } : b));
    const invite: ElementFingerprint = { ...(header('Invite', { testId: 'inviteButton' })[0] as ElementFingerprint), uniqueBy: ['testId', 'accessibleName'] };
    // Release 2 removed Invite; Add card moved into the header, in its slot.
    expect(rankWithAssessment(invite, header('Add card', {})).ranked[0]?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
    // Renamed with its test id kept, it is still found.
    const renamed = rankWithAssessment(invite, header('Add teammates', { testId: 'inviteButton' }));
    expect(renamed.ranked[0]?.index).toBe(0);
    expect(renamed.ranked[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('a regional variant is the same language: en-US against en explains no renamed button', () => {
    const american = toolbar(['Create report', 'Share', 'Download', 'Filter'], 'en-US', 'Reports')[2] as ElementFingerprint;
    const renamed = toolbar(['Criar relatório', 'Compartilhar', 'Baixar', 'Filtrar'], 'en', 'Relatórios');
    expect(rankWithAssessment(american, renamed).ranked[0]?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
    const translated = renamed.map((c) => ({ ...c, lang: 'pt-BR' }));
    expect(rankWithAssessment(american, translated).ranked[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('in the identity rule: place counts only with the name explained, and never for another row', () => {
    const none: Evidence = { uniqueId: 0, sharedId: 0, name: 0, context: 0, contextKnown: true, contradicted: false, nameUnique: false, sharedUnique: false };
    const held = { ...none, inStructure: 1 };
    expect(identityOf(held)).toBe(0);
    expect(identityOf({ ...held, translated: true })).toBeGreaterThanOrEqual(0.7);
    expect(identityOf({ ...held, name: 0.6 })).toBeGreaterThanOrEqual(0.7);
    expect(identityOf({ ...held, translated: true, otherRow: true })).toBe(0);
    expect(identityOf({ ...held, translated: true, inStructure: 0 })).toBe(0);
  });
});

