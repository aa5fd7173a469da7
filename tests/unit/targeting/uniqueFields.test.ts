import { describe, expect, it } from 'vitest';
import type { ElementFingerprint } from '../../../src/schema/fingerprint';
import { ACCEPT_CONFIDENCE, rankWithAssessment, uniqueFields } from '../../../src/targeting';

const save = (section: string, over: Partial<ElementFingerprint> = {}): ElementFingerprint => ({
  tag: 'button',
  role: 'button',
  text: 'Save',
  testId: 'save-button',
  neighborText: section,
  ...over,
});

describe('uniqueFields', () => {
  it('lists the identifying fields no other candidate shares', () => {
    const target = save('Billing address', { name: 'saveBilling' });
    const page = [target, save('Shipping address', { name: 'saveShipping' }), { tag: 'button', text: 'Cancel' }];
    expect(uniqueFields(target, page).sort()).toEqual(['name']);
    expect(uniqueFields(target, [target]).sort()).toEqual(['accessibleName', 'name', 'testId']);
  });

  it('leaves out fields the matcher does not trust (generated ids) and fields the target lacks', () => {
    const target: ElementFingerprint = { tag: 'input', id: ':r1f:', label: 'Email' };
    expect(uniqueFields(target, [target])).toEqual(['accessibleName']);
  });
});

describe('uniqueBy in the abstain rule', () => {
  const captured = save('Billing address');
  const others = [{ tag: 'button', text: 'Cancel', neighborText: 'Billing address' }, { tag: 'a', href: '/help', text: 'Help' }];

  it('anchors to the only holder in other surroundings when the target was the only one when captured', () => {
    const moved = save('Payment');
    const known = { ...captured, uniqueBy: uniqueFields(captured, [captured, ...others]) };
    const { assessment } = rankWithAssessment(known, [moved, ...others]);
    expect(assessment?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('abstains there when the capture page had a namesake (the target may be the one removed)', () => {
    const namesake = save('Shipping address');
    const known = { ...captured, uniqueBy: uniqueFields(captured, [captured, namesake, ...others]) };
    expect(known.uniqueBy).toEqual([]);
    expect(rankWithAssessment(known, [namesake, ...others]).assessment?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
    // And without `uniqueBy` (not known), the same.
    expect(rankWithAssessment(captured, [namesake, ...others]).assessment?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });
});

describe('adjacentNames in the abstain rule', () => {
  const toolbar = (names: string[], over: Partial<ElementFingerprint> = {}): ElementFingerprint[] =>
    names.map((text, i) => ({
      tag: 'button',
      role: 'button',
      text,
      neighborText: 'Reports',
      adjacentNames: [names[i - 1] ?? '', names[i + 1] ?? ''] as [string, string],
      indexPath: `0/1/${i}`,
      rect: { x: 10 + 90 * i, y: 40, width: 80, height: 24 },
      ...over,
    }));

  it('anchors to the reworded element that still sits between the same two neighbours', () => {
    const [target] = toolbar(['New', 'Export', 'Filter']).slice(1);
    const release2 = toolbar(['New', 'Save as PDF', 'Filter']);
    const { ranked, assessment } = rankWithAssessment(target as ElementFingerprint, release2);
    expect(ranked[0]?.index).toBe(1);
    expect(assessment?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('abstains when the element is gone and its neighbour slid into its place', () => {
    const [target] = toolbar(['New', 'Export', 'Filter', 'Columns']).slice(1);
    const release2 = toolbar(['New', 'Filter', 'Columns']);
    expect(rankWithAssessment(target as ElementFingerprint, release2).assessment?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });
});

describe('a name unique when captured, now shared with a look-alike', () => {
  const form = (names: string[], section: string): ElementFingerprint[] =>
    names.map((label, i) => ({ tag: 'input', type: 'text', label, neighborText: section, adjacentNames: [names[i - 1] ?? '', names[i + 1] ?? ''] as [string, string] }));
  const captured = form(['Name', 'Company', 'Phone'], 'Contact details');
  const target = captured[1] as ElementFingerprint;
  // The section heading reworded, and a second "Company" field added elsewhere (a search filter).
  const decoy: ElementFingerprint = { tag: 'input', type: 'text', label: 'Company', neighborText: 'Search', adjacentNames: ['', 'Owner'] };
  const release2 = [...form(['Name', 'Company', 'Phone'], 'Contact information'), decoy];

  it('anchors to the namesake that still sits between the same two neighbours', () => {
    const known = { ...target, uniqueBy: uniqueFields(target, captured) };
    expect(known.uniqueBy).toContain('accessibleName');
    const { ranked, assessment } = rankWithAssessment(known, release2);
    expect(ranked[0]?.index).toBe(1);
    expect(assessment?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('abstains when the name was not known to be unique, or when two namesakes sit in that place', () => {
    expect(rankWithAssessment(target, release2).assessment?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
    const known = { ...target, uniqueBy: uniqueFields(target, captured) };
    const twin = { ...(release2[1] as ElementFingerprint), neighborText: 'Billing' };
    expect(rankWithAssessment(known, [...release2, twin]).assessment?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('abstains when the target is gone and look-alikes remain elsewhere only', () => {
    const known = { ...target, uniqueBy: uniqueFields(target, captured) };
    const gone = [...form(['Name', 'Phone'], 'Contact information'), decoy, { ...decoy, neighborText: 'Filters', adjacentNames: ['Owner', ''] as [string, string] }];
    expect(rankWithAssessment(known, gone).assessment?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });
});

describe('a name unique when captured, now shared, one neighbour reworded', () => {
  const toolbar = (names: string[], section: string): ElementFingerprint[] =>
    names.map((text, i) => ({ tag: 'button', role: 'button', text, neighborText: section, adjacentNames: [names[i - 1] ?? '', names[i + 1] ?? ''] as [string, string] }));
  const captured = toolbar(['Cancel', 'Change password', 'Save'], 'Security');
  const target = { ...(captured[1] as ElementFingerprint), uniqueBy: uniqueFields(captured[1] as ElementFingerprint, captured) };
  // The release rewords the heading and "Save", and a second "Change password" lands in another card.
  const release2 = [...toolbar(['Cancel', 'Change password', 'Apply'], 'Sign-in & security'), ...toolbar(['Disconnect', 'Change password', 'Remove'], 'Salesforce')];

  it('anchors to the namesake that kept one of the target neighbours on the same side', () => {
    expect(target.uniqueBy).toContain('accessibleName');
    const { ranked, assessment } = rankWithAssessment(target, release2);
    expect(ranked[0]?.index).toBe(1);
    expect(assessment?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('abstains when two namesakes keep one (a copy inserted beside the original), or the name was not unique', () => {
    const copyBeside = toolbar(['Cancel', 'Change password', 'Change password', 'Save'], 'Sign-in & security');
    expect(rankWithAssessment(target, copyBeside).assessment?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
    expect(rankWithAssessment({ ...target, uniqueBy: [] }, release2).assessment?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('abstains when the kept neighbour sits on the other side (the group was reordered)', () => {
    const swapped = [...toolbar(['Apply', 'Change password', 'Cancel'], 'Sign-in & security'), ...toolbar(['Disconnect', 'Change password', 'Remove'], 'Salesforce')];
    expect(rankWithAssessment(target, swapped).assessment?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });
});

describe('contradicting identifiers', () => {
  const prompt: ElementFingerprint = { tag: 'textarea', name: 'prompt', testId: 'ai-assistant-input', label: 'Ask the AI assistant', neighborText: 'AI assistant' };
  const other: ElementFingerprint = { tag: 'textarea', name: 'notes', label: 'Notes', neighborText: 'Deal' };

  it('a test id renamed in a refactor, while the form name holds, is the same element', () => {
    const renamed = { ...prompt, testId: 'assistant-prompt' };
    expect(rankWithAssessment(prompt, [other, renamed]).assessment?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('a link to another record is another element, whatever test id it shares', () => {
    const link = (href: string): ElementFingerprint => ({ tag: 'a', href, testId: 'migrate-database-link', text: 'Migrate database', neighborText: 'In progress' });
    // The target's card was removed; a card with the same title (and so the same derived test id) remains.
    expect(rankWithAssessment(link('/tasks/167'), [link('/tasks/703')]).assessment?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });
});

describe('a name known to have had a namesake when captured', () => {
  const country = (section: string, over: Partial<ElementFingerprint> = {}): ElementFingerprint => ({
    tag: 'select',
    role: 'combobox',
    text: 'Germany',
    neighborText: `${section} ·  · Country`,
    ...over,
  });
  const page = [country('Shipping address'), country('Billing address'), { tag: 'button', role: 'button', text: 'Place order', neighborText: 'Review' }];
  const target = { ...(page[0] as ElementFingerprint), uniqueBy: uniqueFields(page[0] as ElementFingerprint, page) };

  it('abstains when the target is gone and its namesake under another section (the same caption) is left', () => {
    expect(target.uniqueBy).not.toContain('accessibleName');
    const gone = page.slice(1);
    expect(rankWithAssessment(target, gone).assessment?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('still anchors to it in its own section', () => {
    const { ranked, assessment } = rankWithAssessment(target, page);
    expect(ranked[0]?.index).toBe(0);
    expect(assessment?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });
});

describe('a name unique when captured, reworded, and gone from the page', () => {
  const bar = (names: string[], section?: string): ElementFingerprint[] =>
    names.map((text, i) => ({ tag: 'button', role: 'button', text, ...(section === undefined ? {} : { neighborText: section }), adjacentNames: [names[i - 1] ?? '', names[i + 1] ?? ''] as [string, string] }));
  const captured = bar(['Archive', 'Move to', 'Refresh', 'Labels']);
  const target = { ...(captured[2] as ElementFingerprint), uniqueBy: uniqueFields(captured[2] as ElementFingerprint, captured) };

  it('anchors to the only element whose name shares words with the old one, moved among reworded neighbours', () => {
    const release2 = bar(['Archive message', 'Move to folder', 'Labels', 'Refresh list']);
    const { ranked, assessment } = rankWithAssessment(target, release2);
    expect(ranked[0]?.index).toBe(3);
    expect(assessment?.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it('abstains when two names share words with it, or when the name was not known to be unique', () => {
    expect(rankWithAssessment(target, bar(['Archive', 'Refresh all', 'Labels', 'Refresh list'])).assessment?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
    expect(rankWithAssessment({ ...target, uniqueBy: [] }, bar(['Archive message', 'Move to folder', 'Labels', 'Refresh list'])).assessment?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('abstains when what is left is the opener of the section the target sat in (a dialog’s "Create" gone, "Create report" remains)', () => {
    const dialog = bar(['Cancel', 'Create'], 'Create report');
    const create = { ...(dialog[1] as ElementFingerprint), uniqueBy: uniqueFields(dialog[1] as ElementFingerprint, [...dialog, ...bar(['New report', 'Share'], 'Reports')]) };
    expect(create.uniqueBy).toContain('accessibleName');
    const gone = [...bar(['Cancel'], 'Create report'), { tag: 'button', role: 'button', text: '◆', ariaLabel: 'New report', title: 'Create report', neighborText: 'Reports', adjacentNames: ['', 'Share'] as [string, string] }, ...bar(['Share'], 'Reports')];
    expect(rankWithAssessment(create, gone).assessment?.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });
});
