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
