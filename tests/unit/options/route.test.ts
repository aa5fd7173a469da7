import { pickedEditorHash, PickerNextSchema } from '../../../src/messages/picker';
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
    ['#/prompts', { page: 'guidance', kind: 'prompt' }],
    ['#/tips/new', { page: 'guidanceItem', kind: 'tip', id: null }],
    ['#/beacons/new-export', { page: 'guidanceItem', kind: 'beacon', id: 'new-export' }],
    ['#/checklists', { page: 'guidance', kind: 'checklist' }],
    ['#/import', { page: 'import' }],
    ['#/activity', { page: 'activity' }],
    ['#/insights', { page: 'insights' }],
    ['#/flows/crm-first-deal/step/add%20contact', { page: 'flow', id: 'crm-first-deal', step: 'add contact' }],
    ['#/flows/crm-first-deal/other/x', { page: 'flow', id: 'crm-first-deal' }],
    ['#/nonsense/1', { page: 'flows' }],
    ['#/flows/%E0%A4%A', { page: 'flow', id: '%E0%A4%A' }],
  ])('reads %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('writes what it reads', () => {
    for (const r of [{ page: 'flow', id: 'a b' }, { page: 'flow', id: 'a/b', step: 's 1' }, { page: 'feature', id: null }, { page: 'activity' }, { page: 'insights' }] as const) {
      expect(parseRoute(routeHref(r))).toEqual(r);
    }
    expect(sectionOf({ page: 'flow', id: 'x' })).toBe('flows');
    for (const r of [{ page: 'guidance', kind: 'prompt' }, { page: 'guidanceItem', kind: 'checklist', id: 'a/b' }, { page: 'guidanceItem', kind: 'tip', id: null }] as const) {
      expect(parseRoute(routeHref(r))).toEqual(r);
    }
    expect(routeHref({ page: 'guidanceItem', kind: 'beacon', id: null })).toBe('#/beacons/new');
    expect(sectionOf({ page: 'guidanceItem', kind: 'tip', id: 'x' })).toBe('tips');
    // Names that are ordinary object keys are not sections.
    expect(parseRoute('#/constructor')).toEqual({ page: 'flows' });
  });

  it('opens a new document of each kind with the pick the background names (pickedEditorHash)', () => {
    const id = '4b9c6a1e-0d7f-4a53-9c1e-2f6b8d0a7e31';
    expect(parseRoute(pickedEditorHash('flow', id))).toEqual({ page: 'flow', id: null, pick: id });
    expect(parseRoute(pickedEditorHash('feature', id))).toEqual({ page: 'feature', id: null, pick: id });
    expect(parseRoute(pickedEditorHash('tip', id))).toEqual({ page: 'guidanceItem', kind: 'tip', id: null, pick: id });
    expect(parseRoute(pickedEditorHash('prompt', id))).toEqual({ page: 'guidanceItem', kind: 'prompt', id: null, pick: id });
    expect(parseRoute(pickedEditorHash('beacon', id))).toEqual({ page: 'guidanceItem', kind: 'beacon', id: null, pick: id });
    for (const next of PickerNextSchema.options) expect(routeHref(parseRoute(pickedEditorHash(next, id)))).toBe(pickedEditorHash(next, id));
    // Only a new document takes a pick; an existing one is opened as it is.
    expect(parseRoute(`#/flows/f1/pick/${id}`)).toEqual({ page: 'flow', id: 'f1' });
    expect(parseRoute('#/flows/new/pick')).toEqual({ page: 'flow', id: null });
  });
});
