import type { ElementHandle, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { adminSend, type ExtensionBrowser } from './browser';

/** A guidance document for the e2e tests: published on every page of the demo host unless told otherwise. */
export function doc<T extends Record<string, unknown>>(over: T): T & Record<string, unknown> {
  return { schemaVersion: 2, status: 'published', match: ['http://127.0.0.1/*'], updatedAt: '2026-01-01T00:00:00.000Z', ...over };
}

/** Saves a guidance document through the options page's message, and fails the test if it is refused. */
export async function saveGuidance(ext: ExtensionBrowser, guidance: Record<string, unknown>): Promise<void> {
  const r = await adminSend<{ ok: boolean; issues?: unknown }>(ext, { type: 'admin/guidance/save', guidance });
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
}

export async function saveFlow(ext: ExtensionBrowser, flow: Record<string, unknown>): Promise<void> {
  const r = await adminSend<{ ok: boolean }>(ext, { type: 'admin/flows/save', flow });
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
}

export async function saveFeature(ext: ExtensionBrowser, feature: Record<string, unknown>): Promise<void> {
  const r = await adminSend<{ ok: boolean }>(ext, { type: 'admin/features/save', feature });
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
}

/** An element in the overlay's shadow root, waited for until visible. */
export async function inOverlay(page: Page, selector: string, timeout = 15_000): Promise<ElementHandle<Element>> {
  const el = await page.waitForSelector(`waymark-overlay >>> ${selector}`, { visible: true, timeout });
  if (!el) throw new Error(`no ${selector} in the overlay`);
  return el;
}

/**
 * Clicks (with the mouse) an element in the overlay's shadow root. The overlay may re-render it between
 * the lookup and the click (its anchor re-found after the host app re-rendered the target): then it is
 * looked up again, as a user would click what is there now.
 */
export async function clickInOverlay(page: Page, selector: string, timeout = 15_000): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await (await inOverlay(page, selector, timeout)).click();
      return;
    } catch (e) {
      if (attempt >= 3 || !/detached|not clickable/i.test(String(e))) throw e;
    }
  }
}

/** Whether a selector matches in the overlay's shadow root right now. */
export function overlayHas(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => document.querySelector('waymark-overlay')?.shadowRoot?.querySelector(s) != null, selector);
}

/** Selects the text of the first element matching `selector` on the host page, as a user dragging over it would. */
export async function selectText(page: Page, selector: string): Promise<string> {
  return page.evaluate((s) => {
    const el = document.querySelector(s);
    if (!el) throw new Error(`nothing matches ${s}`);
    const range = document.createRange();
    range.selectNodeContents(el);
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    return sel.toString();
  }, selector);
}

/** Waits for `ms` milliseconds, to show that something does not happen. */
export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Clicks (with the mouse) the overlay button whose text is `text`. */
export async function clickOverlayButton(page: Page, text: string, timeout = 15_000): Promise<void> {
  const handle = await page.waitForFunction(
    (t) => [...(document.querySelector('waymark-overlay')?.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === t) ?? null,
    { timeout, polling: 50 },
    text,
  );
  await (handle as ElementHandle<HTMLButtonElement>).click();
}

/**
 * Everything the extension has stored, as one JSON string: every IndexedDB store (events, content
 * state, progress, ops, meta…) and chrome.storage.local, read in the worker. For asserting that what a
 * user typed or the page said is nowhere in it.
 */
export async function storedEverything(ext: ExtensionBrowser): Promise<string> {
  const w = await ext.worker();
  return w.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('waymark');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const out: Record<string, unknown> = {};
    for (const name of [...db.objectStoreNames]) {
      out[name] = await new Promise((resolve, reject) => {
        const r = db.transaction(name, 'readonly').objectStore(name).getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    }
    db.close();
    out['chrome.storage.local'] = await chrome.storage.local.get(null);
    return JSON.stringify(out);
  });
}

/** Fails unless `stored` (see `storedEverything`) holds something, and none of `secrets`. */
export function expectNoneStored(stored: string, secrets: readonly string[]): void {
  expect(stored).toContain('"events"');
  for (const s of secrets) expect(stored, `"${s}" is stored`).not.toContain(s);
}
