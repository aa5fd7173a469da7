import type { CDPSession, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../demo/hostServer';
import { launchWithExtension, waitForWaymark, type ExtensionBrowser } from './support/browser';
import { doc, inOverlay, saveGuidance } from './support/guidance';

let host: HostServer;
let ext: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  host = await startHostServer();
  ext = await launchWithExtension();
  const match = ['http://127.0.0.1/erp/*'];
  await saveGuidance(ext, doc({ kind: 'tip', id: 'po-tip', name: 'PO', match, target: { tag: 'input', id: 'poNumber', testId: 'po-number' }, title: 'PO number', body: [] }));
  await saveGuidance(
    ext,
    doc({
      kind: 'tip',
      id: 'grid-tip',
      name: 'Grid',
      match,
      audience: { elementPresent: { tag: 'table', testId: 'orders-grid' } },
      target: { tag: 'button', id: 'exportOrders', testId: 'export-orders' },
      title: 'Export',
      body: [],
    }),
  );
  await saveGuidance(
    ext,
    doc({ kind: 'prompt', id: 'ask', name: 'Ask', match, target: { tag: 'textarea', id: 'erpAssistant', testId: 'erp-assistant' }, template: 'Summarize the grid.', variables: [] }),
  );
  page = await ext.browser.newPage();
});

afterAll(async () => {
  await ext?.close();
  await host?.close();
});

/**
 * Event listeners on the page's document and window added by the extension's content scripts, as
 * "target:type": read in the content scripts' own (isolated) world, where their listeners live.
 */
async function extensionListeners(cdp: CDPSession, contextId: number): Promise<string[]> {
  const out: string[] = [];
  for (const expression of ['document', 'window']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression, contextId });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    out.push(...listeners.map((l) => `${expression}:${l.type}`));
  }
  return out.sort();
}

describe('guidance teardown', () => {
  it("removes every document and window listener, its UI and the field's description when the extension goes away", async () => {
    await page.goto(`${host.url}/erp/orders`);
    await waitForWaymark(page);
    await inOverlay(page, '[data-waymark-hint="po-tip"] button');
    await inOverlay(page, '[data-waymark-hint="grid-tip"] button');
    await page.click('[data-testid="erp-assistant"]');
    await inOverlay(page, '[data-template="ask"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="po-number"]')?.hasAttribute('aria-description'), { polling: 50 });

    const cdp = await page.createCDPSession();
    const contexts: Array<{ id: number; origin: string; type: unknown; frameId: unknown }> = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push({ id: e.context.id, origin: e.context.origin, type: e.context.auxData?.type, frameId: e.context.auxData?.frameId }));
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const world = contexts.find((c) => c.type === 'isolated' && c.origin === `chrome-extension://${ext.extensionId}` && c.frameId === frameTree.frame.id);
    if (!world) throw new Error(`no content script world among ${JSON.stringify(contexts)}`);
    const before = await extensionListeners(cdp, world.id);
    // The tips', the prompt helper's and the selection watcher's listeners are there to be removed.
    for (const t of ['document:focusin', 'document:focusout', 'document:input', 'document:pointerdown', 'document:keydown', 'document:selectionchange', 'window:resize']) {
      expect(before, t).toContain(t);
    }

    // The extension is reloaded: this page's content script context is gone, and its next message finds out.
    const w = await ext.worker();
    await w.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));
    await page.evaluate(() => history.pushState(null, '', `${location.pathname}?after-reload`));
    await page.waitForFunction(() => !document.documentElement.hasAttribute('data-waymark'), { polling: 100, timeout: 15_000 });
    await page.waitForFunction(() => !document.querySelector('waymark-overlay'), { polling: 100, timeout: 5000 });

    expect(await extensionListeners(cdp, world.id)).toEqual([]);
    expect(await page.$eval('[data-testid="po-number"]', (e) => e.getAttribute('aria-description'))).toBeNull();
    await cdp.detach();
  });
});
