import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../demo/hostServer';
import { launchWithExtension, readEvents, waitForEvents, waitForWaymark, type ExtensionBrowser } from './support/browser';
import { doc, expectNoneStored, inOverlay, overlayHas, pause, saveGuidance, storedEverything } from './support/guidance';

let host: HostServer;
let ext: ExtensionBrowser;
let page: Page;

const tip = doc({
  kind: 'tip',
  id: 'po-tip',
  name: 'PO number',
  match: ['http://127.0.0.1/erp/*'],
  target: { tag: 'input', id: 'poNumber', name: 'po', label: 'PO number', placeholder: '8 digits', type: 'text', testId: 'po-number' },
  title: 'Purchase order number',
  body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Use the 8-digit number from the confirmation.' }] }],
  validation: { required: true, pattern: '\\d{8}', maxLength: 8, message: 'A PO number is exactly 8 digits.' },
});

beforeAll(async () => {
  host = await startHostServer();
  ext = await launchWithExtension();
  await saveGuidance(ext, tip);
  page = await ext.browser.newPage();
});

afterAll(async () => {
  await ext?.close();
  await host?.close();
});

const bubble = '[data-waymark-tip="wm-tip-po-tip"]';
const bubbleText = (p: Page) => p.evaluate((s) => document.querySelector('waymark-overlay')?.shadowRoot?.querySelector(s)?.textContent ?? null, bubble);
const gone = (p: Page, s: string) => p.waitForFunction((sel) => !document.querySelector('waymark-overlay')?.shadowRoot?.querySelector(sel), { polling: 50 }, s);

describe('smart tips', () => {
  it('puts a hint icon beside the field that shows the tip on hover and on focus', async () => {
    await page.goto(`${host.url}/erp/orders`);
    await waitForWaymark(page);
    const icon = await inOverlay(page, '[data-waymark-hint="po-tip"] button');
    expect(await icon.evaluate((b) => b.getAttribute('aria-label'))).toBe('Tip: Purchase order number');
    // Beside the field: its left edge is near the field's right edge, vertically within it.
    const [field, hint] = await Promise.all([
      page.$eval('[data-testid="po-number"]', (el) => el.getBoundingClientRect().toJSON() as DOMRect),
      icon.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect),
    ]);
    expect(Math.abs(hint.left - field.right)).toBeLessThan(20);
    expect(hint.top).toBeGreaterThanOrEqual(field.top - 2);
    expect(hint.bottom).toBeLessThanOrEqual(field.bottom + 2);
    expect(await overlayHas(page, bubble)).toBe(false);

    await icon.hover();
    await inOverlay(page, bubble);
    expect(await bubbleText(page)).toBe('Purchase order numberUse the 8-digit number from the confirmation.');
    await page.mouse.move(5, 5);
    await gone(page, bubble);

    await page.focus('[data-testid="po-supplier"]');
    await page.click('[data-testid="po-number"]');
    await inOverlay(page, bubble);
    await page.click('[data-testid="po-supplier"]');
    // Left empty: the required rule is broken, so the tip stays with its message.
    await inOverlay(page, `${bubble} [role="alert"]`);
    expect(await bubbleText(page)).toContain('A PO number is exactly 8 digits.');
  });

  it('shows the message while the value breaks a rule, and never records the value', async () => {
    await page.click('[data-testid="po-number"]');
    await page.keyboard.type('12ab');
    await inOverlay(page, `${bubble} [role="alert"]`);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('345678');
    // 12345678: eight digits, the message goes (the tip stays while the field has focus).
    await gone(page, `${bubble} [role="alert"]`);
    await page.keyboard.type('9');
    await inOverlay(page, `${bubble} [role="alert"]`);
    await page.keyboard.press('Backspace');
    await page.click('[data-testid="po-supplier"]');
    await gone(page, bubble);

    const shown = await waitForEvents(ext, (e) => e.type === 'content_shown');
    expect(shown.map((e) => [e.contentId, e.contentKind])).toEqual([['po-tip', 'tip']]);
    const log = JSON.stringify(await readEvents(ext));
    expect(log).not.toContain('12345678');
    expect(log).not.toContain('12ab');
    // Nor anywhere else the extension stores things (content state, ops, settings).
    expectNoneStored(await storedEverything(ext), ['12345678', '12ab', '123456789']);
  });

  it('remembers that the field was left empty across a new page state', async () => {
    await page.goto(`${host.url}/erp/orders`);
    await waitForWaymark(page);
    await inOverlay(page, '[data-waymark-hint="po-tip"] button');
    await page.click('[data-testid="po-number"]');
    await page.click('[data-testid="po-supplier"]');
    await inOverlay(page, `${bubble} [role="alert"]`);
    // The tab is shown again: the page state is asked for anew and the same tip comes back.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await pause(800);
    await page.click('[data-testid="po-number"]');
    await page.keyboard.type('1');
    await page.keyboard.press('Backspace');
    // Empty again after being left empty: still the required rule's message.
    await pause(300);
    expect(await overlayHas(page, `${bubble} [role="alert"]`)).toBe(true);
  });

  it('counts its showing once per page view', async () => {
    await page.reload();
    await waitForWaymark(page);
    await inOverlay(page, '[data-waymark-hint="po-tip"] button');
    const shown = await waitForEvents(ext, (e) => e.type === 'content_shown', 3);
    expect(shown).toHaveLength(3);
  });

  it("describes the field to assistive tech with the tip, then the broken rule's message, and takes it back on teardown", async () => {
    await page.goto(`${host.url}/erp/orders`);
    await waitForWaymark(page);
    await inOverlay(page, '[data-waymark-hint="po-tip"] button');
    const field = '[data-testid="po-number"]';
    const tipText = 'Purchase order number: Use the 8-digit number from the confirmation.';
    // Read from Chromium's accessibility tree, as a screen reader gets it.
    await page.waitForFunction(() => document.querySelector('[data-testid="po-number"]')?.hasAttribute('aria-description'), { polling: 50 });
    expect(await axDescription(page, field)).toBe(tipText);
    await page.click(field);
    await page.keyboard.type('12ab');
    await inOverlay(page, `${bubble} [role="alert"]`);
    await page.waitForFunction((t) => document.querySelector('[data-testid="po-number"]')?.getAttribute('aria-description') !== t, { polling: 50 }, tipText);
    expect(await axDescription(page, field)).toBe(`A PO number is exactly 8 digits. ${tipText}`);
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('12345678');
    await gone(page, `${bubble} [role="alert"]`);
    await page.waitForFunction((t) => document.querySelector('[data-testid="po-number"]')?.getAttribute('aria-description') === t, { polling: 50 }, tipText);
    expect(await axDescription(page, field)).toBe(tipText);

    // A new page state (the tab shown again) brings the same tip anew: the host's attribute is left alone.
    await page.evaluate(() => {
      const w = window as Window & { wmMutations?: number };
      w.wmMutations = 0;
      new MutationObserver((rs) => (w.wmMutations! += rs.length)).observe(document.querySelector('[data-testid="po-number"]')!, { attributeFilter: ['aria-description'] });
    });
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await pause(800);
    expect(await page.evaluate(() => (window as Window & { wmMutations?: number }).wmMutations)).toBe(0);

    // The host's own description is kept beside the tip's, and given back as it was.
    const el = await page.$(field);
    await page.click('a.nav-link[href="/mail"]');
    await page.waitForFunction(() => location.pathname === '/mail');
    await gone(page, '[data-waymark-hint="po-tip"]');
    // The field is out of the page: the tip's cleanup took the description back from the element.
    await page.waitForFunction((e) => !e.hasAttribute('aria-description'), { polling: 50, timeout: 5000 }, el!);
    // The host app's own description, there from the moment the field is rendered (set by the page
    // itself, so always before the lazily loaded tip can look at the field).
    const own = await page.evaluateOnNewDocument(() => {
      new MutationObserver((_, obs) => {
        const f = document.querySelector('[data-testid="po-number"]');
        if (!f) return;
        f.setAttribute('aria-description', 'Required.');
        obs.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${host.url}/erp/orders`);
    await page.waitForSelector(field);
    await page.removeScriptToEvaluateOnNewDocument(own.identifier);
    await waitForWaymark(page);
    await inOverlay(page, '[data-waymark-hint="po-tip"] button');
    await page.waitForFunction(() => document.querySelector('[data-testid="po-number"]')?.getAttribute('aria-description') !== 'Required.', { polling: 50 });
    expect(await axDescription(page, field)).toBe(`Required. ${tipText}`);
    const again = await page.$(field);
    await page.click('a.nav-link[href="/mail"]');
    await gone(page, '[data-waymark-hint="po-tip"]');
    await page.waitForFunction((e) => e.getAttribute('aria-description') === 'Required.', { polling: 50, timeout: 5000 }, again!);
  });
});

/** The accessible description Chromium computes for the element (CDP `Accessibility.getPartialAXTree`). */
async function axDescription(p: Page, selector: string): Promise<string | null> {
  const cdp = await p.createCDPSession();
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`nothing matches ${selector}`);
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const d = nodes[0]?.description?.value;
    return typeof d === 'string' ? d : null;
  } finally {
    await cdp.detach();
  }
}
