import { describe, expect, it } from 'vitest';
import type { ElementFingerprint } from '../../../src/schema/fingerprint';
import { ACCEPT_CONFIDENCE, rankCandidates, rankWithAssessment } from '../../../src/targeting';
import { compileTarget } from '../../../src/targeting/compileTarget';
import { SEPARATION_FULL } from '../../../src/targeting/confidence';

/** A toolbar button as `fingerprintOf` would capture it. */
function button(text: string, i: number, over: Partial<ElementFingerprint> = {}): ElementFingerprint {
  return {
    tag: 'button',
    role: 'button',
    classes: ['btn', `css-${(i * 7919 + 1234).toString(36)}x1`],
    text,
    neighborText: 'Invoices',
    xpath: `/html[1]/body[1]/main[1]/div[1]/button[${i + 1}]`,
    indexPath: `0/1/0/0/${i}`,
    rect: { x: 20 + i * 90, y: 100, width: 80, height: 24 },
    isButton: true,
    ...over,
  };
}

const toolbar = ['New', 'Import', 'Export', 'Filter', 'Columns', 'Refresh'];
const page = () => toolbar.map((t, i) => button(t, i));

/** The exact weighted score of every candidate, without the ranker's shortcuts. */
function bruteForce(target: ElementFingerprint, candidates: ElementFingerprint[]): number[] {
  const c = compileTarget(target);
  const signals = [...c.first, ...c.middle, ...c.late];
  return candidates.map((x) => Math.min(1, Math.max(0, signals.reduce((s, sig) => s + sig.weight * sig.similarity(x), 0) / c.totalWeight)));
}

describe('rankCandidates', () => {
  it('finds an unchanged target with full confidence, best first, indexes into the input', () => {
    const candidates = page();
    const ranked = rankCandidates(candidates[2] as ElementFingerprint, candidates);
    expect(ranked).toHaveLength(candidates.length);
    expect(ranked[0]?.index).toBe(2);
    expect(ranked[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
    for (const r of ranked) {
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    expect(ranked.slice(1).every((r) => r.confidence === 0)).toBe(true);
    expect(new Set(ranked.map((r) => r.index)).size).toBe(candidates.length);
  });

  it('finds the target after a release regenerated its classes, reordered the toolbar and shifted it down', () => {
    const target = button('Export', 2);
    const release = ['Refresh', 'Export', 'New', 'Import', 'Filter', 'Columns'].map((t, i) =>
      button(t, i, { classes: ['btn', `css-${(i * 104729 + 77).toString(36)}q9`], rect: { x: 20 + i * 90, y: 160, width: 80, height: 24 } }),
    );
    const ranked = rankCandidates(target, release);
    expect(release[ranked[0]?.index ?? -1]?.text).toBe('Export');
    expect(ranked[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('abstains on a near-tie: two identical look-alikes', () => {
    const target = button('Save', 0);
    const twins = [button('Save', 0), button('Save', 0)];
    const { ranked, assessment } = rankWithAssessment(target, twins);
    expect(ranked[0]?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
    expect(assessment?.separation).toBe(0);
  });

  it('abstains when nothing is close: the target was removed and its neighbour slid into its place', () => {
    const target = button('Export', 2);
    const release = page().filter((c) => c.text !== 'Export').map((c, i) => ({ ...c, xpath: `/html[1]/body[1]/main[1]/div[1]/button[${i + 1}]`, rect: { x: 20 + i * 90, y: 100, width: 80, height: 24 } }));
    const { ranked, assessment } = rankWithAssessment(target, release);
    expect(ranked[0]?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
    expect(assessment?.identity).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('abstains when the only namesake sits in another row', () => {
    const row = (label: string, i: number) => button('Edit', 0, { neighborText: `Invoices · ${label}`, xpath: `/html[1]/body[1]/table[1]/tbody[1]/tr[${i}]/td[7]/button[1]`, rect: { x: 600, y: 100 + 30 * i, width: 40, height: 24 } });
    const target = row('INV-2024-0042', 5);
    const withTarget = [row('INV-2024-0041', 4), row('INV-2024-0042', 5), row('INV-2024-0043', 6)];
    const found = rankCandidates(target, withTarget);
    expect(found[0]?.index).toBe(1);
    expect(found[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
    const removed = [row('INV-2024-0041', 4), row('INV-2024-0043', 5)];
    expect(rankCandidates(target, removed)[0]?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('accepts a moved element whose name nothing else on the page carries, but not a namesake elsewhere', () => {
    const target = button('Export', 2, { neighborText: undefined });
    const moved: ElementFingerprint[] = page().map((c) => ({ ...c, neighborText: undefined }));
    moved[2] = { ...(moved[2] as ElementFingerprint), xpath: '/html[1]/body[1]/header[1]/button[1]', rect: { x: 700, y: 10, width: 80, height: 24 } };
    expect(rankCandidates(target, moved)[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
    const twoExports = [...moved, { ...(moved[2] as ElementFingerprint), xpath: '/html[1]/body[1]/footer[1]/button[1]', rect: { x: 0, y: 900, width: 80, height: 24 } }];
    expect(rankCandidates(target, twoExports)[0]?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('a contradicting test id keeps a look-alike from being accepted', () => {
    const target = button('Save', 0, { testId: 'save-contact', neighborText: undefined });
    const other = button('Save', 0, { testId: 'save-invoice', neighborText: undefined });
    expect(rankCandidates(target, [other])[0]?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('a written id is found wherever the element moved', () => {
    const target = button('Export', 2, { id: 'export-csv' });
    const release = page();
    release[2] = { ...(release[2] as ElementFingerprint), id: 'export-csv', text: 'Download', neighborText: 'Reports', xpath: '/html[1]/body[1]/aside[1]/button[1]', rect: { x: 900, y: 600, width: 80, height: 24 } };
    const ranked = rankCandidates(target, release);
    expect(ranked[0]?.index).toBe(2);
    expect(ranked[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('works with missing fields: a bare tag ranks, but names nothing and abstains', () => {
    const bare = rankCandidates({ tag: 'button' }, [{ tag: 'button' }, { tag: 'a' }, { tag: 'button', text: 'Save' }]);
    expect(bare).toHaveLength(3);
    expect(bare[0]?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
    const sparse = rankCandidates({ tag: 'a', text: 'Settings' }, [{ tag: 'a' }, { tag: 'a', text: 'Settings' }, { tag: 'div' }]);
    expect(sparse[0]?.index).toBe(1);
    expect(sparse[0]?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('returns nothing for no candidates', () => {
    expect(rankCandidates({ tag: 'button' }, [])).toEqual([]);
    expect(rankWithAssessment({ tag: 'button' }, []).assessment).toBeNull();
  });

  it('skips work only where it cannot matter: the leaders score exactly as without shortcuts', () => {
    const candidates: ElementFingerprint[] = [];
    for (let r = 0; r < 200; r++) {
      for (const t of ['Edit', 'Delete']) {
        candidates.push(button(t, r % 2, { neighborText: `Invoices · INV-${1000 + r}`, xpath: `/html[1]/body[1]/table[1]/tbody[1]/tr[${r + 1}]/td[7]/button[${t === 'Edit' ? 1 : 2}]`, rect: { x: 600, y: 100 + r * 30, width: 40, height: 24 } }));
      }
    }
    const target = { ...(candidates[2 * 137] as ElementFingerprint), classes: ['btn', 'css-zz9z'] };
    const ranked = rankCandidates(target, candidates);
    const exact = bruteForce(target, candidates);
    const best = Math.max(...exact);
    expect(ranked[0]?.index).toBe(2 * 137);
    expect(ranked[0]?.score).toBeCloseTo(best, 9);
    for (const r of ranked) {
      const truth = exact[r.index] as number;
      // Exact or a lower bound; exact wherever it could have mattered to the abstain rule.
      expect(r.score).toBeLessThanOrEqual(truth + 1e-9);
      if (truth >= best - SEPARATION_FULL) expect(r.score).toBeCloseTo(truth, 9);
    }
  });
});
