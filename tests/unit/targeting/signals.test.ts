import { describe, expect, it } from 'vitest';
import type { ElementFingerprint } from '../../../src/schema/fingerprint';
import { classSignal } from '../../../src/targeting/classSignal';
import { hrefSignal, identitySignal, normalizeHref } from '../../../src/targeting/identitySignals';
import { ordinalSignal, pathSignal, rectSignal, scopeSignal } from '../../../src/targeting/placeSignals';
import { rectSimilarity } from '../../../src/targeting/rectSimilarity';
import { effectiveRole, roleSignal, tagSignal, typeSignal } from '../../../src/targeting/shapeSignals';
import { accessibleNameSignal, captionNameSignal, neighborTextSignal } from '../../../src/targeting/textSignals';

const fp = (over: Partial<ElementFingerprint>): ElementFingerprint => ({ tag: 'button', ...over });

describe('shape signals', () => {
  it('tag: same tag, or the same kind of control under another tag', () => {
    const s = tagSignal(fp({}));
    expect(s.similarity(fp({}))).toBe(1);
    expect(s.similarity(fp({ tag: 'div', role: 'button' }))).toBe(0.6);
    expect(s.similarity(fp({ tag: 'input', type: 'text' }))).toBe(0);
  });

  it('role: implicit roles count, so <button> meets <div role=button>', () => {
    expect(effectiveRole(fp({}))).toBe('button');
    expect(effectiveRole(fp({ tag: 'a', href: '/x' }))).toBe('link');
    expect(effectiveRole(fp({ tag: 'div' }))).toBeUndefined();
    const s = roleSignal(fp({}));
    expect(s?.similarity(fp({ tag: 'div', role: 'button' }))).toBe(1);
    expect(s?.similarity(fp({ tag: 'a', href: '/x' }))).toBe(0);
    expect(roleSignal(fp({ tag: 'div' }))).toBeNull();
  });

  it('type: text-like inputs are near relatives, checkbox is not', () => {
    const s = typeSignal(fp({ tag: 'input', type: 'email' }));
    expect(s?.similarity(fp({ tag: 'input', type: 'email' }))).toBe(1);
    expect(s?.similarity(fp({ tag: 'input', type: 'text' }))).toBe(0.5);
    expect(s?.similarity(fp({ tag: 'input', type: 'checkbox' }))).toBe(0);
  });

  it('classes: written parts match across rebuilds, generated hashes barely count', () => {
    const s = classSignal(fp({ classes: ['btn', 'Toolbar_save__a8f3k', 'css-1x2y3z'] }));
    expect(s).not.toBeNull();
    expect(s?.similarity(fp({ classes: ['btn', 'Toolbar_save__9zq1x', 'css-7k3m2p'] }))).toBeGreaterThan(0.85);
    expect(s?.similarity(fp({ classes: ['link'] }))).toBe(0);
    expect(classSignal(fp({ classes: ['css-1x2y3z'] }))?.weight).toBeLessThan(s?.weight ?? 0);
    expect(classSignal(fp({}))).toBeNull();
  });
});

describe('identity signals', () => {
  it('test id: equal, same written part, or a contradiction', () => {
    const s = identitySignal(fp({ testId: 'save-contact' }), 'testId', 5);
    expect(s?.witness).toBe('strong');
    expect(s?.similarity(fp({ testId: 'save-contact' }))).toBe(1);
    expect(s?.similarity(fp({}))).toBe(0);
    expect(s?.similarity(fp({ testId: 'save-invoice' }))).toBeLessThan(0);
  });

  it('id: a generated id weighs little and witnesses nothing; a different written id is no contradiction', () => {
    const generated = identitySignal(fp({ id: 'ember123' }), 'id', 4);
    const written = identitySignal(fp({ id: 'contact-save' }), 'id', 4);
    expect(generated?.weight).toBeLessThan(written?.weight ?? 0);
    expect(generated?.witness).toBe('none');
    expect(written?.similarity(fp({ id: 'contact-cancel' }))).toBe(0);
    expect(identitySignal(fp({ id: 'Form_email__x8k2j' }), 'id', 4)?.similarity(fp({ id: 'Form_email__p0q9z' }))).toBe(0.9);
  });

  it('form name: another field is a contradiction', () => {
    const s = identitySignal(fp({ tag: 'input', name: 'shippingCity' }), 'name', 3.5);
    expect(s?.similarity(fp({ tag: 'input', name: 'shippingCity' }))).toBe(1);
    expect(s?.similarity(fp({ tag: 'input', name: 'billingCity' }))).toBeLessThan(0);
  });

  it('href: the same path counts, another record of the same kind counts against', () => {
    expect(normalizeHref('https://crm.example.com/deals/2623?tab=notes#top')).toBe('/deals/*?tab#top');
    expect(normalizeHref('javascript:void(0)')).toBeNull();
    const s = hrefSignal(fp({ tag: 'a', href: '/deals/2623?tab=notes' }));
    expect(s?.similarity(fp({ tag: 'a', href: 'https://crm.example.com/deals/2623?tab=files' }))).toBeGreaterThan(0.9);
    expect(s?.similarity(fp({ tag: 'a', href: '/deals/6413?tab=notes' }))).toBeLessThan(0);
    expect(s?.similarity(fp({ tag: 'a', href: '/contacts' }))).toBe(0);
    expect(hrefSignal(fp({ tag: 'a', href: '#' }))).toBeNull();
  });
});

describe('text signals', () => {
  it('accessible name: any of the target names against any of the candidate names', () => {
    const s = accessibleNameSignal(fp({ text: 'Delete' }));
    expect(s?.similarity(fp({ text: 'Delete' }))).toBe(1);
    // An icon button that kept its name as aria-label, a little below a same-field match.
    expect(s?.similarity(fp({ ariaLabel: 'Delete', text: '●' }))).toBeCloseTo(0.9);
    expect(s?.similarity(fp({ text: 'Archive' }))).toBe(0);
    expect(accessibleNameSignal(fp({}))).toBeNull();
  });

  it('neighbour text: the row label decides between look-alikes, the heading is wording', () => {
    const s = neighborTextSignal(fp({ neighborText: 'Invoices · INV-2024-01234' }));
    const sameRow = fp({ neighborText: 'Invoices · INV-2024-01234' });
    const otherRow = fp({ neighborText: 'Invoices · INV-2024-09999' });
    const reworded = fp({ neighborText: 'Bills · INV-2024-01234' });
    expect(s?.similarity(sameRow)).toBe(1);
    // Another row is another record: the same section does not make up for it.
    expect(s?.similarity(otherRow)).toBeLessThan(0.1);
    // A candidate in no row at all is no other record: only the section counts.
    expect(s?.similarity(fp({ neighborText: 'Invoices' }))).toBeCloseTo(0.3);
    // A row label weighs like a test id; a heading alone less.
    expect(s?.weight).toBeGreaterThan(neighborTextSignal(fp({ neighborText: 'Invoices' }))?.weight ?? Infinity);
    expect(s?.context(otherRow)).toEqual({ agreement: 0, strict: true, otherRow: true });
    expect(s?.context(reworded)).toEqual({ agreement: 1, strict: true, otherRow: false });
    // Outside any row: agreeing with no row, yet no other record's.
    expect(s?.context(fp({ neighborText: 'Invoices' }))).toEqual({ agreement: 0, strict: true, otherRow: false });
    expect(s?.context(fp({}))).toBeNull();
    const heading = neighborTextSignal(fp({ neighborText: 'Billing address' }));
    expect(heading?.context(fp({ neighborText: 'Invoice address' }))?.strict).toBe(false);
    // A row label alone keeps its slot.
    expect(neighborTextSignal(fp({ neighborText: '· Alan Turing' }))?.context(fp({ neighborText: '· Ada Lovelace' }))).toEqual({ agreement: 0, strict: true, otherRow: true });
  });
});

describe('place signals', () => {
  it('path: xpath when both have it, else the index path', () => {
    const s = pathSignal(fp({ xpath: '/html[1]/body[1]/button[1]', indexPath: '0/1/0' }));
    expect(s?.similarity(fp({ xpath: '/html[1]/body[1]/button[1]' }))).toBe(1);
    expect(s?.similarity(fp({ indexPath: '0/1/0' }))).toBe(1);
    expect(s?.similarity(fp({}))).toBe(0);
    expect(pathSignal(fp({}))).toBeNull();
  });

  it('rect: decays with distance, keeps a share for size', () => {
    const r = { x: 100, y: 100, width: 80, height: 24 };
    expect(rectSimilarity(r, r)).toBe(1);
    expect(rectSimilarity(r, { ...r, y: 130 })).toBeGreaterThan(0.9);
    expect(rectSimilarity(r, { ...r, y: 900 })).toBeLessThan(0.5);
    expect(rectSignal(fp({ rect: r }))?.similarity(fp({}))).toBe(0);
  });

  it('ordinal: the same rank among as many of its kind; nearly, with one more or fewer on the far side', () => {
    const s = ordinalSignal(fp({ ordinal: [2, 5] }));
    expect(s?.similarity(fp({ ordinal: [2, 5] }))).toBe(1);
    // One added or removed after it (same rank from the start) or before it (same rank from the end).
    expect(s?.similarity(fp({ ordinal: [2, 6] }))).toBe(0.5);
    expect(s?.similarity(fp({ ordinal: [1, 4] }))).toBe(0.5);
    expect(s?.similarity(fp({ ordinal: [0, 5] }))).toBe(0);
    expect(s?.similarity(fp({ ordinal: [2, 9] }))).toBe(0);
    expect(s?.similarity(fp({}))).toBe(0);
    expect(ordinalSignal(fp({}))).toBeNull();
  });

  it('scope: the same frame and the same chain of shadow hosts (host ids may be generated)', () => {
    const s = scopeSignal(fp({ shadowPath: ['app-toolbar#ember12'] }));
    expect(s.similarity(fp({ shadowPath: ['app-toolbar#ember57'] }))).toBe(1);
    expect(s.similarity(fp({}))).toBe(0.5);
    expect(s.similarity(fp({ framePath: [0] }))).toBe(0);
  });
});

describe('a caption read as the name', () => {
  it('an unlabelled field is named by the caption just before it, compared with names and captions', () => {
    const street = fp({ tag: 'input', type: 'text', neighborText: 'Shipping address ·  · Street' });
    const s = captionNameSignal(street);
    expect(s?.witness).toBe('name');
    expect(s?.similarity(fp({ tag: 'input', neighborText: 'Billing address ·  · Street' }))).toBe(1);
    // A release linked it as a real label.
    expect(s?.similarity(fp({ tag: 'input', label: 'Street' }))).toBeCloseTo(0.9);
    expect(s?.similarity(fp({ tag: 'input', neighborText: 'Shipping address ·  · City' }))).toBe(0);
    // Fields with a name of their own, and other elements, are named by `accessibleNameSignal`.
    expect(captionNameSignal({ ...street, placeholder: 'Street' })).toBeNull();
    expect(captionNameSignal(fp({ neighborText: 'Toolbar ·  · Street' }))).toBeNull();
  });

  it('then the surroundings are the section only: the Street of another section is not corroborated', () => {
    const t = fp({ tag: 'input', neighborText: 'Shipping address ·  · Street' });
    const other = fp({ tag: 'input', neighborText: 'Billing address ·  · Street' });
    const sectionOnly = neighborTextSignal(t, true)?.context(other)?.agreement ?? 1;
    expect(sectionOnly).toBeLessThan(neighborTextSignal(t, false)?.context(other)?.agreement ?? 0);
    expect(sectionOnly).toBeLessThanOrEqual(0.5);
  });
});

describe('identity signals: contradictions', () => {
  it('another written form name counts against more than another test id (it is what the server reads)', () => {
    const name = identitySignal(fp({ tag: 'input', name: 'shippingCity' }), 'name', 3.5);
    const testId = identitySignal(fp({ testId: 'city-input' }), 'testId', 5);
    expect(name?.similarity(fp({ tag: 'input', name: 'billingCity' }))).toBeLessThan(testId?.similarity(fp({ testId: 'street-input' })) ?? 0);
    expect(testId?.similarity(fp({ testId: 'street-input' }))).toBeLessThan(0);
  });
});

describe('links of hash-routed apps', () => {
  it('a hash route is the path: #/sent and #/starred are two places, #/sent is the same one', () => {
    const s = hrefSignal(fp({ tag: 'a', href: '#/sent' }));
    expect(s?.similarity(fp({ tag: 'a', href: '#/sent' }))).toBe(1);
    expect(s?.similarity(fp({ tag: 'a', href: 'https://mail.example.com/#/sent' }))).toBeGreaterThanOrEqual(0.9);
    expect(s?.similarity(fp({ tag: 'a', href: '#/starred' }))).toBeLessThan(0.5);
    // A plain anchor is not a route: the page's own path decides.
    expect(hrefSignal(fp({ tag: 'a', href: '/help#faq' }))?.similarity(fp({ tag: 'a', href: '/help#contact' }))).toBeGreaterThanOrEqual(0.9);
  });

  it('a link that is only a fragment goes to that fragment: the #notes tab is not the #activity tab', () => {
    const s = hrefSignal(fp({ tag: 'a', href: '#notes' }));
    expect(s?.similarity(fp({ tag: 'button', href: '#activity' }))).toBeLessThan(0.5);
    expect(s?.similarity(fp({ tag: 'a', href: '#Notes' }))).toBeGreaterThanOrEqual(0.9);
  });
});
