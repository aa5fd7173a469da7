import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminSend, cardText, launchWithExtension, openToolbarPopup, waitForStep, type ExtensionBrowser } from './support/browser';
import { firefoxInstalled, launchFirefoxWithExtension, type FirefoxExtension } from './support/firefox';
import { css, html, js, servePages, type PageServer } from './support/pageServer';
import { pickWithMouse } from './support/pickWithMouse';
import { clickCancelWithMouse, hoverWithMouse, labelOnTop, mouseClickCardButton, startPickerOn, topmostAtCancel, topmostAtCard, type Send } from './support/topLayerProbe';

/**
 * Host apps open forms in a native modal `<dialog>` (`showModal()`): it sits in the browser's top layer,
 * above any z-index, and makes everything outside it inert. A step whose target is inside the dialog
 * must still be seen above it and be usable with the mouse and keyboard, and once the dialog closes the
 * guidance must work on the page again. So must the element picker's banner and label, over a dialog
 * (or fullscreen element) open before it started, opened, closed or dropped while picking.
 */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Deals</title>
<link rel="stylesheet" href="/app.css"></head>
<body>
<h1>Deals</h1>
<button type="button" id="new-deal">New deal</button>
<dialog id="deal-dialog" aria-labelledby="dlg-title">
  <form method="dialog">
    <h2 id="dlg-title">New deal</h2>
    <label>Deal name <input id="deal-name" name="name"></label>
    <p><button type="submit" value="save" id="save-deal">Save deal</button> <button type="submit" value="cancel">Cancel</button></p>
  </form>
</dialog>
<p id="after">Saved deals appear here.</p>
<script src="/app.js"></script>
</body></html>`;
// Centred by a transform and clipped, as many apps style theirs: a fixed child of it would be placed in
// and cut to the dialog's box; the guidance must not be.
const CSS = `body { font: 16px system-ui; margin: 40px; }
dialog { width: 420px; padding: 24px; transform: translateY(-30px); overflow: hidden; border-radius: 10px; }
dialog::backdrop { background: rgba(0, 0, 0, .5); }`;
const JS = `document.getElementById('new-deal').addEventListener('click', () => document.getElementById('deal-dialog').showModal());`;

const FLOW = {
  schemaVersion: 2,
  kind: 'flow',
  id: 'dialog-guide',
  name: 'A deal in the dialog',
  version: 1,
  status: 'published',
  match: ['http://127.0.0.1/*'],
  start: 'manual',
  updatedAt: '2026-01-01T00:00:00.000Z',
  steps: [
    { id: 'open', title: 'Open the form', body: [], target: { tag: 'button', id: 'new-deal', text: 'New deal' }, advance: { kind: 'click' } },
    { id: 'name', title: 'Name the deal', body: [], target: { tag: 'input', id: 'deal-name', label: 'Deal name' }, advance: { kind: 'next' } },
    { id: 'save', title: 'Save it', body: [], target: { tag: 'button', id: 'save-deal', text: 'Save deal' }, advance: { kind: 'click' } },
    { id: 'done', title: 'All set', body: [], advance: { kind: 'next' } },
  ],
};

let fixture: PageServer;
let page: Page;

beforeAll(async () => {
  fixture = await servePages({ '/': html(PAGE), '/app.css': css(CSS), '/app.js': js(JS) });
});
afterAll(async () => {
  await fixture?.close();
});

function stepsInModalDialog(timeout: number, resetProgress: () => Promise<unknown>) {
  it('is shown above the dialog, works with the mouse and keyboard, and the guide goes on after the dialog closed', async () => {
    await page.goto(`${fixture.url}/?waymark-flow=dialog-guide`);
    expect(await waitForStep(page, 0, timeout)).toBe('found');
    await page.click('#new-deal');
    await page.waitForFunction(() => document.getElementById('deal-dialog')?.matches(':modal'), { polling: 50 });

    expect(await waitForStep(page, 1, timeout)).toBe('found');
    expect(await cardText(page)).toMatchObject({ title: 'Name the deal', progress: '2 of 4' });
    // Above the dialog and its backdrop, not under them.
    expect(await topmostAtCard(page)).toBe('ours');
    // The highlight is on the field, through the dialog's transform.
    await page.waitForFunction(
      () => {
        const ring = document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('.wm-highlight')?.getBoundingClientRect();
        const el = document.getElementById('deal-name')?.getBoundingClientRect();
        return !!ring && !!el && ring.left <= el.left + 1 && ring.top <= el.top + 1 && ring.right >= el.right - 1 && ring.bottom >= el.bottom - 1;
      },
      { timeout: 5000, polling: 50 },
    );
    // The person can still type into the dialog's field, and the card's Next answers a real click.
    await page.click('#deal-name');
    await page.keyboard.type('Northwind');
    expect(await page.$eval('#deal-name', (i) => (i as HTMLInputElement).value)).toBe('Northwind');
    await mouseClickCardButton(page, 'Next');

    expect(await waitForStep(page, 2, timeout)).toBe('found');
    expect(await topmostAtCard(page)).toBe('ours');
    await page.click('#save-deal');
    await page.waitForFunction(() => !(document.getElementById('deal-dialog') as HTMLDialogElement | null)?.open, { polling: 50 });

    // The dialog is gone: the last step shows on the page and its Next closes the guide.
    expect(await waitForStep(page, 3, timeout)).toBe('centered');
    expect(await topmostAtCard(page)).toBe('ours');
    await mouseClickCardButton(page, 'Done');
    await page.waitForFunction(() => !document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('[data-waymark-step]'), { polling: 50 });
  });

  it('a dialog the page removes while it is open does not take the guidance with it', async () => {
    await resetProgress();
    await page.goto(`${fixture.url}/?waymark-flow=dialog-guide`);
    expect(await waitForStep(page, 0, timeout)).toBe('found');
    await page.click('#new-deal');
    expect(await waitForStep(page, 1, timeout)).toBe('found');
    expect(await page.evaluate(() => document.querySelector('waymark-overlay')?.parentElement?.id)).toBe('deal-dialog');
    // Unmounted without close(), as a framework drops a component: no close or toggle event.
    await page.evaluate(() => document.getElementById('deal-dialog')?.remove());
    await page.waitForFunction(() => document.querySelector('waymark-overlay')?.parentElement === document.documentElement, { timeout: 5000, polling: 50 });
    // The step whose field went with the dialog is still there to say so, on the page.
    await page.waitForFunction(() => !!document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('[data-waymark-step="1"] .wm-card'), { timeout, polling: 100 });
  });
}

type PickerOutcome = { kind: string; reason?: string } | null;

/** Clicks the banner's Cancel with the real mouse, at its place on screen, and expects the pick cancelled there. */
async function cancelWithMouse(send: Send): Promise<void> {
  await clickCancelWithMouse(page);
  expect((await send<{ session: { outcome: PickerOutcome } | null }>({ type: 'admin/picker/status' })).session?.outcome).toEqual({ kind: 'cancelled', reason: 'page' });
}

const dialogOpen = () => page.waitForFunction(() => document.getElementById('deal-dialog')?.matches(':modal'), { polling: 50 });

/**
 * The element picker's banner (hint, verdict, Cancel) and hover label over a modal dialog: the rest of
 * the page is inert while it is open, and the dialog is in the top layer, so a banner left on <html>
 * is drawn under it or cannot be clicked. Each test opens its own copy of the page (`?n`), so the tab
 * is found by its URL.
 */
function pickerOverModalDialog(send: Send, timeout: number, resetProgress: () => Promise<unknown>) {
  describe('the element picker over a modal dialog', () => {
    // A session a failed test left running would come back on the next page of the tab; a guide left
    // half-way would show its card (the last test shows one on purpose).
    beforeEach(async () => {
      await send({ type: 'admin/picker/cancel' });
      await resetProgress();
    });

    it('the picker started while a modal dialog is open: its banner is on top, its Cancel answers the mouse, its label is over the dialog', async () => {
      const url = `${fixture.url}/?picker=open`;
      await page.goto(url);
      await page.click('#new-deal');
      await dialogOpen();
      await startPickerOn(page, send, url);
      expect(await topmostAtCancel(page)).toBe('ours');
      await hoverWithMouse(page, '#deal-name', /input/);
      expect(await labelOnTop(page)).toBe('ours');
      await cancelWithMouse(send);
      // The dialog was not touched by the picker's click.
      expect(await page.evaluate(() => (document.getElementById('deal-dialog') as HTMLDialogElement).open)).toBe(true);
    });

    it('a modal dialog opened while picking: the banner comes above it and its Cancel still answers the mouse', async () => {
      const url = `${fixture.url}/?picker=later`;
      await page.goto(url);
      await startPickerOn(page, send, url);
      expect(await topmostAtCancel(page)).toBe('ours');
      // Opened by the app itself (the picker swallows the admin's clicks), as a timer or a push would.
      await page.evaluate(() => (document.getElementById('deal-dialog') as HTMLDialogElement).showModal());
      await dialogOpen();
      expect(await topmostAtCancel(page)).toBe('ours');
      await hoverWithMouse(page, '#deal-name', /input/);
      expect(await labelOnTop(page)).toBe('ours');
      await cancelWithMouse(send);
    });

    it('the dialog closing while picking: the banner goes back to the page and still works', async () => {
      const url = `${fixture.url}/?picker=closed`;
      await page.goto(url);
      await page.click('#new-deal');
      await dialogOpen();
      await startPickerOn(page, send, url);
      expect(await topmostAtCancel(page)).toBe('ours');
      await page.evaluate(() => (document.getElementById('deal-dialog') as HTMLDialogElement).close());
      expect(await topmostAtCancel(page)).toBe('ours');
      await hoverWithMouse(page, '#new-deal', /New deal/);
      expect(await labelOnTop(page)).toBe('ours');
      await cancelWithMouse(send);
    });

    it('a dialog the page removes while it is open does not take the banner with it', async () => {
      const url = `${fixture.url}/?picker=removed`;
      await page.goto(url);
      await page.click('#new-deal');
      await dialogOpen();
      await startPickerOn(page, send, url);
      expect(await topmostAtCancel(page)).toBe('ours');
      // Unmounted without close(), as a framework drops a component: no close or toggle event, no hover.
      await page.evaluate(() => document.getElementById('deal-dialog')?.remove());
      expect(await topmostAtCancel(page)).toBe('ours');
      await cancelWithMouse(send);
    });

    it('an element put in fullscreen while picking: the banner is shown in it, on top, and back on the page after', async () => {
      const url = `${fixture.url}/?picker=fullscreen`;
      await page.goto(url);
      await startPickerOn(page, send, url);
      // A board the app shows full screen (a chart, a slide): all that is drawn then.
      await page.evaluate(async () => {
        const board = document.createElement('section');
        board.id = 'board';
        board.setAttribute('style', 'background: #fff; padding: 40px;');
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = 'Board action';
        board.append(b);
        document.body.append(board);
        await board.requestFullscreen();
      });
      await page.waitForFunction(() => document.fullscreenElement?.id === 'board', { timeout: 5000, polling: 50 });
      expect(await topmostAtCancel(page)).toBe('ours');
      await hoverWithMouse(page, '#board button', /Board action/);
      expect(await labelOnTop(page)).toBe('ours');
      await page.evaluate(() => document.exitFullscreen());
      await page.waitForFunction(() => document.fullscreenElement === null, { timeout: 5000, polling: 50 });
      expect(await topmostAtCancel(page)).toBe('ours');
      await cancelWithMouse(send);
    });

    it("a guide's card showing in the dialog while picking: the picker stays above it, and the two do not keep raising each other", async () => {
      const url = `${fixture.url}/?waymark-flow=dialog-guide&picker=tour`;
      await page.goto(url);
      expect(await waitForStep(page, 0, timeout)).toBe('found');
      await page.click('#new-deal');
      expect(await waitForStep(page, 1, timeout)).toBe('found');
      await startPickerOn(page, send, url);
      // Both hosts follow the page's dialogs and popovers; each re-raising itself over the other's
      // `toggle` would go on for ever. Counted from here on, once the picker is up.
      await page.evaluate(() => {
        const w = window as { ourToggles?: number };
        w.ourToggles = 0;
        document.addEventListener('toggle', (e) => /^waymark-/.test((e.target as Element).localName) && (w.ourToggles = (w.ourToggles ?? 0) + 1), true);
      });
      expect(await topmostAtCancel(page)).toBe('ours');
      await hoverWithMouse(page, '#deal-name', /input/);
      expect(await labelOnTop(page)).toBe('ours');
      await new Promise((r) => setTimeout(r, 500));
      expect(await page.evaluate(() => (window as { ourToggles?: number }).ourToggles)).toBe(0);
      await cancelWithMouse(send);
      // The guide is still there, on its step in the dialog.
      expect(await cardText(page)).toMatchObject({ title: 'Name the deal' });
    });
  });
}

describe('Chromium: a step inside a native modal dialog', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchWithExtension();
    expect(await adminSend(ext, { type: 'admin/flows/save', flow: FLOW })).toMatchObject({ ok: true });
    page = await ext.browser.newPage();
  });
  afterAll(async () => {
    await ext?.close();
  });
  stepsInModalDialog(15_000, () => adminSend(ext, { type: 'admin/progress/reset' }));
  pickerOverModalDialog((message) => adminSend(ext, message), 15_000, () => adminSend(ext, { type: 'admin/progress/reset' }));

  it('the element picker picks a field inside the open dialog, from the toolbar popup', async () => {
    const tab = await ext.browser.newPage();
    await tab.goto(`${fixture.url}/`);
    await tab.click('#new-deal');
    await tab.waitForFunction(() => document.getElementById('deal-dialog')?.matches(':modal'), { polling: 50 });
    const popup = await openToolbarPopup(ext, tab);
    await popup.click('[data-testid="popup-pick-tip"]');
    await pickWithMouse(tab, '#deal-name', /input/);
    const target = await ext.browser.waitForTarget((t) => t.url().startsWith(`chrome-extension://${ext.extensionId}/options-ui/index.html#/tips/new/pick/`), { timeout: 10_000 });
    const editor = await target.asPage();
    await editor.waitForSelector('[data-testid="picked-notice"]');
    expect(await editor.$eval('#f-target-tag', (e) => (e as HTMLInputElement).value)).toBe('input');
    expect(await editor.$eval('#f-target-label', (e) => (e as HTMLInputElement).value)).toBe('Deal name');
    await editor.close();
    await tab.close();
  });
});

describe.skipIf(!firefoxInstalled() && process.env.CI !== 'true')('Firefox ESR: a step inside a native modal dialog', () => {
  let ff: FirefoxExtension;
  beforeAll(async () => {
    ff = await launchFirefoxWithExtension();
    expect(await ff.send({ type: 'admin/flows/save', flow: FLOW })).toMatchObject({ ok: true });
    page = await ff.browser.newPage();
  }, 120_000);
  afterAll(async () => {
    await ff?.close();
  });
  stepsInModalDialog(20_000, () => ff.send({ type: 'admin/progress/reset' }));
  pickerOverModalDialog((message) => ff.send(message), 20_000, () => ff.send({ type: 'admin/progress/reset' }));
});
