import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../demo/hostServer';
import { launchWithExtension, waitForEvents, waitForStep, waitForWaymark, type ExtensionBrowser } from './support/browser';
import { doc, expectNoneStored, inOverlay, overlayHas, saveFlow, saveGuidance, storedEverything } from './support/guidance';

let host: HostServer;
let ext: ExtensionBrowser;
let page: Page;

const flow = (id: string, name: string, start: string) => ({
  schemaVersion: 2,
  kind: 'flow',
  id,
  name,
  description: `${name} in two minutes`,
  version: 1,
  status: 'published',
  match: ['http://127.0.0.1/erp/*'],
  start,
  updatedAt: '2026-01-01T00:00:00.000Z',
  steps: [
    { id: 'grid', title: 'The orders grid', body: [], target: { tag: 'table', testId: 'orders-grid', classes: ['table', 'erp-grid'] } },
    { id: 'done', title: 'That is all', body: [] },
  ],
});

beforeAll(async () => {
  host = await startHostServer();
  ext = await launchWithExtension();
  await saveFlow(ext, flow('erp-tour', 'Tour of the orders grid', 'launcher'));
  await saveFlow(ext, flow('erp-approvals', 'Approving an order', 'manual'));
  // An auto flow is not offered by the launcher (it starts by itself once).
  await saveFlow(ext, { ...flow('erp-auto', 'Automatic welcome', 'auto'), match: ['http://127.0.0.1/nowhere/*'] });
  await saveGuidance(
    ext,
    doc({
      kind: 'tip',
      id: 'po-tip',
      name: 'PO number',
      match: ['http://127.0.0.1/erp/*'],
      audience: { visit: { kind: 'fromNth', n: 99 } },
      target: { tag: 'input', id: 'poNumber', label: 'PO number', testId: 'po-number' },
      title: 'Purchase order number',
      body: [],
    }),
  );
  await saveGuidance(
    ext,
    doc({
      kind: 'prompt',
      id: 'erp-reorder',
      name: 'Draft a reorder request',
      description: 'For the selected order',
      match: ['http://127.0.0.1/erp/*'],
      target: { tag: 'textarea', id: 'erpAssistant', ariaLabel: 'Ask Orbit Copilot', testId: 'erp-assistant' },
      template: 'Reorder this.',
    }),
  );
  page = await ext.browser.newPage();
});

afterAll(async () => {
  await ext?.close();
  await host?.close();
});

/** The element that has focus, looking into the overlay's shadow root: its data attributes and tag. */
const focused = (p: Page) =>
  p.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.hasAttribute('data-waymark-launcher') ? '[launcher]' : ''}${el.classList.contains('wm-g-search') ? '[search]' : ''}` : null;
  });
const entries = (p: Page) =>
  p.evaluate(() =>
    [...(document.querySelector('waymark-overlay')?.shadowRoot?.querySelectorAll('[data-entry]') ?? [])].map((e) => [
      e.getAttribute('data-entry'),
      e.getAttribute('aria-selected'),
    ]),
  );

describe('the launcher', () => {
  it('is reachable and usable by keyboard, and searches what helps on this page', async () => {
    await page.goto(`${host.url}/erp/orders`);
    await waitForWaymark(page);
    await inOverlay(page, '[data-waymark-launcher]');
    // Tab through the page until the launcher has focus.
    let hit = false;
    for (let i = 0; i < 40 && !hit; i++) {
      await page.keyboard.press('Tab');
      hit = (await focused(page)) === 'button[launcher]';
    }
    expect(hit).toBe(true);
    await page.keyboard.press('Enter');
    await inOverlay(page, '[data-waymark-launcher-panel]');
    expect(await focused(page)).toBe('input[search]');
    // Guides by name, then tips (even one capped from showing by itself) and prompts; the auto flow is not there.
    expect(await entries(page)).toEqual([
      ['guide:erp-approvals', 'true'],
      ['guide:erp-tour', 'false'],
      ['tip:po-tip', 'false'],
      ['prompt:erp-reorder', 'false'],
    ]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect((await entries(page)).map(([, s]) => s)).toEqual(['false', 'false', 'true', 'false']);
    await page.keyboard.press('ArrowUp');
    expect((await entries(page)).map(([, s]) => s)).toEqual(['false', 'true', 'false', 'false']);
    await page.keyboard.type('reord');
    expect(await entries(page)).toEqual([['prompt:erp-reorder', 'true']]);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('[data-waymark-launcher-panel]'));
    expect(await focused(page)).toBe('button[launcher]');
    // Space opens it too; a fresh search.
    await page.keyboard.press('Space');
    await inOverlay(page, '[data-waymark-launcher-panel]');
    await page.keyboard.type('nothing like this');
    expect(await entries(page)).toEqual([]);
    expect(await page.evaluate(() => document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('.wm-g-empty')?.textContent)).toBe('No match.');
    await page.keyboard.press('Escape');
    // What was typed in the search is nowhere in what the extension stored ('reord' is part of a template id).
    expectNoneStored(await storedEverything(ext), ['nothing like this']);
  });

  it('starts a guide picked from the list', async () => {
    await (await inOverlay(page, '[data-waymark-launcher]')).click();
    await inOverlay(page, '[data-waymark-launcher-panel]');
    await page.keyboard.type('tour grid');
    expect(await entries(page)).toEqual([['guide:erp-tour', 'true']]);
    await page.keyboard.press('Enter');
    expect(await waitForStep(page, 0)).toBe('found');
    const started = await waitForEvents(ext, (e) => e.type === 'flow_started');
    expect(started.map((e) => e.flowId)).toEqual(['erp-tour']);
    expect(await overlayHas(page, '[data-waymark-launcher-panel]')).toBe(false);
  });

  it('opens a tip from the list even when its visit rule keeps it from showing by itself', async () => {
    await page.goto(`${host.url}/erp/orders`);
    await waitForWaymark(page);
    await inOverlay(page, '[data-waymark-launcher]');
    expect(await overlayHas(page, '[data-waymark-hint="po-tip"]')).toBe(false);
    await (await inOverlay(page, '[data-waymark-launcher]')).click();
    await (await inOverlay(page, '[data-entry="tip:po-tip"]')).click();
    await inOverlay(page, '[data-waymark-tip="wm-tip-po-tip"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('po-number');
  });

  it('is dragged with the mouse, remembers where, and a drag does not open it', async () => {
    const button = await inOverlay(page, '[data-waymark-launcher]');
    const before = await button.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    await page.mouse.move(before.x + 20, before.y + 20);
    await page.mouse.down();
    await page.mouse.move(before.x - 100, before.y - 150, { steps: 8 });
    await page.mouse.move(before.x - 300, before.y - 250, { steps: 8 });
    await page.mouse.up();
    const after = await button.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    expect(Math.round(after.x)).toBe(Math.round(before.x - 320));
    expect(Math.round(after.y)).toBe(Math.round(before.y - 270));
    expect(await overlayHas(page, '[data-waymark-launcher-panel]')).toBe(false);
    await page.reload();
    await waitForWaymark(page);
    const again = await (await inOverlay(page, '[data-waymark-launcher]')).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    expect([Math.round(again.x), Math.round(again.y)]).toEqual([Math.round(after.x), Math.round(after.y)]);
  });
});
