import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundledPages, type BundledPages } from './support/bundledPage';
import { html } from './support/pageServer';

/**
 * The locator keeps what it read from a page between locates while the page does not change (see
 * `content-scripts/targeting/pageState.ts`). In real Chromium: whatever changes the page, the very next
 * locate, even in the same task, sees it.
 */

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Locator fixture</title></head>
<body>
<h1>Invoices</h1>
<table><tbody>
<tr><td>INV-1</td><td>ACME</td><td><button type="button" class="edit">Edit</button></td></tr>
<tr><td>INV-2</td><td>Globex</td><td><button type="button" class="edit">Edit</button></td></tr>
<tr><td>INV-3</td><td>Initech</td><td><button type="button" class="edit">Edit</button></td></tr>
</tbody></table>
<label>Stage <select id="stage"><option>Lead</option><option>Won</option></select></label>
<h2 id="contact">Contact</h2>
<label for="email">Email</label> <input id="email" type="email">
<label for="phone">Phone</label> <input id="phone" type="tel">
<p><span id="clock">12:00</span></p>
<div id="widget"></div>
</body></html>`;

type Api = typeof import('../../content-scripts/targeting/index');
type Win = { WaymarkTargeting: Api };

let pages: BundledPages;
let page: Page;

beforeAll(async () => {
  pages = await openBundledPages('content-scripts/targeting/index.ts', 'WaymarkTargeting', { '/': html(PAGE) });
  page = pages.page;
});

afterAll(async () => {
  await pages?.close();
});

const fresh = () => pages.open('/');

describe('what the locator keeps between locates', () => {
  it('finds the same element again on an unchanged page, and follows a change made in the same task', async () => {
    await fresh();
    const r = await page.evaluate(() => {
      const t = (window as unknown as Win).WaymarkTargeting;
      const second = document.querySelectorAll('button.edit')[1] as Element;
      const target = t.captureFingerprint(second, document);
      const row = (el: Element | null) => el?.closest('tr')?.firstElementChild?.textContent ?? null;
      const first = t.locate(target, document);
      const firstRow = row(first.element);
      const again = t.locate(target, document);
      const againRow = row(again.element);
      // The row's label changes (a text node's data: no element added or removed) and the next locate,
      // in the same task, must see it: the row is no longer INV-2.
      (second.closest('tr')?.firstElementChild?.firstChild as Text).data = 'INV-9';
      const relabelled = t.locate(target, document);
      // Back, then the button removed.
      (second.closest('tr')?.firstElementChild?.firstChild as Text).data = 'INV-2';
      const restored = t.locate(target, document);
      const restoredRow = row(restored.element);
      second.remove();
      const removed = t.locate(target, document);
      return {
        first: [first.status, firstRow],
        again: [again.status, againRow],
        relabelled: relabelled.status,
        restored: [restored.status, restoredRow],
        removed: [removed.status, removed.element === null],
      };
    });
    expect(r.first).toEqual(['found', 'INV-2']);
    expect(r.again).toEqual(['found', 'INV-2']);
    expect(r.relabelled).not.toBe('found');
    expect(r.restored).toEqual(['found', 'INV-2']);
    expect(r.removed).toEqual(['missing', true]);
  });

  it('keeps row labels through elements coming and going elsewhere, and reads a row again when a change touches it', async () => {
    await fresh();
    const r = await page.evaluate(() => {
      const t = (window as unknown as Win).WaymarkTargeting;
      const second = document.querySelectorAll('button.edit')[1] as HTMLElement;
      const row = second.closest('tr') as HTMLTableRowElement;
      const target = t.captureFingerprint(second, document);
      const steps: [string, boolean][] = [];
      const check = (what: string) => {
        const l = t.locate(target, document);
        steps.push([what, l.status === 'found' && l.element === second]);
      };
      check('first');
      (document.getElementById('widget') as HTMLElement).append(document.createElement('i'));
      check('after an element was added elsewhere');
      // A row added above, with the same label: the target's row is untouched, but it now has a namesake.
      const added = row.cloneNode(true) as HTMLTableRowElement;
      (added.firstElementChild as HTMLElement).textContent = 'INV-0';
      row.parentElement?.prepend(added);
      check('after a row was added above');
      // The label cell replaced by another element (no text node changed): the row is no longer INV-2.
      const cell = document.createElement('td');
      cell.textContent = 'INV-9';
      row.replaceChild(cell, row.firstElementChild as Element);
      check('after the label cell was replaced');
      const back = document.createElement('td');
      back.textContent = 'INV-2';
      row.replaceChild(back, cell);
      check('after it was replaced back');
      // The label hidden by an attribute inside the row: the next cell becomes the label.
      back.setAttribute('hidden', '');
      const wrapped = document.createElement('span');
      wrapped.hidden = true;
      wrapped.textContent = 'INV-2';
      back.textContent = '';
      back.append(wrapped);
      back.removeAttribute('hidden');
      check('after the label text was hidden');
      return steps;
    });
    expect(r).toEqual([
      ['first', true],
      ['after an element was added elsewhere', true],
      ['after a row was added above', true],
      ['after the label cell was replaced', false],
      ['after it was replaced back', true],
      ['after the label text was hidden', false],
    ]);
  });

  it('stops watching after a burst of changes too many to follow, and sees the page as it is at the next locate', async () => {
    await fresh();
    const r = await page.evaluate(async () => {
      const t = (window as unknown as Win).WaymarkTargeting;
      const second = document.querySelectorAll('button.edit')[1] as HTMLElement;
      const label = second.closest('tr')?.firstElementChild?.firstChild as Text;
      const clock = document.getElementById('clock')?.firstChild as Text;
      const target = t.captureFingerprint(second, document);
      const found = () => {
        const l = t.locate(target, document);
        return l.status === 'found' && l.element === second;
      };
      const calls = { observe: 0, disconnect: 0 };
      const proto = MutationObserver.prototype;
      const { observe, disconnect } = proto;
      proto.observe = function (this: MutationObserver, ...args: Parameters<MutationObserver['observe']>) {
        calls.observe++;
        return observe.apply(this, args);
      };
      proto.disconnect = function (this: MutationObserver) {
        calls.disconnect++;
        return disconnect.apply(this);
      };
      const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
      const steps: [string, boolean][] = [['first', found()]];
      // A clock ticking a thousand times in one task, as a live page does over a few seconds while a
      // step's target stays found: more than the kept state follows.
      for (let i = 0; i < 1000; i++) clock.data = String(i);
      await tick();
      const stopped = calls.disconnect;
      // Nothing watches now: the row's label changes unseen, and the next locate must still see it.
      label.data = 'INV-9';
      await tick();
      steps.push(['after the label changed while nothing watched', found()]);
      const resumed = calls.observe;
      label.data = 'INV-2';
      steps.push(['after it changed back (watched again)', found()]);
      label.data = 'INV-9';
      steps.push(['after it changed again, in the same task', found()]);
      label.data = 'INV-2';
      proto.observe = observe;
      proto.disconnect = disconnect;
      return { steps, stopped, resumed };
    });
    expect(r.steps).toEqual([
      ['first', true],
      ['after the label changed while nothing watched', false],
      ['after it changed back (watched again)', true],
      ['after it changed again, in the same task', false],
    ]);
    expect(r.stopped).toBe(1);
    expect(r.resumed).toBeGreaterThan(0);
  });

  it('follows text changes in labels, headings and the element itself, and keeps what they do not touch', async () => {
    await fresh();
    const r = await page.evaluate(() => {
      const t = (window as unknown as Win).WaymarkTargeting;
      const email = document.getElementById('email') as HTMLInputElement;
      const target = t.captureFingerprint(email, document);
      const clock = (document.getElementById('clock') as HTMLElement).firstChild as Text;
      const steps: [string, boolean][] = [];
      const check = (what: string) => {
        const l = t.locate(target, document);
        steps.push([what, l.status === 'found' && l.element === email]);
      };
      check('first');
      clock.data = '12:01';
      check('after the clock ticked');
      // The two labels trade texts: the Email field is now labelled Phone.
      (document.querySelector('label[for=email]') as HTMLElement).textContent = 'Phone';
      (document.querySelector('label[for=phone]') as HTMLElement).textContent = 'Email';
      check('after the labels traded texts');
      (document.querySelector('label[for=email]') as HTMLElement).textContent = 'Email';
      (document.querySelector('label[for=phone]') as HTMLElement).textContent = 'Phone';
      check('after the labels came back');
      (document.getElementById('contact') as HTMLElement).textContent = 'Billing';
      check('after the section heading was renamed');
      const button = document.querySelectorAll('button.edit')[0] as HTMLElement;
      const edit = t.captureFingerprint(button, document);
      const before = t.locate(edit, document).element === button;
      button.textContent = 'Remove';
      const renamed = t.locate(edit, document);
      return { steps, before, renamed: renamed.status === 'found' && renamed.element === button };
    });
    expect(r.steps).toEqual([
      ['first', true],
      ['after the clock ticked', true],
      ['after the labels traded texts', false],
      ['after the labels came back', true],
      // The field's own label still names it; a renamed heading is only surroundings.
      ['after the section heading was renamed', true],
    ]);
    expect(r.before).toBe(true);
    // "Edit" became "Remove": another action, not this one renamed (its neighbour names disagree too).
    expect(r.renamed).toBe(false);
  });

  it('sees a shadow root attached to an element already on the page, which no mutation reports', async () => {
    await fresh();
    const r = await page.evaluate(() => {
      const t = (window as unknown as Win).WaymarkTargeting;
      // As captured inside the widget's shadow root (the widget had rendered on another visit).
      const target = { tag: 'button', role: 'button', text: 'Approve invoice', testId: 'approve', isButton: true, shadowPath: ['div#widget'] };
      const before = t.locate(target, document).status;
      const root = (document.getElementById('widget') as HTMLElement).attachShadow({ mode: 'open' });
      const b = document.createElement('button');
      b.textContent = 'Approve invoice';
      b.dataset.testid = 'approve';
      root.append(b);
      const after = t.locate(target, document);
      return { before, after: after.status, inShadow: after.element?.getRootNode() === root };
    });
    expect(r.before).toBe('missing');
    expect(r).toMatchObject({ after: 'found', inShadow: true });
  });

  it('reads form state afresh: a select changed by the user (no mutation) is seen by the next pass', async () => {
    await fresh();
    const r = await page.evaluate(() => {
      const t = (window as unknown as Win).WaymarkTargeting;
      const select = document.getElementById('stage') as HTMLSelectElement;
      const opts = { selectors: ['select'], cacheKey: 'selects' };
      const first = t.collectCandidates(document, opts).fingerprints[0]?.text;
      select.selectedIndex = 1;
      const second = t.collectCandidates(document, opts).fingerprints[0]?.text;
      return [first, second];
    });
    expect(r).toEqual(['Lead', 'Won']);
  });
});
