import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cardText, waitForStep } from './support/browser';
import { describeInBrowsers, testFlow } from './support/inBrowsers';
import { css, html, js, servePages, type PageServer } from './support/pageServer';
import {
  clickCancelWithMouse,
  hoverWithMouse,
  labelOnTop,
  mouseClickCardButton,
  pickerState,
  startPickerOn,
  topmostAtCancel,
  topmostAtCard,
  waitForPicker,
  type Send,
} from './support/topLayerProbe';

/**
 * Component libraries open their dialogs as a native modal `<dialog>` inside the component's shadow
 * root (Material Web's `<md-dialog>`, many design systems built on Lit or Stencil): the page's document
 * holds no `dialog:modal`, and the dialog's `toggle` and `close` events stay inside the shadow root.
 * Everything outside the dialog is still inert and drawn under it, so a step card or a picker banner
 * left on <html> cannot be seen or clicked there. A document-level confirmation opened over such a
 * dialog stacks above it, and closes back to it.
 */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Contacts</title>
<link rel="stylesheet" href="/app.css"></head>
<body>
<h1>Contacts</h1>
<button type="button" id="new-contact">New contact</button>
<contact-form id="form"></contact-form>
<dialog id="confirm"><p>Discard the changes?</p><button type="button" id="discard">Discard</button></dialog>
<p id="after">Saved contacts appear here.</p>
<script src="/app.js"></script>
</body></html>`;
const CSS = `body { font: 16px system-ui; margin: 40px; }
#confirm::backdrop { background: rgba(0, 0, 0, .4); }`;
// The component: its dialog centred by a transform and clipped, as design systems style theirs.
const JS = `const make = (tag, attrs, ...children) => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
};
customElements.define('contact-form', class extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = make('style', {}, 'dialog { width: 420px; padding: 24px; transform: translateY(-30px); overflow: hidden; border-radius: 10px; } dialog::backdrop { background: rgba(0, 0, 0, .5); }');
    const save = make('button', { type: 'button', id: 'save-contact' }, 'Save contact');
    const cancel = make('button', { type: 'button', id: 'cancel-contact' }, 'Cancel');
    const dialog = make('dialog', { id: 'dlg', 'aria-labelledby': 't' },
      make('h2', { id: 't' }, 'New contact'),
      make('label', {}, 'Full name ', make('input', { id: 'full-name', name: 'fullName' })),
      make('p', {}, save, ' ', cancel));
    root.append(style, dialog);
    save.addEventListener('click', () => dialog.close());
    cancel.addEventListener('click', () => document.getElementById('confirm').showModal());
  }
  open() { this.shadowRoot.getElementById('dlg').showModal(); }
});
document.getElementById('new-contact').addEventListener('click', () => document.getElementById('form').open());
document.getElementById('discard').addEventListener('click', () => document.getElementById('confirm').close());`;

const FLOW = testFlow('shadow-dialog-guide', "A contact in the component's dialog", [
  { id: 'open', title: 'Open the form', body: [], target: { tag: 'button', id: 'new-contact', text: 'New contact' }, advance: { kind: 'click' } },
  { id: 'name', title: 'Name the contact', body: [], target: { tag: 'input', id: 'full-name', name: 'fullName', label: 'Full name', shadowPath: ['contact-form#form'] }, advance: { kind: 'next' } },
  { id: 'save', title: 'Save it', body: [], target: { tag: 'button', id: 'save-contact', text: 'Save contact', shadowPath: ['contact-form#form'] }, advance: { kind: 'click' } },
  { id: 'done', title: 'All set', body: [], advance: { kind: 'next' } },
]);

let fixture: PageServer;
let page: Page;

beforeAll(async () => {
  fixture = await servePages({ '/': html(PAGE), '/app.css': css(CSS), '/app.js': js(JS) });
});
afterAll(async () => {
  await fixture?.close();
});

const componentDialogOpen = () => page.waitForFunction(() => document.getElementById('form')?.shadowRoot?.getElementById('dlg')?.matches(':modal'), { polling: 50 });
const componentDialog = (action: 'showModal' | 'close') =>
  page.evaluate((a) => {
    const d = document.getElementById('form')?.shadowRoot?.getElementById('dlg') as HTMLDialogElement;
    d[a]();
  }, action);
/** Where the overlay's host lives: `dialog#dlg` inside the component, or `html`. */
const overlayHome = () =>
  page.evaluate(() => {
    const inside = document.getElementById('form')?.shadowRoot?.querySelector('waymark-overlay');
    const host = inside ?? document.querySelector('waymark-overlay');
    const p = host?.parentElement;
    return p ? p.localName + (p.id ? `#${p.id}` : '') : null;
  });

function stepsInComponentDialog(timeout: number, resetProgress: () => Promise<unknown>) {
  it("a step in a component's modal dialog is shown above it, works with the mouse, and the guide goes on after it closed", async () => {
    await resetProgress();
    await page.goto(`${fixture.url}/?waymark-flow=shadow-dialog-guide`);
    expect(await waitForStep(page, 0, timeout)).toBe('found');
    await page.click('#new-contact');
    await componentDialogOpen();

    expect(await waitForStep(page, 1, timeout)).toBe('found');
    expect(await cardText(page)).toMatchObject({ title: 'Name the contact', progress: '2 of 4' });
    // Above the dialog and its backdrop, not under them (the page sees the component on top there).
    expect(await topmostAtCard(page)).toBe('ours');
    expect(await overlayHome()).toBe('dialog#dlg');
    // The person can still type into the dialog's field, and the card's Next answers a real click.
    await page.click('contact-form >>> #full-name');
    await page.keyboard.type('Ada Lovelace');
    expect(await page.$eval('contact-form >>> #full-name', (i) => (i as HTMLInputElement).value)).toBe('Ada Lovelace');
    await mouseClickCardButton(page, 'Next');

    expect(await waitForStep(page, 2, timeout)).toBe('found');
    expect(await topmostAtCard(page)).toBe('ours');
    await page.click('contact-form >>> #save-contact');
    await page.waitForFunction(() => !(document.getElementById('form')?.shadowRoot?.getElementById('dlg') as HTMLDialogElement | null)?.open, { polling: 50 });

    // Closed (no event reached the document): the last step shows on the page, and its Done answers the mouse.
    expect(await waitForStep(page, 3, timeout)).toBe('centered');
    await page.waitForFunction(() => document.querySelector('waymark-overlay')?.parentElement === document.documentElement, { timeout: 5000, polling: 50 });
    expect(await topmostAtCard(page)).toBe('ours');
    await mouseClickCardButton(page, 'Done');
    await page.waitForFunction(() => !document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('[data-waymark-step]'), { polling: 50 });
  });

  it("a page dialog opened over the component's: the card goes above it, and back into the component's dialog when it closes", async () => {
    await resetProgress();
    await page.goto(`${fixture.url}/?waymark-flow=shadow-dialog-guide&stacked`);
    expect(await waitForStep(page, 0, timeout)).toBe('found');
    await page.click('#new-contact');
    expect(await waitForStep(page, 1, timeout)).toBe('found');
    expect(await overlayHome()).toBe('dialog#dlg');
    // "Cancel" asks in a dialog of the page's own, over the component's.
    await page.click('contact-form >>> #cancel-contact');
    await page.waitForFunction(() => document.getElementById('confirm')?.matches(':modal'), { polling: 50 });
    await page.waitForFunction(() => document.querySelector('waymark-overlay')?.parentElement?.id === 'confirm', { timeout: 5000, polling: 50 });
    await page.click('#discard');
    await page.waitForFunction(() => !document.getElementById('confirm')?.matches(':modal'), { polling: 50 });
    // Back in the component's dialog, which is still open, and on top there.
    await page.waitForFunction(() => document.getElementById('form')?.shadowRoot?.querySelector('#dlg > waymark-overlay') != null, { timeout: 5000, polling: 50 });
    expect(await topmostAtCard(page)).toBe('ours');
    await mouseClickCardButton(page, 'Next');
    expect(await waitForStep(page, 2, timeout)).toBe('found');
  });

  it('a component removed with its dialog open does not take the guidance with it', async () => {
    await resetProgress();
    await page.goto(`${fixture.url}/?waymark-flow=shadow-dialog-guide&removed`);
    expect(await waitForStep(page, 0, timeout)).toBe('found');
    await page.click('#new-contact');
    expect(await waitForStep(page, 1, timeout)).toBe('found');
    expect(await overlayHome()).toBe('dialog#dlg');
    // Unmounted without close(), as a framework drops a component.
    await page.evaluate(() => document.getElementById('form')?.remove());
    await page.waitForFunction(() => document.querySelector('waymark-overlay')?.parentElement === document.documentElement, { timeout: 5000, polling: 50 });
    await page.waitForFunction(() => !!document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('[data-waymark-step="1"] .wm-card'), { timeout, polling: 100 });
  });
}

function pickerOverComponentDialog(send: Send, resetProgress: () => Promise<unknown>) {
  describe("the element picker over a component's modal dialog", () => {
    beforeEach(async () => {
      await send({ type: 'admin/picker/cancel' });
      await resetProgress();
    });

    it('started while the dialog is open: the banner is on top, labels the field in the dialog, and its Cancel answers the mouse', async () => {
      const url = `${fixture.url}/?picker=open`;
      await page.goto(url);
      await page.click('#new-contact');
      await componentDialogOpen();
      await startPickerOn(page, send, url);
      expect(await topmostAtCancel(page)).toBe('ours');
      expect((await pickerState(page)).home).toBe('dialog#dlg');
      await hoverWithMouse(page, 'contact-form >>> #full-name', /input/);
      expect(await labelOnTop(page)).toBe('ours');
      await clickCancelWithMouse(page);
      expect(await page.evaluate(() => (document.getElementById('form')?.shadowRoot?.getElementById('dlg') as HTMLDialogElement).open)).toBe(true);
    });

    it("picks the field inside the component's dialog with the mouse: the capture reaches into the shadow root", async () => {
      const url = `${fixture.url}/?picker=pick`;
      await page.goto(url);
      await page.click('#new-contact');
      await componentDialogOpen();
      await startPickerOn(page, send, url);
      await hoverWithMouse(page, 'contact-form >>> #full-name', /Full name/);
      const at = await page.$eval('contact-form >>> #full-name', (e) => {
        const r = e.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      await page.mouse.click(at.x, at.y);
      await waitForPicker(page, (s) => !s.up && s.home === null, 5000);
      const status = await send<{ session: { outcome: { kind: string; pick?: { fingerprint: Record<string, unknown>; unambiguous: boolean } } | null } | null }>({ type: 'admin/picker/status' });
      expect(status.session?.outcome).toMatchObject({ kind: 'picked', pick: { fingerprint: { tag: 'input', id: 'full-name', label: 'Full name', shadowPath: ['contact-form#form'] }, unambiguous: true } });
      // The click was the picker's: nothing was typed into, nothing closed.
      expect(await page.evaluate(() => (document.getElementById('form')?.shadowRoot?.getElementById('dlg') as HTMLDialogElement).open)).toBe(true);
    });

    it('the dialog opened, then closed, while picking: the banner follows it in and back out', async () => {
      const url = `${fixture.url}/?picker=later`;
      await page.goto(url);
      await startPickerOn(page, send, url);
      expect(await topmostAtCancel(page)).toBe('ours');
      // Opened by the app itself (the picker swallows the admin's clicks), as a timer or a push would.
      await componentDialog('showModal');
      await componentDialogOpen();
      await waitForPicker(page, (s) => s.home === 'dialog#dlg', 5000);
      expect(await topmostAtCancel(page)).toBe('ours');
      await hoverWithMouse(page, 'contact-form >>> #save-contact', /Save contact/);
      expect(await labelOnTop(page)).toBe('ours');
      await componentDialog('close');
      await waitForPicker(page, (s) => s.home === 'html', 5000);
      expect(await topmostAtCancel(page)).toBe('ours');
      await hoverWithMouse(page, '#new-contact', /New contact/);
      await clickCancelWithMouse(page);
    });
  });
}

describeInBrowsers("a component's modal dialog in its shadow root", [FLOW], ({ send, tab, timeout }) => {
  beforeAll(() => {
    page = tab();
  });
  const reset = () => send({ type: 'admin/progress/reset' });
  stepsInComponentDialog(timeout, reset);
  pickerOverComponentDialog(send, reset);
});
