import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { CHROMIUM_BASE_ARGS, chromiumArgs } from '../../../scripts/chromiumArgs';
import type { Responses, SyncStatus } from '../../../src/messages/protocol';

export const DIST = resolve(import.meta.dirname, '../../../dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  /** The extension's service worker (a fresh handle each call: the worker may have been restarted). */
  worker(): Promise<WebWorker>;
  close(): Promise<void>;
}

/**
 * A browser whose extension can be taken away and installed again, as an update or a reload does to the
 * pages that ran its content scripts (their contexts are invalidated). Chromium does not bring back a
 * command-line extension that reloads itself, so this one is installed over the DevTools protocol.
 */
export interface ReinstallableExtensionBrowser extends ExtensionBrowser {
  uninstall(): Promise<void>;
  /** Installs it again (the same id: it is derived from the path) and waits for its worker. */
  install(): Promise<void>;
}

export { chromiumArgs };

/** Launches a real Chromium with the built extension loaded, in a fresh profile. */
export function launchWithExtension(opts: { headless?: boolean; dist?: string } = {}): Promise<ExtensionBrowser> {
  return launch(opts, false);
}

/** `launchWithExtension`, its extension installed over the DevTools protocol so that tests can remove and reinstall it. */
export async function launchReinstallable(opts: { dist?: string } = {}): Promise<ReinstallableExtensionBrowser> {
  const ext = await launch(opts, true);
  const dist = opts.dist ?? DIST;
  const isWorker = (t: import('puppeteer-core').Target) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${ext.extensionId}/`);
  return {
    ...ext,
    uninstall: () => ext.browser.uninstallExtension(ext.extensionId),
    async install() {
      const id = await ext.browser.installExtension(dist);
      if (id !== ext.extensionId) throw new Error(`reinstalled as ${id}, not ${ext.extensionId}`);
      await ext.browser.waitForTarget(isWorker, { timeout: 20_000 });
    },
  };
}

async function launch(opts: { headless?: boolean; dist?: string }, overProtocol: boolean): Promise<ExtensionBrowser> {
  const dist = opts.dist ?? DIST;
  const profile = mkdtempSync(join(tmpdir(), 'waymark-profile-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    userDataDir: profile,
    args: overProtocol ? [...CHROMIUM_BASE_ARGS, '--enable-unsafe-extension-debugging', '--window-size=1280,900'] : chromiumArgs(dist),
    enableExtensions: true,
    // Extensions are installed over the protocol only through a pipe.
    pipe: overProtocol,
    defaultViewport: { width: 1280, height: 900 },
  });
  if (overProtocol) await browser.installExtension(dist);
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), {
    timeout: 20_000,
  });
  const extensionId = new URL(target.url()).host;
  const isOurWorker = (x: import('puppeteer-core').Target) =>
    x.type() === 'service_worker' && x.url().startsWith(`chrome-extension://${extensionId}/`);
  const worker = async (): Promise<WebWorker> => {
    for (let attempt = 0; attempt < 5; attempt++) {
      // An idle (or stopped) MV3 worker is started again by a message from an extension page.
      await adminSend(ext, { type: 'admin/flows/list' });
      const t = ext.browser.targets().filter(isOurWorker).at(-1) ?? (await browser.waitForTarget(isOurWorker, { timeout: 10_000 }));
      const w = await Promise.race([t.worker(), new Promise<null>((r) => setTimeout(() => r(null), 5000))]).catch(() => null);
      if (!w) continue;
      // Right after start, `chrome` may not be there yet.
      for (let i = 0; i < 50; i++) {
        if (await w.evaluate(() => typeof chrome !== 'undefined' && chrome.runtime?.id !== undefined).catch(() => false)) return w;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error('could not reach the extension service worker');
  };
  const ext: ExtensionBrowser = {
    browser,
    extensionId,
    worker,
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return ext;
}

/** Opens an extension page (the options page by default). */
export async function openExtensionPage(ext: ExtensionBrowser, path = 'options-ui/index.html'): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
  return page;
}

/**
 * Sends an admin message from a real extension page, through the same path and sender checks the
 * options page uses.
 */
export async function adminSend<T = unknown>(ext: ExtensionBrowser, message: Record<string, unknown>): Promise<T> {
  const page = await openExtensionPage(ext);
  try {
    return (await page.evaluate((m) => chrome.runtime.sendMessage(m), message)) as T;
  } finally {
    await page.close();
  }
}

/**
 * The sync status the options page shows (`admin/sync/status`). A message to a stopped worker starts it,
 * and it syncs on start: reading the status also wakes the worker.
 */
export async function syncStatus(ext: ExtensionBrowser): Promise<SyncStatus> {
  const r = await adminSend<Responses['admin/sync/status']>(ext, { type: 'admin/sync/status' });
  if (!r.ok) throw new Error(r.error);
  return r.status;
}

/** Reads every stored event, in sequence order, from the extension's IndexedDB (run in an extension context). */
export function readAllEvents(): Promise<Array<Record<string, unknown>>> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('waymark');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction('events').objectStore('events').index('bySeq').getAll();
      req.onsuccess = () => {
        resolve(req.result as Array<Record<string, unknown>>);
        db.close();
      };
      req.onerror = () => reject(req.error);
    };
  });
}

/**
 * Reads every stored event back from the extension's IndexedDB. By default inside the service worker;
 * `via: 'page'` reads the same database from an extension page, for tests that stop the worker (a
 * puppeteer handle to a stopped worker can hang).
 */
export async function readEvents(ext: ExtensionBrowser, opts: { via?: 'worker' | 'page' } = {}): Promise<Array<Record<string, unknown>>> {
  if (opts.via === 'page') {
    const page = await openExtensionPage(ext);
    try {
      return await page.evaluate(readAllEvents);
    } finally {
      await page.close();
    }
  }
  const w = await ext.worker();
  return w.evaluate(readAllEvents);
}

/** Stops every service worker, as Chromium does to an idle MV3 worker. */
export async function stopWorkers(ext: ExtensionBrowser): Promise<void> {
  // The ServiceWorker domain lives on page sessions, not on the browser session.
  const pages = await ext.browser.pages();
  const page = pages[0] ?? (await ext.browser.newPage());
  const session = await page.createCDPSession();
  try {
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** Waits until the bootstrap on `page` has applied its first answer. */
export async function waitForWaymark(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(() => document.documentElement.getAttribute('data-waymark') === 'ready', { timeout });
}

/** Waits for the card of step `index` (0-based) in the overlay's shadow root; returns its phase. */
export async function waitForStep(page: Page, index: number, timeout = 15_000): Promise<string> {
  const handle = await page.waitForFunction(
    (i) => {
      // The host lives inside the page's open modal dialog, which may be in a component's shadow root.
      const find = (r: Document | ShadowRoot): Element | null => {
        const hit = r.querySelector('waymark-overlay');
        if (hit) return hit;
        for (const e of r.querySelectorAll('*')) {
          const inner = e.shadowRoot ? find(e.shadowRoot) : null;
          if (inner) return inner;
        }
        return null;
      };
      const root = find(document)?.shadowRoot;
      const el = root?.querySelector(`[data-waymark-step="${i}"]`);
      return el?.querySelector('.wm-card') ? el.getAttribute('data-waymark-phase') : null;
    },
    { timeout, polling: 50 },
    index,
  );
  return (await handle.jsonValue()) as string;
}

/** The visible step card's title and progress text, or null when no step card is shown. */
export async function cardText(page: Page): Promise<{ title: string; progress: string; body: string } | null> {
  // Through open shadow roots: the host lives in the page's open modal dialog, wherever that is.
  const host = await page.$('pierce/waymark-overlay');
  if (!host) return null;
  return host.evaluate((h) => {
    const root = h.shadowRoot;
    // A step's card; other guidance (checklists, surveys, tips) uses the same card style.
    const card = root?.querySelector('[data-waymark-step] .wm-card');
    if (!card) return null;
    return {
      title: card.querySelector('.wm-title')?.textContent ?? '',
      progress: card.querySelector('.wm-progress')?.textContent ?? '',
      body: card.querySelector('.wm-body')?.textContent ?? '',
    };
  });
}

/** Clicks a button in the card by its text. */
export async function clickCardButton(page: Page, text: string): Promise<void> {
  const ok = await page.evaluate((t) => {
    const root = document.querySelector('waymark-overlay')?.shadowRoot;
    const btn = [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === t);
    btn?.click();
    return btn !== undefined;
  }, text);
  if (!ok) throw new Error(`no "${text}" button in the card`);
}

/** Polls the event log until `pred` matches at least `count` events (events are written asynchronously). */
export async function waitForEvents(
  ext: ExtensionBrowser,
  pred: (e: Record<string, unknown>) => boolean,
  count = 1,
  opts: { timeout?: number; via?: 'worker' | 'page' } = {},
): Promise<Array<Record<string, unknown>>> {
  const end = Date.now() + (opts.timeout ?? 15_000);
  for (;;) {
    const hits = (await readEvents(ext, opts.via ? { via: opts.via } : {})).filter(pred);
    if (hits.length >= count || Date.now() > end) return hits;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Clicks the extension's toolbar button over `page` (puppeteer's `triggerExtensionAction`) and returns the popup. */
export async function openToolbarPopup(ext: ExtensionBrowser, page: Page): Promise<Page> {
  await page.bringToFront();
  const extension = (await ext.browser.extensions()).get(ext.extensionId);
  if (!extension) throw new Error('the extension is not listed');
  await page.triggerExtensionAction(extension);
  const target = await ext.browser.waitForTarget((t) => t.url() === `chrome-extension://${ext.extensionId}/options-ui/popup.html`, { timeout: 10_000 });
  const popup = await target.asPage();
  await popup.waitForSelector('[data-testid="toolbar-popup"]');
  return popup;
}
