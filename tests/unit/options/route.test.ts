import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, sectionOf } from '../../../options-ui/route';

describe('routes', () => {
  it.each([
    ['', { page: 'flows' }],
    ['#/', { page: 'flows' }],
    ['#/flows', { page: 'flows' }],
    ['#/flows/new', { page: 'flow', id: null }],
    ['#/flows/crm-first-deal', { page: 'flow', id: 'crm-first-deal' }],
    ['#/features/new', { page: 'feature', id: null }],
    ['#/features/save%20deal', { page: 'feature', id: 'save deal' }],
    ['#/import', { page: 'import' }],
    ['#/activity', { page: 'activity' }],
    ['#/nonsense/1', { page: 'flows' }],
    ['#/flows/%E0%A4%A', { page: 'flow', id: '%E0%A4%A' }],
  ])('reads %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('writes what it reads', () => {
    for (const r of [{ page: 'flow', id: 'a b' }, { page: 'feature', id: null }, { page: 'activity' }] as const) {
      expect(parseRoute(routeHref(r))).toEqual(r);
    }
    expect(sectionOf({ page: 'flow', id: 'x' })).toBe('flows');
  });
});
