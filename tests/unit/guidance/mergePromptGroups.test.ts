import { describe, expect, it } from 'vitest';
import { mergePromptGroups, type PromptGroup } from '../../../content-scripts/guidance/mergePromptGroups';

const group = (ids: string[], unasked: string[] = ids, signal = 0): PromptGroup<string> => ({ templates: ids, unasked: new Set(unasked), signal });

describe('prompt helpers on the same input', () => {
  it('groups whose fingerprints found the same element open as one, owned by the smallest key', () => {
    const input = { id: 'textarea' };
    const other = { id: 'search' };
    const groups = new Map([
      ['b', group(['reorder'], ['reorder'], 2)],
      ['a', group(['followup'], [])],
      ['c', group(['search'])],
    ]);
    const merged = mergePromptGroups(groups, new Map<string, unknown>([['a', input], ['b', input], ['c', other]]));
    expect(merged.get('a')).toEqual({ templates: ['followup', 'reorder'], unasked: new Set(['reorder']), signal: 2, dormant: false });
    expect(merged.get('b')?.dormant).toBe(true);
    expect(merged.get('c')).toEqual({ templates: ['search'], unasked: new Set(['search']), signal: 0, dormant: false });
  });

  it('a group that found nothing yet, or whose element parted ways, stands alone', () => {
    const groups = new Map([
      ['a', group(['x'])],
      ['b', group(['y'])],
    ]);
    expect([...mergePromptGroups(groups, new Map()).values()].map((g) => [g.templates, g.dormant])).toEqual([
      [['x'], false],
      [['y'], false],
    ]);
    const split = mergePromptGroups(groups, new Map<string, unknown>([['a', {}], ['b', {}]]));
    expect([...split.values()].every((g) => !g.dormant)).toBe(true);
  });
});
