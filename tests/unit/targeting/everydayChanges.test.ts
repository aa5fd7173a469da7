import { describe, expect, it } from 'vitest';
import type { ElementFingerprint } from '../../../src/schema/fingerprint';
import { ACCEPT_CONFIDENCE, rankWithAssessment, uniqueFields } from '../../../src/targeting';

/**
 * Changes that no benchmark operator makes but every host app does between two visits, or between the
 * admin who captured a step and the employee who plays it: counts and dates inside names, letter case,
 * badges, emoji and shortcut hints, another user's own name on the account menu. And the one that must
 * not be taken for a rename: a link to another place in a removed link's slot.
 */

type Item = [name: string, extra?: Partial<ElementFingerprint>];

/** Items of a menu or toolbar under a heading: links get an href from their first word. */
function group(items: readonly Item[], heading: string, tag: 'a' | 'button'): ElementFingerprint[] {
  return items.map(([text, extra], i) => ({
    tag,
    role: tag === 'a' ? 'link' : 'button',
    text,
    lang: 'en',
    neighborText: heading,
    classes: ['menu-item'],
    xpath: `/html[1]/body[1]/nav[1]/${tag}[${i + 1}]`,
    indexPath: `0/1/0/${i}`,
    rect: { x: 10, y: 40 + 30 * i, width: 160, height: 24 },
    adjacentNames: [items[i - 1]?.[0] ?? '', items[i + 1]?.[0] ?? ''],
    ordinal: [i, items.length],
    ...(tag === 'a' ? { href: `/${(text.split(/\W/)[0] ?? '').toLowerCase()}` } : {}),
    ...extra,
  }));
}

/** The confident answer for `r1[index]` (captured as the picker does) on `r2`, or `null` for none. */
function answer(r1: ElementFingerprint[], index: number, r2: ElementFingerprint[]): number | null {
  const target = { ...(r1[index] as ElementFingerprint), uniqueBy: uniqueFields(r1[index] as ElementFingerprint, r1) };
  const top = rankWithAssessment(target, r2).ranked[0];
  return top !== undefined && top.confidence >= ACCEPT_CONFIDENCE ? top.index : null;
}

const mail = (inbox: string, drafts: string) => group([[inbox, { href: '/inbox' }], ['Starred'], ['Sent'], [drafts, { href: '/drafts' }], ['Spam']], 'Mail', 'a');

describe('everyday changes a step survives', () => {
  it('counts inside names', () => {
    expect(answer(mail('Inbox 3', 'Drafts 1'), 0, mail('Inbox 12', 'Drafts 4'))).toBe(0);
    expect(answer(mail('Inbox (3)', 'Drafts (1)'), 3, mail('Inbox (120)', 'Drafts (27)'))).toBe(3);
  });

  it('letter case, a badge, an emoji, a dropped ellipsis, a shortcut hint', () => {
    expect(answer(group([['Sign in'], ['Register']], 'Account', 'button'), 0, group([['SIGN IN'], ['REGISTER']], 'Account', 'button'))).toBe(0);
    const nav = (reports: string, settings: string) => group([['Home'], [reports, { href: '/reports' }], [settings, { href: '/settings' }]], 'Main', 'a');
    expect(answer(nav('Reports', 'Settings'), 1, nav('Reports New', 'Settings'))).toBe(1);
    expect(answer(nav('Reports', 'Settings'), 2, nav('Reports', '⚙️ Settings'))).toBe(2);
    const file = (names: string[]) => group(names.map((n) => [n] as Item), 'File', 'button');
    expect(answer(file(['Import…', 'Export…', 'Print']), 1, file(['Import', 'Export', 'Print']))).toBe(1);
    expect(answer(file(['Search', 'New']), 0, file(['Search ⌘K', 'New']))).toBe(0);
  });

  it('a date in a name', () => {
    const reports = (month: string) => group([['Overview'], [`Report for ${month} 2026`, { href: '/report' }], ['Archive']], 'Reports', 'a');
    expect(answer(reports('Nov'), 1, reports('Dec'))).toBe(1);
  });

  it('another user’s own name on the account menu, where the admin’s was', () => {
    const header = (user: string) => group([['Help'], [user]], 'Header', 'button');
    expect(answer(header('Alice Smith'), 1, header('Bob Jones'))).toBe(1);
  });
});

describe('what is not a rename', () => {
  const nav = (last: Item) => group([['Home'], ['Reports'], last], 'Main', 'a');

  it('a link to another place in a removed link’s slot is another link', () => {
    expect(answer(nav(['Settings']), 2, nav(['Help']))).toBeNull();
  });

  it('the same link renamed in place is the target', () => {
    expect(answer(nav(['Settings']), 2, nav(['Preferences', { href: '/settings' }]))).toBe(2);
  });
});
