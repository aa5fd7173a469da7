import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../manifest/manifest.config';
import { readAllEvents } from './browser';

/*
 * The built Firefox add-on (`npm run build:firefox` → `dist-firefox/`) in a real Firefox ESR, driven
 * through WebDriver BiDi. Firefox runs the background as an event page (no service-worker target), so
 * state is read and admin messages are sent from an extension page, as the options page does.
 */

export const DIST_FIREFOX = resolve(import.meta.dirname, '../../../dist-firefox');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';
/** Pinned so the test knows the `moz-extension://` origin before the add-on is installed. */
const UUID = '6b1f1c8e-2d4a-4f5e-9a37-0c1d2e3f4a5b';

export const firefoxInstalled = (): boolean => existsSync(FIREFOX);

export interface FirefoxExtension {
  browser: Browser;
  /** `moz-extension://<uuid>`. */
  origin: string;
  /** Opens an extension page and waits until its document has content. */
  openPage(path?: string): Promise<Page>;
  /** Sends a message from an extension page, through the sender checks the options page passes. */
  send<T = unknown>(message: Record<string, unknown>): Promise<T>;
  /** Every stored event, in sequence order, read from the add-on's IndexedDB by an extension page. */
  readEvents(): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(dist = DIST_FIREFOX): Promise<FirefoxExtension> {
  const profile = mkdtempSync(join(tmpdir(), 'waymark-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    // Without it, navigating to moz-extension:// pages is refused.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) },
    defaultViewport: { width: 1280, height: 900 },
  });
  const installed = await browser.installExtension(dist);
  if (installed !== GECKO_ID) throw new Error(`installed ${installed}, expected ${GECKO_ID}`);
  const origin = `moz-extension://${UUID}`;

  const openPage = async (path = 'options-ui/index.html'): Promise<Page> => {
    const page = await browser.newPage();
    // With system access allowed, `goto` on an extension page may never resolve: wait for content instead.
    void page.goto(`${origin}/${path}`).catch(() => undefined);
    // Polled by hand: an evaluation that lands while the tab swaps documents fails, and is tried again.
    const end = Date.now() + 15_000;
    for (;;) {
      const ready = await page.evaluate(() => location.protocol === 'moz-extension:' && (document.body?.childElementCount ?? 0) > 0).catch(() => false);
      if (ready) return page;
      if (Date.now() > end) throw new Error(`the extension page ${path} did not load`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const withPage = async <T>(fn: (page: Page) => Promise<T>): Promise<T> => {
    const page = await openPage();
    try {
      return await fn(page);
    } finally {
      await page.close().catch(() => undefined);
    }
  };
  return {
    browser,
    origin,
    openPage,
    send: <T>(message: Record<string, unknown>) => withPage((p) => p.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<T>),
    readEvents: () => withPage((p) => p.evaluate(readAllEvents)),
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
