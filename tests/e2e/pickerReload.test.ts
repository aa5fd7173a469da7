import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSend, launchReinstallable, type ReinstallableExtensionBrowser } from './support/browser';
import { html, servePages, type PageServer } from './support/pageServer';
import { clickCancelWithMouse, pickerState, startPickerOn, topmostAtCancel, waitForPicker, type Send } from './support/topLayerProbe';

/**
 * The extension reloaded while an admin picks (an update arrived, or the admin reloaded it): the picker
 * in the page has lost its extension and can report nothing. It must not keep swallowing the page's
 * clicks and keys, and a picker started afterwards must be the only one there, with no old host put
 * back by the old one when the page moves things.
 */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Orders</title></head>
<body style="font: 16px system-ui; margin: 40px">
<h1>Orders</h1>
<button type="button" id="export">Export orders</button>
<input id="filter" aria-label="Filter orders">
<dialog id="confirm"><p>Export 12 orders?</p><button type="button" id="ok">OK</button></dialog>
<order-form id="form"></order-form>
<script>
  customElements.define('order-form', class extends HTMLElement {
    constructor() {
      super();
      const dialog = document.createElement('dialog');
      const field = document.createElement('input');
      field.setAttribute('aria-label', 'Order reference');
      dialog.append(field);
      this.attachShadow({ mode: 'open' }).append(dialog);
    }
  });
  window.hostClicks = 0;
  window.hostKeys = [];
  document.getElementById('export').addEventListener('click', () => window.hostClicks++);
  document.addEventListener('keydown', (e) => window.hostKeys.push(e.key));
</script>
</body></html>`;

let fixture: PageServer;
let ext: ReinstallableExtensionBrowser;
const send: Send = (message) => adminSend(ext, message);

beforeAll(async () => {
  fixture = await servePages({ '/': html(PAGE) });
  ext = await launchReinstallable();
});
afterAll(async () => {
  await ext?.close();
  await fixture?.close();
});

/** The extension goes (its content scripts in the page lose it) and comes back, as on an update; waits until it answers. */
async function reloadExtension(): Promise<void> {
  await ext.uninstall();
  await ext.install();
  const end = Date.now() + 15_000;
  for (;;) {
    const r = await send<{ ok?: boolean }>({ type: 'admin/picker/tabs' }).catch(() => null);
    if (r?.ok === true) return;
    if (Date.now() > end) throw new Error('the extension did not answer after it was installed again');
    await new Promise((r) => setTimeout(r, 300));
  }
}

const centre = (page: Page, selector: string) =>
  page.$eval(selector, (e) => {
    const r = e.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });

describe('Chromium: the element picker across an extension update', () => {
  it('a picker left behind lets the page work again: the first click and key reach the page, and it goes', async () => {
    const page = await ext.browser.newPage();
    const url = `${fixture.url}/?left`;
    await page.goto(url);
    await startPickerOn(page, send, url);
    // While it runs, the page's clicks are the picker's.
    await page.keyboard.press('Shift');
    expect(await page.evaluate(() => (window as unknown as { hostKeys: string[] }).hostKeys)).toEqual(['Shift']);
    await reloadExtension();

    const at = await centre(page, '#export');
    await page.mouse.click(at.x, at.y);
    expect(await page.evaluate(() => (window as unknown as { hostClicks: number }).hostClicks)).toBe(1);
    await waitForPicker(page, (s) => !s.up && s.home === null, 5000);
    await page.click('#filter');
    await page.keyboard.press('Escape');
    await page.keyboard.type('ab');
    expect(await page.$eval('#filter', (i) => (i as HTMLInputElement).value)).toBe('ab');
    expect(await page.evaluate(() => (window as unknown as { hostKeys: string[] }).hostKeys)).toEqual(['Shift', 'Escape', 'a', 'b']);
    await page.close();
  });

  // The page-wide sweep of stale hosts at start does not reach into shadow roots; the stale picker's own
  // check, on the first event it hears (the tab brought to the front, a move), takes it away.
  it("a picker left in a component's modal dialog goes too: one banner after the next start", async () => {
    const page = await ext.browser.newPage();
    const url = `${fixture.url}/?component`;
    await page.goto(url);
    await page.evaluate(() => document.getElementById('form')?.shadowRoot?.querySelector('dialog')?.showModal());
    await startPickerOn(page, send, url);
    await waitForPicker(page, (s) => s.home === 'dialog', 5000);
    await reloadExtension();

    await startPickerOn(page, send, url);
    // Every picker host on the page, through open shadow roots (ours included: none nests another).
    const count = () =>
      page.evaluate(() => {
        const walk = (root: Document | ShadowRoot): number =>
          root.querySelectorAll('waymark-picker').length + [...root.querySelectorAll('*')].reduce((n, el) => n + (el.shadowRoot && el.localName !== 'waymark-picker' ? walk(el.shadowRoot) : 0), 0);
        return walk(document);
      });
    await new Promise((r) => setTimeout(r, 300));
    expect(await count()).toBe(1);
    expect(await topmostAtCancel(page)).toBe('ours');
    await clickCancelWithMouse(page);
    expect(await count()).toBe(0);
    await page.close();
  });

  it('a picker started after the reload is the only one, and the old one puts nothing back when the page moves things', async () => {
    const page = await ext.browser.newPage();
    const url = `${fixture.url}/?again`;
    await page.goto(url);
    await startPickerOn(page, send, url);
    await reloadExtension();

    await startPickerOn(page, send, url);
    const hosts = () => page.evaluate(() => [...document.querySelectorAll('waymark-picker')].map((h) => h.parentElement?.localName + (h.parentElement?.id ? `#${h.parentElement.id}` : '')));
    expect(await hosts()).toEqual(['html']);
    // The page opens a modal dialog: the new picker moves into it; the old one, whose follower still
    // hears the page, must not bring its removed host back in.
    await page.evaluate(() => (document.getElementById('confirm') as HTMLDialogElement).showModal());
    await waitForPicker(page, (s) => s.home === 'dialog#confirm', 5000);
    await new Promise((r) => setTimeout(r, 300));
    expect(await hosts()).toEqual(['dialog#confirm']);
    expect(await topmostAtCancel(page)).toBe('ours');
    await clickCancelWithMouse(page);
    expect((await send<{ session: { outcome: unknown } | null }>({ type: 'admin/picker/status' })).session?.outcome).toEqual({ kind: 'cancelled', reason: 'page' });
    expect((await pickerState(page)).up).toBe(false);
    await page.close();
  });
});
