import { describe, expect, it } from 'vitest';
import { filterEntries, type LauncherEntry } from '../../../src/ui/guidance/filterEntries';

const entries: LauncherEntry[] = [
  { key: 'guide:tour', kind: 'guide', title: 'Tour of the orders grid', detail: 'Two minutes' },
  { key: 'tip:po', kind: 'tip', title: 'Purchase order number', detail: '' },
  { key: 'prompt:reorder', kind: 'prompt', title: 'Draft a réorder request', detail: 'For the selected order' },
];
const keys = (q: string) => filterEntries(entries, q).map((e) => e.key);

describe('launcher search', () => {
  it('keeps everything, in order, for an empty query', () => {
    expect(keys('  ')).toEqual(['guide:tour', 'tip:po', 'prompt:reorder']);
  });
  it('needs every word to start a word of the title, detail or kind, ignoring case and accents', () => {
    expect(keys('REORD')).toEqual(['prompt:reorder']);
    expect(keys('order')).toEqual(['guide:tour', 'tip:po', 'prompt:reorder']);
    expect(keys('tour grid')).toEqual(['guide:tour']);
    expect(keys('tip')).toEqual(['tip:po']);
    expect(keys('rder')).toEqual([]);
    expect(keys('tour tip')).toEqual([]);
  });
});
