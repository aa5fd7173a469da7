import { describe, expect, it } from 'vitest';
import type { ElementFingerprint } from '../../../src/schema/fingerprint';
import { ACCEPT_CONFIDENCE, rankWithAssessment } from '../../../src/targeting';

/** An invoice grid's row actions, as the picker records them: an Edit and a Delete per row. */
const label = (i: number) => `INV-2024-0${1000 + i}`;
const action = (name: 'Edit' | 'Delete', i: number, over: Partial<ElementFingerprint> = {}): ElementFingerprint => ({
  tag: 'button',
  role: 'button',
  type: 'button',
  text: name,
  classes: ['btn', 'btn-secondary'],
  isButton: true,
  neighborText: `Invoices · ${label(i)}`,
  adjacentNames: name === 'Edit' ? [label(i), 'Delete'] : ['Edit', label(i + 1)],
  xpath: `/html[1]/body[1]/main[1]/table[1]/tbody[1]/tr[${i + 1}]/td[7]/button[${name === 'Edit' ? 1 : 2}]`,
  rect: { x: 900 + (name === 'Edit' ? 0 : 60), y: 140 + 36 * i, width: 52, height: 28 },
  ordinal: [name === 'Edit' ? 0 : 1, 2],
  lang: 'en',
  ...over,
});

const ROWS = 8;
const grid = (change: (name: 'Edit' | 'Delete', i: number) => ElementFingerprint | null = (n, i) => action(n, i)): ElementFingerprint[] =>
  Array.from({ length: ROWS }, (_, i) => [change('Edit', i), change('Delete', i)]).flat().filter((x): x is ElementFingerprint => x !== null);

/** Captured on release 1: every row has an Edit and a Delete, so neither name was unique. */
const deleteOfRow3: ElementFingerprint = { ...action('Delete', 3), uniqueBy: [] };
const editOfRow3: ElementFingerprint = { ...action('Edit', 3), uniqueBy: [] };

describe('grid rows: another row is another record', () => {
  it('guesses, without answering, the row\'s own element under another name while the other rows\' look-alikes kept the name', () => {
    // Release 2 shows "Remove" in row 3 only: an app renames an action in every row, so one row's
    // control under another name is another action there (a status toggled it), not the Delete renamed.
    const candidates = grid((n, i) => (n === 'Delete' && i === 3 ? action('Delete', 3, { text: 'Remove', rect: { x: 960, y: 248, width: 64, height: 28 } }) : action(n, i)));
    const remove = candidates.findIndex((c) => c.text === 'Remove');
    const { ranked, assessment } = rankWithAssessment(deleteOfRow3, candidates);
    expect(ranked[0]?.index).toBe(remove);
    expect(assessment?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('answers with the row\'s own element renamed in place when the other rows\' look-alikes no longer carry the name either', () => {
    // The other rows now say "Delete draft" (they are drafts); row 3's Delete became "Remove" in its place.
    const candidates = grid((n, i) => (n !== 'Delete' ? action(n, i) : i === 3 ? action('Delete', 3, { text: 'Remove' }) : action('Delete', i, { text: 'Delete draft' })));
    const remove = candidates.findIndex((c) => c.text === 'Remove');
    const { ranked, assessment } = rankWithAssessment(deleteOfRow3, candidates);
    expect(ranked[0]?.index).toBe(remove);
    expect(assessment?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
    expect(ranked[0]?.confidence).toBe(assessment?.confidence);
    expect(ranked.slice(1).every((r) => r.confidence === 0)).toBe(true);
  });

  it('finds it renamed in its row when the app renamed the action in every row', () => {
    const candidates = grid((n, i) => (n === 'Delete' ? action('Delete', i, { text: 'Remove' }) : action(n, i)));
    const { ranked, assessment } = rankWithAssessment(deleteOfRow3, candidates);
    expect(candidates[ranked[0]?.index ?? -1]?.neighborText).toBe(deleteOfRow3.neighborText);
    expect(candidates[ranked[0]?.index ?? -1]?.text).toBe('Remove');
    expect(assessment?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('abstains when the row lost its Delete and nothing took its place: the row\'s Edit is not it', () => {
    const candidates = grid((n, i) => (n === 'Delete' && i === 3 ? null : n === 'Edit' && i === 3 ? action('Edit', 3, { adjacentNames: [label(3), label(4)] }) : action(n, i)));
    const { ranked, assessment } = rankWithAssessment(deleteOfRow3, candidates);
    expect(assessment?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
    expect(ranked[0]?.confidence ?? 0).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('abstains when the record itself is gone: every Delete left is another record\'s', () => {
    const candidates = grid((n, i) => (i === 3 ? null : action(n, i)));
    const { ranked, assessment } = rankWithAssessment(deleteOfRow3, candidates);
    expect(assessment?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
    expect(ranked.every((r) => r.confidence < ACCEPT_CONFIDENCE)).toBe(true);
  });

  it('guesses the Edit moved out of its row (into a toolbar under the grid) over the Edit of another row, without answering', () => {
    const toolbarEdit = action('Edit', 0, {
      neighborText: 'Invoices',
      adjacentNames: ['Delete', 'Previous'],
      xpath: '/html[1]/body[1]/main[1]/div[3]/button[1]',
      rect: { x: 40, y: 480, width: 52, height: 28 },
      ordinal: [0, 3],
    });
    const candidates = [...grid((n, i) => (n === 'Edit' && i === 3 ? null : action(n, i))), toolbarEdit];
    const { ranked, assessment } = rankWithAssessment(editOfRow3, candidates);
    // Below the threshold: a toolbar's Edit may as well be another control that was always there.
    expect(assessment?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
    expect(ranked[0]?.index).toBe(candidates.length - 1);
    expect(ranked.map((r) => r.index).sort((a, b) => a - b)).toEqual(candidates.map((_, i) => i));
  });

  it('guesses it moved out even when it scores far below the other rows\' Edits (restyled, far away), by its name', () => {
    const restyledEdit = action('Edit', 0, {
      neighborText: 'Invoices',
      classes: ['toolbar-action'],
      type: undefined,
      adjacentNames: ['Refresh', 'Export'],
      xpath: '/html[1]/body[1]/main[1]/button[1]',
      rect: { x: 700, y: 40, width: 60, height: 30 },
      ordinal: [5, 9],
    });
    const candidates = [...grid((n, i) => (n === 'Edit' && i === 3 ? null : action(n, i))), restyledEdit];
    const { ranked, assessment } = rankWithAssessment(editOfRow3, candidates);
    expect(assessment?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
    expect(ranked[0]?.index).toBe(candidates.length - 1);
    // On a page where nothing outside the rows carries the name, the guess stays with the leaders.
    const refresh = { ...restyledEdit, text: 'Refresh' };
    const none = [...grid((n, i) => (n === 'Edit' && i === 3 ? null : action(n, i))), refresh];
    expect(rankWithAssessment(editOfRow3, none).ranked[0]?.index).not.toBe(none.length - 1);
  });

  it('still answers in score order when the target\'s row kept it', () => {
    const { ranked, assessment } = rankWithAssessment(deleteOfRow3, grid());
    expect(assessment?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
    expect(grid()[ranked[0]?.index ?? -1]?.xpath).toBe(deleteOfRow3.xpath);
  });
});
