import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { bundleIife } from '../../../bench/targeting/bundle';
import { CHROMIUM_BASE_ARGS } from '../../../scripts/chromiumArgs';
import { CHROMIUM } from './browser';
import { servePages, type PageServer, type Route } from './pageServer';

/** A plain Chromium (no extension) on fixture pages, with a module bundled to drive in them. */
export interface BundledPages {
  /** Base URL of the fixture pages, without a trailing slash. */
  url: string;
  page: Page;
  /** Opens `path` and injects the bundle (an IIFE assigning its exports to `window[globalName]`). */
  open(path: string, opts?: { waitUntil?: 'load' }): Promise<void>;
  close(): Promise<void>;
}

/**
 * For tests of the content-script modules themselves (the locator, its kept page state): `entry`
 * (relative to the repository) bundled as the content script would be, the `routes` served on
 * 127.0.0.1, and one page of a headless Chromium to run them in.
 */
export async function openBundledPages(entry: string, globalName: string, routes: Record<string, Route>): Promise<BundledPages> {
  const root = new URL('../../..', import.meta.url).pathname;
  const { code } = await bundleIife(root, new URL(entry, new URL('../../../', import.meta.url)).pathname, globalName);
  const server: PageServer = await servePages(routes);
  const browser: Browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_BASE_ARGS] });
  const page = await browser.newPage();
  return {
    url: server.url,
    page,
    async open(path, opts) {
      await page.goto(`${server.url}${path}`, opts);
      await page.addScriptTag({ content: code });
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
