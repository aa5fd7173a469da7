import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../demo/hostServer';
import { adminSend, cardText, launchWithExtension, openToolbarPopup, waitForStep, type ExtensionBrowser } from './support/browser';
import { demoSeed } from './support/demoSeed';
import { firefoxInstalled, launchFirefoxWithExtension, type FirefoxExtension } from './support/firefox';
import { inOverlay } from './support/guidance';
import { pickWithMouse } from './support/pickWithMouse';

/**
 * Real host apps (webmail, CRMs, AI assistants) send a strict Content-Security-Policy: no inline styles,
 * no inline or foreign scripts, no foreign connections. The guidance must still show there, styled and
 * working, and the page must see no policy violation caused by Waymark.
 */
const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
  // Google's apps and others allow only Trusted Types into HTML and script sinks.
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

let host: HostServer;
let page: Page;

beforeAll(async () => {
  host = await startHostServer({ release: 1, csp: STRICT_CSP });
});
afterAll(async () => {
  await host?.close();
});

/** A tab that keeps every violation the page sees, whoever caused it. */
async function watchedTab(browser: Browser): Promise<Page> {
  const tab = await browser.newPage();
  await tab.evaluateOnNewDocument(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return tab;
}

/** The computed style of an element in the overlay's shadow root: what the user actually sees. */
const styleOf = (selector: string, props: string[]) =>
  page.evaluate(
    (sel, names) => {
      const el = document.querySelector('waymark-overlay')?.shadowRoot?.querySelector(sel);
      if (!el) return null;
      const cs = getComputedStyle(el);
      return Object.fromEntries(names.map((n) => [n, cs.getPropertyValue(n)]));
    },
    selector,
    props,
  );

function underStrictCsp(waitTimeout: number) {
  it('the host page really runs under it: an inline style of its own is refused', async () => {
    await page.goto(`${host.url}/contacts`);
    await page.waitForSelector('a.contact-link');
    const applied = await page.evaluate(() => {
      const s = document.createElement('style');
      s.textContent = 'body { outline: 7px solid rgb(1, 2, 3); }';
      document.head.append(s);
      const v = getComputedStyle(document.body).outlineWidth;
      s.remove();
      return v;
    });
    expect(applied).not.toBe('7px');
    await page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length > 0, { polling: 50 });
    await page.evaluate(() => ((window as unknown as { __violations: string[] }).__violations.length = 0));
  });

  it('shows the walkthrough styled and placed, advances it, and the launcher works; no violation comes from Waymark', async () => {
    await page.goto(`${host.url}/contacts`);
    expect(await waitForStep(page, 0, waitTimeout)).toBe('found');
    expect(await cardText(page)).toMatchObject({ title: 'Open a contact', progress: '1 of 4' });

    // The card's stylesheet applied (it lives in the overlay's shadow root): a white, rounded, shadowed
    // box laid over the page, next to its target rather than at the top left of the document.
    const card = await styleOf('[data-waymark-step] .wm-card', ['background-color', 'border-top-left-radius', 'box-shadow', 'position', 'z-index']);
    expect(card).not.toBeNull();
    expect(card!['background-color']).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    expect(card!['border-top-left-radius']).not.toBe('0px');
    expect(card!['box-shadow']).not.toBe('none');
    const placed = await page.evaluate(() => {
      const root = document.querySelector('waymark-overlay')?.shadowRoot;
      const c = root?.querySelector('[data-waymark-step] .wm-card')?.getBoundingClientRect();
      const t = document.querySelector('a.contact-link')?.getBoundingClientRect();
      return c && t ? { dx: Math.abs(c.left - t.right), dy: Math.abs(c.top + c.height / 2 - (t.top + t.height / 2)), w: c.width } : null;
    });
    expect(placed).not.toBeNull();
    expect(placed!.w).toBeGreaterThan(200);
    expect(Math.min(placed!.dx, placed!.dy)).toBeLessThan(200);

    await page.click('a.contact-link');
    expect(await waitForStep(page, 1, waitTimeout)).toBe('found');
    expect((await cardText(page))?.progress).toBe('2 of 4');
    await (await inOverlay(page, '[data-waymark-step] .wm-close')).click();
    await page.waitForFunction(() => !document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('[data-waymark-step]'), { polling: 50 });

    const launcher = await inOverlay(page, '[data-waymark-launcher]');
    const look = await styleOf('[data-waymark-launcher]', ['position', 'border-top-left-radius']);
    expect(look).toMatchObject({ position: 'fixed' });
    expect(look!['border-top-left-radius']).not.toBe('0px');
    await launcher.click();
    const panel = await inOverlay(page, '[data-waymark-launcher-panel]');
    expect(await panel.evaluate((p) => p.textContent ?? '')).toMatch(/\S/);

    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    expect(violations).toEqual([]);
  });
}

describe('Chromium, under a strict Content-Security-Policy', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchWithExtension();
    expect((await adminSend<{ ok: boolean }>(ext, { type: 'admin/bundle/import', bundle: demoSeed() })).ok).toBe(true);
    page = await watchedTab(ext.browser);
  });
  afterAll(async () => {
    await ext?.close();
  });
  underStrictCsp(15_000);

  it('the element picker works there too: picked from the toolbar, the editor gets the element, and the page sees no violation', async () => {
    const tab = await watchedTab(ext.browser);
    await tab.goto(`${host.url}/contacts/c-1001`);
    await tab.waitForSelector('[data-testid="create-deal"]');
    const popup = await openToolbarPopup(ext, tab);
    await popup.click('[data-testid="popup-pick-feature"]');
    await pickWithMouse(tab, '[data-testid="create-deal"]', /button/);
    const target = await ext.browser.waitForTarget((t) => t.url().startsWith(`chrome-extension://${ext.extensionId}/options-ui/index.html#/features/new/pick/`), { timeout: 10_000 });
    const editor = await target.asPage();
    await editor.waitForSelector('[data-testid="picked-notice"]');
    expect(await editor.$eval('#f-target-testId', (e) => (e as HTMLInputElement).value)).toBe('create-deal');
    expect(await tab.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    await editor.close();
    await tab.close();
  });
});

describe.skipIf(!firefoxInstalled() && process.env.CI !== 'true')('Firefox ESR, under a strict Content-Security-Policy', () => {
  let ff: FirefoxExtension;
  beforeAll(async () => {
    ff = await launchFirefoxWithExtension();
    expect(await ff.send<{ ok: boolean }>({ type: 'admin/bundle/import', bundle: demoSeed() })).toMatchObject({ ok: true });
    page = await watchedTab(ff.browser);
  }, 120_000);
  afterAll(async () => {
    await ff?.close();
  });
  underStrictCsp(20_000);
});
