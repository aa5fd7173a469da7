import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../demo/hostServer';
import { clickCardButton, launchWithExtension, waitForEvents, waitForStep, waitForWaymark, type ExtensionBrowser } from './support/browser';
import { doc, inOverlay, overlayHas, saveFeature, saveFlow, saveGuidance } from './support/guidance';

let host: HostServer;
let ext: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  host = await startHostServer();
  ext = await launchWithExtension();
  await saveFlow(ext, {
    schemaVersion: 2,
    kind: 'flow',
    id: 'po-basics',
    name: 'Purchase order basics',
    version: 1,
    status: 'published',
    match: ['http://127.0.0.1/erp/*'],
    start: 'manual',
    updatedAt: '2026-01-01T00:00:00.000Z',
    steps: [
      { id: 'grid', title: 'Your orders', body: [], target: { tag: 'table', testId: 'orders-grid' } },
      { id: 'new', title: 'New orders go here', body: [], target: { tag: 'input', id: 'poNumber', testId: 'po-number', label: 'PO number' } },
    ],
  });
  await saveFeature(ext, {
    schemaVersion: 2,
    kind: 'feature',
    id: 'export-orders',
    name: 'Export orders',
    match: ['http://127.0.0.1/erp/*'],
    target: { tag: 'button', id: 'exportOrders', testId: 'export-orders', text: 'Export CSV' },
    use: 'click',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
  await saveGuidance(
    ext,
    doc({
      kind: 'checklist',
      id: 'erp-start',
      name: 'ERP onboarding',
      match: ['http://127.0.0.1/erp/*'],
      title: 'Get started with Orbit',
      items: [
        { id: 'basics', title: 'Learn purchase orders', completeOn: { kind: 'flowCompleted', flowId: 'po-basics' }, startsFlow: 'po-basics' },
        { id: 'export', title: 'Export the orders', completeOn: { kind: 'featureUsed', featureId: 'export-orders' } },
      ],
    }),
  );
  page = await ext.browser.newPage();
});

afterAll(async () => {
  await ext?.close();
  await host?.close();
});

const panel = '[data-waymark-checklist]';
const progress = (p: Page) => p.evaluate((s) => document.querySelector('waymark-overlay')?.shadowRoot?.querySelector(`${s} [role="status"]`)?.textContent ?? null, panel);
const doneItems = (p: Page) =>
  p.evaluate((s) => [...(document.querySelector('waymark-overlay')?.shadowRoot?.querySelectorAll(`${s} [data-done]`) ?? [])].map((e) => e.getAttribute('data-item')), panel);

describe('checklists', () => {
  it('opens by itself, and ticks an item when its flow is really completed', async () => {
    await page.goto(`${host.url}/erp/orders`);
    await waitForWaymark(page);
    await inOverlay(page, panel);
    expect(await progress(page)).toBe('0 of 2 done');
    // Clicking an item does not tick it: it starts the flow that shows how.
    await (await inOverlay(page, `${panel} button[aria-label="Show me: Learn purchase orders"]`)).click();
    expect(await waitForStep(page, 0)).toBe('found');
    // One pop-up at a time: the flow the user started replaces the checklist.
    expect(await overlayHas(page, panel)).toBe(false);
    await clickCardButton(page, 'Next');
    expect(await waitForStep(page, 1)).toBe('found');
    await clickCardButton(page, 'Done');
    await waitForEvents(ext, (e) => e.type === 'flow_completed' && e.flowId === 'po-basics');
    await inOverlay(page, panel);
    expect(await progress(page)).toBe('1 of 2 done');
    expect(await doneItems(page)).toEqual(['basics']);
  });

  it('ticks an item on the first use of its feature, and survives a reload', async () => {
    await page.click('[data-testid="export-orders"]');
    await waitForEvents(ext, (e) => e.type === 'feature_used' && e.featureId === 'export-orders');
    // Finished on this page view: it stays, complete, until the user closes it or leaves.
    await page.waitForFunction((s) => document.querySelector('waymark-overlay')?.shadowRoot?.querySelector(`${s} [role="status"]`)?.textContent === '2 of 2 done', { polling: 50 }, panel);
    expect(await doneItems(page)).toEqual(['basics', 'export']);
    // On the next visit a finished checklist no longer opens by itself; the launcher shows it complete.
    await page.reload();
    await waitForWaymark(page);
    await (await inOverlay(page, '[data-waymark-launcher]')).click();
    const entry = await inOverlay(page, '[data-entry="checklist:erp-start"]');
    expect(await entry.evaluate((e) => e.textContent)).toBe('ChecklistGet started with Orbit2 of 2 done');
    expect(await overlayHas(page, panel)).toBe(false);
    await entry.click();
    await inOverlay(page, panel);
    expect(await progress(page)).toBe('2 of 2 done');
    expect(await doneItems(page)).toEqual(['basics', 'export']);
    const shown = await waitForEvents(ext, (e) => e.type === 'content_shown' && e.contentKind === 'checklist');
    expect(shown.length).toBeGreaterThanOrEqual(1);
  });

  it('stays ticked when the flow is run again', async () => {
    await page.goto(`${host.url}/erp/orders?waymark-flow=po-basics`);
    await waitForWaymark(page);
    expect(await waitForStep(page, 0)).toBe('found');
    await clickCardButton(page, 'Next');
    expect(await waitForStep(page, 1)).toBe('found');
    // Mid-run the checklist, opened from the launcher, still counts the earlier completion.
    await (await inOverlay(page, '[data-waymark-launcher]')).click();
    await (await inOverlay(page, '[data-entry="checklist:erp-start"]')).click();
    await inOverlay(page, panel);
    expect(await doneItems(page)).toEqual(['basics', 'export']);
  });
});
