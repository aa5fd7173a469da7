import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../demo/hostServer';
import { launchWithExtension, waitForEvents, waitForWaymark, type ExtensionBrowser } from './support/browser';
import { clickOverlayButton, doc, inOverlay, overlayHas, pause, saveFeature, saveGuidance } from './support/guidance';

let host: HostServer;
let ext: ExtensionBrowser;
let page: Page;

const exportButton = { tag: 'button', id: 'exportOrders', type: 'button', testId: 'export-orders', text: 'Export CSV' };

beforeAll(async () => {
  host = await startHostServer();
  ext = await launchWithExtension();
  await saveFeature(ext, {
    schemaVersion: 2,
    kind: 'feature',
    id: 'export-orders',
    name: 'Export orders',
    match: ['http://127.0.0.1/erp/*'],
    target: exportButton,
    use: 'click',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
  await saveGuidance(
    ext,
    doc({
      kind: 'beacon',
      id: 'new-export',
      name: 'New export',
      match: ['http://127.0.0.1/erp/*'],
      target: exportButton,
      featureId: 'export-orders',
      title: 'New: export to CSV',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Download the grid as CSV.' }] }],
    }),
  );
  await saveGuidance(
    ext,
    doc({
      kind: 'beacon',
      id: 'mail-assistant-new',
      name: 'Mail assistant',
      match: ['http://127.0.0.1/mail*'],
      target: { tag: 'div', id: 'mailAssistant', role: 'textbox', ariaLabel: 'Ask the mail assistant', testId: 'mail-assistant' },
      title: 'New: the mail assistant',
      body: [],
    }),
  );
  page = await ext.browser.newPage();
});

afterAll(async () => {
  await ext?.close();
  await host?.close();
});

const beacon = (id: string) => `[data-waymark-beacon="${id}"] .wm-g-beacon`;

describe('beacons', () => {
  it('pulses on its target until the feature is first used, opening it is not a use', async () => {
    await page.goto(`${host.url}/erp/orders`);
    await waitForWaymark(page);
    const dot = await inOverlay(page, beacon('new-export'));
    const [btn, spot] = await Promise.all([
      page.$eval('[data-testid="export-orders"]', (el) => el.getBoundingClientRect().toJSON() as DOMRect),
      dot.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect),
    ]);
    // On the target's top right corner.
    expect(Math.abs(spot.left + spot.width / 2 - btn.right)).toBeLessThan(16);
    expect(Math.abs(spot.top - btn.top)).toBeLessThan(16);
    expect(await dot.evaluate((el) => getComputedStyle(el, '::after').animationName)).toBe('wm-g-pulse');

    await dot.click();
    await inOverlay(page, '[role="dialog"][aria-label="New: export to CSV"]');
    await clickOverlayButton(page, 'Got it');
    await page.reload();
    await waitForWaymark(page);
    await inOverlay(page, beacon('new-export'));

    await page.click('[data-testid="export-orders"]');
    const used = await waitForEvents(ext, (e) => e.type === 'feature_used' && e.featureId === 'export-orders');
    expect(used[0]?.firstUse).toBe(true);
    await page.waitForFunction((s) => !document.querySelector('waymark-overlay')?.shadowRoot?.querySelector(s), { polling: 50 }, beacon('new-export'));
    await page.reload();
    await waitForWaymark(page);
    await pause(1500);
    expect(await overlayHas(page, beacon('new-export'))).toBe(false);
    const shown = await waitForEvents(ext, (e) => e.type === 'content_shown' && e.contentId === 'new-export', 2);
    expect(shown.map((e) => e.contentKind)).toEqual(['beacon', 'beacon']);
  });

  it('without a feature, retires once opened and read', async () => {
    await page.goto(`${host.url}/mail`);
    await waitForWaymark(page);
    await (await inOverlay(page, beacon('mail-assistant-new'))).click();
    await clickOverlayButton(page, 'Got it');
    await page.waitForFunction((s) => !document.querySelector('waymark-overlay')?.shadowRoot?.querySelector(s), { polling: 50 }, beacon('mail-assistant-new'));
    await page.reload();
    await waitForWaymark(page);
    await pause(1500);
    expect(await overlayHas(page, beacon('mail-assistant-new'))).toBe(false);
  });
});
