import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../demo/hostServer';
import { adminSend, launchWithExtension, openExtensionPage, waitForStep, waitForWaymark, type ExtensionBrowser } from './support/browser';

/**
 * The element picker, end to end: started from the options page on a real host tab, driven with real
 * mouse and keyboard input, its capture checked on the page, stored in the flow, and played back.
 */

/** Screenshots land here; the test prints where. */
const SHOTS = process.env.WAYMARK_SHOTS ?? join(tmpdir(), 'waymark-picker-shots');

/**
 * A page with what the demo app lacks: an element inside an open shadow root, one inside a same-origin
 * iframe, and two identical buttons. Built with DOM calls (no markup strings in scripts).
 */
const FIXTURE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Picker fixture</title>
<style>body { font: 16px system-ui; margin: 40px; } iframe { width: 420px; height: 140px; border: 1px solid #999; }</style></head>
<body>
<h1>Invoices</h1>
<section aria-label="Toolbar"><h2>Bulk actions</h2>
  <button type="button" class="btn" onclick="window.hostClicks = (window.hostClicks || 0) + 1">Delete</button>
  <button type="button" class="btn" onclick="window.hostClicks = (window.hostClicks || 0) + 1">Delete</button>
</section>
<invoice-card id="card"></invoice-card>
<p><button type="button" id="archive" disabled onclick="window.hostClicks = (window.hostClicks || 0) + 1">Archive invoices</button></p>
<h2>Payments</h2>
<iframe src="/frame" title="Payments"></iframe>
<script>
customElements.define('invoice-card', class extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const h = document.createElement('h3');
    h.textContent = 'Invoice INV-7';
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'approve';
    b.textContent = 'Approve invoice';
    b.onclick = () => { window.hostClicks = (window.hostClicks || 0) + 1; };
    root.append(h, b);
  }
});
</script>
</body></html>`;

const FRAME = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Payments frame</title></head>
<body style="font: 15px system-ui">
<p>Outstanding: 2 invoices</p>
<button type="button" data-testid="send-invoice" onclick="window.parent.hostClicks = (window.parent.hostClicks || 0) + 1">Send invoice</button>
</body></html>`;

function startFixture(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const body = req.url === '/frame' ? FRAME : req.url === '/' ? FIXTURE : null;
    res.writeHead(body === null ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}

interface PickedSession {
  id: string;
  outcome: null | { kind: 'cancelled'; reason: string } | { kind: 'picked'; pick: { fingerprint: Record<string, unknown>; unambiguous: boolean; confidence: number; similar: number; frameUrl: string } };
}

let host: HostServer;
let fixture: { url: string; close(): Promise<void> };
let ext: ExtensionBrowser;

beforeAll(async () => {
  host = await startHostServer({ release: 1 });
  fixture = await startFixture();
  // WAYMARK_DIST: a build of one's own, when others rebuild dist/ in the same checkout meanwhile.
  ext = await launchWithExtension(process.env.WAYMARK_DIST ? { dist: process.env.WAYMARK_DIST } : {});
  mkdirSync(SHOTS, { recursive: true });
});

/** Pages a test opened: closed after it, pass or fail, so the next test's tabs are its own. */
const opened: Page[] = [];
async function newTab(url: string): Promise<Page> {
  const p = await ext.browser.newPage();
  opened.push(p);
  await p.goto(url);
  return p;
}
async function optionsAt(hash: string): Promise<Page> {
  const p = await openExtensionPage(ext, `options-ui/index.html${hash}`);
  opened.push(p);
  return p;
}
afterEach(async () => {
  for (const p of opened.splice(0)) await p.close().catch(() => undefined);
  // A flow saved by a test would start on the next test's pages.
  const flows = await adminSend<{ ok: true; flows: Array<{ id: string }> }>(ext, { type: 'admin/flows/list' });
  for (const f of flows.flows) await adminSend(ext, { type: 'admin/flows/delete', id: f.id });
});

/** Clicks an element after scrolling it to the middle of the viewport, clear of sticky bars. */
async function clickInView(page: Page, selector: string): Promise<void> {
  const el = (await page.waitForSelector(selector))!;
  await el.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await el.click();
}

afterAll(async () => {
  await ext?.close();
  await host?.close();
  await fixture?.close();
});

/*
 * Every wait polls on a timer: the background brings the picking tab to the front and the options tab
 * back afterwards, and a page in a background tab gets no animation frames (puppeteer's default).
 */

/** Waits until the picker's banner is shown in the page's top frame. */
async function waitForPicker(page: Page): Promise<void> {
  await page.waitForFunction(() => !!document.querySelector('waymark-picker')?.shadowRoot?.querySelector('[data-waymark-picker-banner]'), { timeout: 10_000, polling: 50 });
}

async function waitForNoPicker(target: Page | Frame): Promise<void> {
  await target.waitForFunction(() => document.querySelector('waymark-picker') === null, { timeout: 10_000, polling: 50 });
}

/** From the options page: "Pick on page", then the tab whose URL ends with `urlEnd` (`shot`: screenshot the chooser). */
async function startFromOptions(options: Page, urlEnd: string, shot?: string): Promise<void> {
  await options.bringToFront();
  const button = (await options.$$('[data-testid="pick-on-page"]'))[0]!;
  // Out from under the page's sticky action bar, as an admin would scroll it.
  await button.evaluate((b) => b.scrollIntoView({ block: 'center' }));
  await button.click();
  await options.waitForSelector('[data-testid="picker-tab"]');
  // The chooser puts the focus on its first tab, so the keyboard can go on from there.
  await options.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'picker-tab', { timeout: 5000, polling: 50 });
  if (shot) await options.screenshot({ path: join(SHOTS, shot) });
  const clicked = await options.$$eval(
    '[data-testid="picker-tab"]',
    (els, end) => {
      const b = els.find((e) => e.querySelector('.picker-tab-url')?.textContent?.endsWith(end));
      (b as HTMLButtonElement | undefined)?.click();
      return b !== undefined;
    },
    urlEnd,
  );
  expect(clicked).toBe(true);
  await options
    .waitForFunction(() => /Waiting for you to click an element in/.test(document.querySelector('[data-testid="picker-status"]')?.textContent ?? ''), { timeout: 10_000, polling: 100 })
    .catch(async (e: unknown) => {
      throw new Error(`the picker did not start; the options page says: ${await options.$eval('.picker', (p) => p.textContent)}`, { cause: e });
    });
}

/** The centre of an element in top-page coordinates (`frameSelector`: inside that iframe; `shadowHost`: inside its shadow root). */
async function centreOf(page: Page, selector: string, where: { shadowHost?: string; frameSelector?: string } = {}): Promise<{ x: number; y: number }> {
  return page.evaluate(
    (sel, w) => {
      let offX = 0;
      let offY = 0;
      let root: Document | ShadowRoot = document;
      if (w.frameSelector) {
        const f = document.querySelector(w.frameSelector) as HTMLIFrameElement;
        const fr = f.getBoundingClientRect();
        offX = fr.left + f.clientLeft;
        offY = fr.top + f.clientTop;
        root = f.contentDocument as Document;
      }
      if (w.shadowHost) root = (root.querySelector(w.shadowHost) as Element).shadowRoot as ShadowRoot;
      const r = (root.querySelector(sel) as Element).getBoundingClientRect();
      return { x: offX + r.left + r.width / 2, y: offY + r.top + r.height / 2 };
    },
    selector,
    where,
  );
}

/** The picker's highlight box and label in a frame's document. */
function hoverState(target: Page | Frame) {
  return target.evaluate(() => {
    const root = document.querySelector('waymark-picker')?.shadowRoot;
    const box = root?.querySelector('.wmp-box') as HTMLElement | null | undefined;
    const label = root?.querySelector('.wmp-label') as HTMLElement | null | undefined;
    if (!box || box.style.display === 'none') return null;
    const r = box.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height, label: label?.textContent ?? '' };
  });
}

const sessionNow = async () => (await adminSend<{ ok: true; session: PickedSession | null }>(ext, { type: 'admin/picker/status' })).session;

const fieldValue = (page: Page, id: string) => page.$eval(`#${id}`, (e) => (e as HTMLInputElement).value);

describe('the element picker', () => {
  it('captures a button clicked with the mouse on the demo app, fills the step, and the saved flow anchors to it', async () => {
    const demo = await newTab(`${host.url}/contacts/c-1001`);
    await demo.waitForSelector('[data-testid="create-deal"]');
    const options = await optionsAt('#/flows/new');
    await options.waitForSelector('[data-testid="flow-name"]');
    await options.type('[data-testid="flow-name"]', 'Picked on the page');
    await options.type('#f-match-0', 'http://127.0.0.1/*');
    await clickInView(options, '#status-published');
    await options.type('#f-steps-0-title', 'Create a deal');
    await options.$$eval('.step-editor label.check', (labels) => {
      const l = labels.find((x) => x.textContent?.includes('This step points at an element'));
      (l?.querySelector('input') as HTMLInputElement).click();
    });
    await options.waitForSelector('[data-testid="pick-on-page"]');

    await startFromOptions(options, '/contacts/c-1001', 'picker-chooser.png');
    await options.screenshot({ path: join(SHOTS, 'picker-waiting.png') });
    await demo.bringToFront();
    await waitForPicker(demo);

    // Hover with real pointer moves: the box follows, and the label names the element.
    const { x, y } = await centreOf(demo, '[data-testid="create-deal"]');
    await demo.mouse.move(x - 300, y + 200);
    await demo.mouse.move(x, y, { steps: 8 });
    await demo.waitForFunction(() => /Create deal/.test(document.querySelector('waymark-picker')?.shadowRoot?.querySelector('.wmp-label')?.textContent ?? ''), { polling: 50 });
    const hover = await hoverState(demo);
    const btn = await demo.$eval('[data-testid="create-deal"]', (e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height };
    });
    expect(hover).not.toBeNull();
    // The box rings the element, a few pixels outside it.
    expect(Math.abs(hover!.left + hover!.width / 2 - (btn.left + btn.width / 2))).toBeLessThan(1);
    expect(Math.abs(hover!.top + hover!.height / 2 - (btn.top + btn.height / 2))).toBeLessThan(1);
    expect(hover!.width - btn.width).toBeGreaterThanOrEqual(0);
    expect(hover!.width - btn.width).toBeLessThan(10);
    expect(hover!.label).toBe('button “Create deal”');
    await demo.screenshot({ path: join(SHOTS, 'picker-hover.png') });

    const before = demo.url();
    await demo.mouse.click(x, y);
    await waitForNoPicker(demo);
    // The click was the picker's: the host app did not navigate to a new deal.
    await new Promise((r) => setTimeout(r, 400));
    expect(demo.url()).toBe(before);

    await options.waitForFunction(() => /Unique on this page/.test(document.querySelector('[data-testid="picker-result"]')?.textContent ?? ''), { timeout: 10_000, polling: 100 });
    expect(await fieldValue(options, 'f-steps-0-target-tag')).toBe('button');
    expect(await fieldValue(options, 'f-steps-0-target-text')).toBe('Create deal');
    expect(await fieldValue(options, 'f-steps-0-target-testId')).toBe('create-deal');
    // Back on the options page, the result has the focus, so it is read out.
    await options.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'picker-result', { timeout: 5000, polling: 50 });
    await options.bringToFront();
    await options.screenshot({ path: join(SHOTS, 'picker-result-options.png'), fullPage: true });

    await clickInView(options, '[data-testid="save-flow"]');
    await options.waitForSelector('[data-testid="flash"]');
    const flows = await adminSend<{ ok: true; flows: Array<{ id: string; name: string; steps: Array<{ target?: Record<string, unknown> }> }> }>(ext, { type: 'admin/flows/list' });
    const saved = flows.flows.find((f) => f.name === 'Picked on the page');
    expect(saved?.steps[0]?.target).toMatchObject({ tag: 'button', text: 'Create deal', testId: 'create-deal', id: 'createDeal' });

    // The saved flow plays on the demo app, its step anchored to that very button.
    await demo.bringToFront();
    await demo.reload();
    await waitForWaymark(demo);
    expect(await waitForStep(demo, 0)).toBe('found');
    // The overlay's highlight slides into place (a short transition): wait until it rings the button.
    await demo.waitForFunction(
      () => {
        const h = document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('[data-testid="waymark-highlight"]');
        const b = document.querySelector('[data-testid="create-deal"]');
        if (!h || !b) return false;
        const hr = h.getBoundingClientRect();
        const br = b.getBoundingClientRect();
        return Math.abs(hr.left + hr.width / 2 - (br.left + br.width / 2)) < 2 && Math.abs(hr.top + hr.height / 2 - (br.top + br.height / 2)) < 2;
      },
      { timeout: 5000, polling: 50 },
    );
    await demo.screenshot({ path: join(SHOTS, 'picked-flow-plays.png') });
  });

  it('Esc on the page cancels, and nothing of the picker is left', async () => {
    const demo = await newTab(`${host.url}/contacts/c-1002`);
    await demo.waitForSelector('[data-testid="create-deal"]');
    const options = await optionsAt('#/features/new');
    await options.waitForSelector('[data-testid="pick-on-page"]');
    const tagBefore = await fieldValue(options, 'f-target-tag');

    await startFromOptions(options, '/contacts/c-1002');
    await demo.bringToFront();
    await waitForPicker(demo);
    const { x, y } = await centreOf(demo, '[data-testid="create-deal"]');
    await demo.mouse.move(x, y);
    await demo.keyboard.press('Escape');
    await waitForNoPicker(demo);

    await options.waitForFunction(() => /cancelled on the page/.test(document.querySelector('[data-testid="picker-status"]')?.textContent ?? ''), { timeout: 10_000, polling: 100 });
    expect(await fieldValue(options, 'f-target-tag')).toBe(tagBefore);
    expect((await sessionNow())?.outcome).toEqual({ kind: 'cancelled', reason: 'page' });

    // With the picker gone, the page works as before: a click acts again.
    await demo.mouse.click(x, y);
    await demo.waitForFunction(() => location.pathname === '/deals/new', { polling: 100 });
  });

  it('picks the focused element with Enter after Tab, without the host app acting on it', async () => {
    const demo = await newTab(`${host.url}/contacts/c-1001`);
    await demo.waitForSelector('[data-testid="create-deal"]');
    const options = await optionsAt('#/features/new');
    await options.waitForSelector('[data-testid="pick-on-page"]');
    await startFromOptions(options, '/contacts/c-1001');
    await demo.bringToFront();
    await waitForPicker(demo);

    // Focus the button before "Create deal", then Tab onto it: the box follows the focus.
    await demo.focus('.page-header .actions button:not([data-testid])');
    await demo.keyboard.press('Tab');
    expect(await demo.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('create-deal');
    await demo.waitForFunction(() => /Create deal/.test(document.querySelector('waymark-picker')?.shadowRoot?.querySelector('.wmp-label')?.textContent ?? ''), { polling: 50 });
    const before = demo.url();
    await demo.keyboard.press('Enter');
    await waitForNoPicker(demo);
    await new Promise((r) => setTimeout(r, 400));
    expect(demo.url()).toBe(before);
    await options.waitForFunction(() => /Unique on this page/.test(document.querySelector('[data-testid="picker-result"]')?.textContent ?? ''), { timeout: 10_000, polling: 100 });
    expect(await fieldValue(options, 'f-target-testId')).toBe('create-deal');
  });

  it('picks inside an open shadow root and inside a same-origin iframe, and flags look-alikes', async () => {
    const page = await newTab(`${fixture.url}/`);
    await page.waitForFunction(() => !!document.querySelector('iframe')?.contentDocument?.querySelector('[data-testid="send-invoice"]'), { polling: 100 });
    const options = await optionsAt('#/features/new');
    await options.waitForSelector('[data-testid="pick-on-page"]');

    // Inside the shadow root.
    await startFromOptions(options, `${fixture.url}/`);
    await page.bringToFront();
    await waitForPicker(page);
    let at = await centreOf(page, 'button.approve', { shadowHost: 'invoice-card' });
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await page.waitForFunction(() => /Approve invoice/.test(document.querySelector('waymark-picker')?.shadowRoot?.querySelector('.wmp-label')?.textContent ?? ''), { polling: 50 });
    await page.mouse.click(at.x, at.y);
    await waitForNoPicker(page);
    await options.waitForFunction(() => /Unique on this page/.test(document.querySelector('[data-testid="picker-result"]')?.textContent ?? ''), { timeout: 10_000, polling: 100 });
    expect(await fieldValue(options, 'f-target-text')).toBe('Approve invoice');
    let s = await sessionNow();
    expect(s?.outcome?.kind).toBe('picked');
    if (s?.outcome?.kind === 'picked') {
      expect(s.outcome.pick.fingerprint).toMatchObject({ tag: 'button', text: 'Approve invoice', shadowPath: ['invoice-card#card'] });
      expect(s.outcome.pick.unambiguous).toBe(true);
    }

    // Inside the iframe: the frame's own picker takes the click; the top frame's is stopped too.
    await startFromOptions(options, `${fixture.url}/`);
    await page.bringToFront();
    await waitForPicker(page);
    const frame = page.frames().find((f) => f.url().endsWith('/frame')) as Frame;
    await frame.waitForFunction(() => document.querySelector('waymark-picker') !== null, { polling: 50 });
    at = await centreOf(page, '[data-testid="send-invoice"]', { frameSelector: 'iframe' });
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await frame.waitForFunction(() => /Send invoice/.test(document.querySelector('waymark-picker')?.shadowRoot?.querySelector('.wmp-label')?.textContent ?? ''), { polling: 50 });
    await page.screenshot({ path: join(SHOTS, 'picker-iframe-hover.png') });
    await page.mouse.click(at.x, at.y);
    await waitForNoPicker(frame);
    await waitForNoPicker(page);
    await options.waitForFunction(() => /Unique on this page/.test(document.querySelector('[data-testid="picker-result"]')?.textContent ?? ''), { timeout: 10_000, polling: 100 });
    expect(await fieldValue(options, 'f-target-testId')).toBe('send-invoice');
    s = await sessionNow();
    if (s?.outcome?.kind !== 'picked') throw new Error('expected a pick');
    expect(s.outcome.pick.fingerprint).toMatchObject({ tag: 'button', text: 'Send invoice', framePath: [0] });
    expect(s.outcome.pick.frameUrl).toBe(`${fixture.url}/frame`);
    expect(s.outcome.pick.unambiguous).toBe(true);

    // One of two identical buttons: captured, but flagged, with the count.
    await startFromOptions(options, `${fixture.url}/`);
    await page.bringToFront();
    await waitForPicker(page);
    const [first] = await page.$$('section button');
    const box = (await first!.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await options.waitForFunction(() => /Ambiguous: 2 similar elements/.test(document.querySelector('[data-testid="picker-result"]')?.textContent ?? ''), { timeout: 10_000, polling: 100 });
    await options.bringToFront();
    await options.screenshot({ path: join(SHOTS, 'picker-ambiguous-options.png') });

    // A disabled button never gets a click event: it is taken when the pointer is released.
    await startFromOptions(options, `${fixture.url}/`);
    await page.bringToFront();
    await waitForPicker(page);
    at = await centreOf(page, '#archive');
    await page.mouse.click(at.x, at.y);
    await options.waitForFunction(() => /Unique on this page/.test(document.querySelector('[data-testid="picker-result"]')?.textContent ?? ''), { timeout: 10_000, polling: 100 });
    expect(await fieldValue(options, 'f-target-id')).toBe('archive');

    // None of these clicks reached the page.
    expect(await page.evaluate(() => (window as { hostClicks?: number }).hostClicks ?? 0)).toBe(0);
  });

  it('runs once per frame when started twice, and the options page can cancel it', async () => {
    const demo = await newTab(`${host.url}/contacts`);
    await demo.waitForFunction(() => document.title === 'Contacts · Cobalt CRM', { polling: 100 });
    const tabs = await adminSend<{ ok: true; tabs: Array<{ tabId: number; url: string; title: string }> }>(ext, { type: 'admin/picker/tabs' });
    const tab = tabs.tabs.find((t) => t.url === `${host.url}/contacts`);
    // Host permissions alone expose the titles and URLs of web pages: no `tabs` permission needed.
    expect(tab?.title).toBe('Contacts · Cobalt CRM');
    const first = await adminSend<{ ok: true; session: { id: string } }>(ext, { type: 'admin/picker/start', tabId: tab!.tabId });
    await waitForPicker(demo);
    const second = await adminSend<{ ok: true; session: { id: string } }>(ext, { type: 'admin/picker/start', tabId: tab!.tabId });
    expect(second.session.id).not.toBe(first.session.id);
    await waitForPicker(demo);
    await new Promise((r) => setTimeout(r, 300));
    expect(await demo.evaluate(() => document.querySelectorAll('waymark-picker').length)).toBe(1);

    await adminSend(ext, { type: 'admin/picker/cancel', sessionId: second.session.id });
    await waitForNoPicker(demo);
    expect((await sessionNow())?.outcome).toEqual({ kind: 'cancelled', reason: 'admin' });
  });

  it('refuses a tab that is not open, and picker reports from anything but a content script', async () => {
    const r = await adminSend<{ ok: boolean; error?: string }>(ext, { type: 'admin/picker/start', tabId: 999_999 });
    expect(r).toMatchObject({ ok: false });
    // The picker's messages are accepted only from content scripts in a tab, and are schema-checked.
    const fromPage = await adminSend<{ ok: boolean; error?: string }>(ext, { type: 'picker/cancelled' });
    expect(fromPage).toMatchObject({ ok: false, error: '"picker/cancelled" is not accepted from this sender' });
  });
});
