import type { ElementHandle, Page } from 'puppeteer-core';

/*
 * Probes of what a person sees and can click when the page has something in its top layer (a modal
 * dialog, fullscreen): our hosts (`waymark-overlay`, `waymark-picker`) then live inside it, which may be
 * inside a component's shadow root, so they are found through open shadow roots, and what is drawn at a
 * point is asked of each shadow root on the way down.
 */

type Host = 'waymark-overlay' | 'waymark-picker';

/** Our host, through open shadow roots (puppeteer's `pierce/`); null when there is none. */
export async function ourHost(page: Page, host: Host): Promise<ElementHandle<Element> | null> {
  return page.$(`pierce/${host}`);
}

/**
 * What is drawn at the centre of `selector` in our host's shadow root: `ours` when it is that element
 * (or inside it), else what covers it (`deal-form` for a component's dialog drawn over it). With
 * `pointer`, the element takes the pointer for the probe (the hover label never does, so that hovering
 * goes on to the page beneath).
 */
async function drawnAt(page: Page, host: Host, selector: string, pointer = false): Promise<string> {
  const handle = await ourHost(page, host);
  if (!handle) return `no ${host}`;
  return handle.evaluate(
    (h, s, takePointer) => {
      const el = h?.shadowRoot?.querySelector<HTMLElement>(s);
      if (!h?.shadowRoot || !el) return `no ${s}`;
      if (el.style.display === 'none') return 'hidden';
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return 'not drawn';
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (takePointer) el.style.pointerEvents = 'auto';
      try {
        let hit = document.elementFromPoint(x, y);
        while (hit !== null && hit !== h && hit.shadowRoot) {
          const inner = hit.shadowRoot.elementFromPoint(x, y);
          if (inner === null || inner === hit) break;
          hit = inner;
        }
        if (hit !== h) return hit?.localName ?? 'nothing';
        const inner = h.shadowRoot.elementFromPoint(x, y);
        return inner !== null && el.contains(inner) ? 'ours' : 'another part of ours';
      } finally {
        if (takePointer) el.style.pointerEvents = '';
      }
    },
    selector,
    pointer,
  );
}

/** `drawnAt`, polled until it is ours (the host may move a frame after the dialog did). */
async function drawnAtSettled(page: Page, host: Host, selector: string, pointer = false): Promise<string> {
  const end = Date.now() + 3000;
  for (;;) {
    const seen = await drawnAt(page, host, selector, pointer);
    if (seen === 'ours' || Date.now() > end) return seen;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What is on screen at the centre of the step card: `ours`, or what covers it. */
export const topmostAtCard = (page: Page) => drawnAtSettled(page, 'waymark-overlay', '[data-waymark-step] .wm-card');
/** What is on screen at the centre of the picker banner's Cancel: `ours`, or what covers it. */
export const topmostAtCancel = (page: Page) => drawnAtSettled(page, 'waymark-picker', '.wmp-cancel');
/** What is on screen where the picker's hover label stands: `ours`, or what covers it. */
export const labelOnTop = (page: Page) => drawnAtSettled(page, 'waymark-picker', '.wmp-label', true);

/** The centre, on screen, of `selector` in our host's shadow root; null when it is not there. */
async function centreOf(page: Page, host: Host, selector: string, text?: string): Promise<{ x: number; y: number } | null> {
  const handle = await ourHost(page, host);
  if (!handle) return null;
  return handle.evaluate(
    (h, s, t) => {
      const el = [...(h.shadowRoot?.querySelectorAll(s) ?? [])].find((e) => t === null || e.textContent?.trim() === t);
      const r = el?.getBoundingClientRect();
      return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    },
    selector,
    text ?? null,
  );
}

/** Clicks a card button with the real mouse, at its place on screen: what a person does. */
export async function mouseClickCardButton(page: Page, text: string): Promise<void> {
  const at = await centreOf(page, 'waymark-overlay', '[data-waymark-step] button', text);
  if (!at) throw new Error(`no "${text}" button on the card`);
  await page.mouse.click(at.x, at.y);
}

/** The element picker's state, where it lives: up (its banner drawn), its hover label's text, or gone. */
export async function pickerState(page: Page): Promise<{ up: boolean; label: string | null; home: string | null }> {
  const handle = await ourHost(page, 'waymark-picker');
  if (!handle) return { up: false, label: null, home: null };
  return handle.evaluate((host) => {
    const label = host.shadowRoot?.querySelector<HTMLElement>('.wmp-label');
    const parent = host.parentElement;
    return {
      up: !!host.shadowRoot?.querySelector('[data-waymark-picker-banner]'),
      // Hidden, the label keeps the text it showed last.
      label: label && label.style.display !== 'none' ? (label.textContent ?? '') : null,
      home: parent ? parent.localName + (parent.id ? `#${parent.id}` : '') : null,
    };
  });
}

/** Polls `pickerState` until `pred` holds. */
export async function waitForPicker(page: Page, pred: (s: Awaited<ReturnType<typeof pickerState>>) => boolean, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    const s = await pickerState(page);
    if (pred(s)) return;
    if (Date.now() > end) throw new Error(`picker not as expected: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Moves the real mouse onto `selector` (puppeteer's: `deal-form >>> #deal-name` reaches into a shadow
 * root) until the picker's label matches `label`.
 */
export async function hoverWithMouse(page: Page, selector: string, label: RegExp): Promise<void> {
  const { x, y } = await page.$eval(selector, (e) => {
    const r = e.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(Math.max(1, x - 150), y + 80);
  await page.mouse.move(x, y, { steps: 6 });
  await waitForPicker(page, (s) => s.label !== null && label.test(s.label), 5000);
}

/** Clicks the banner's Cancel with the real mouse, at its place on screen; resolves when the picker is gone. */
export async function clickCancelWithMouse(page: Page): Promise<void> {
  const at = await centreOf(page, 'waymark-picker', '.wmp-cancel');
  if (!at) throw new Error('no Cancel button on the banner');
  await page.mouse.click(at.x, at.y);
  await waitForPicker(page, (s) => !s.up && s.home === null, 5000);
}

/** How a test talks to the extension's background as the options page does (Chromium or Firefox). */
export type Send = <T = unknown>(message: Record<string, unknown>) => Promise<T>;

/** Starts the element picker on the page's tab as the options page does (the tab found by its URL), and waits for its banner. */
export async function startPickerOn(page: Page, send: Send, url: string): Promise<void> {
  const { tabs } = await send<{ tabs: Array<{ tabId: number; url: string }> }>({ type: 'admin/picker/tabs' });
  const tab = tabs.find((t) => t.url === url);
  if (!tab) throw new Error(`no tab at ${url}`);
  const started = await send<{ ok?: boolean }>({ type: 'admin/picker/start', tabId: tab.tabId });
  if (started.ok !== true) throw new Error(`the picker did not start: ${JSON.stringify(started)}`);
  await waitForPicker(page, (s) => s.up);
}
