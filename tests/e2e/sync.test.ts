import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../demo/hostServer';
import type { Responses, SyncStatus } from '../../src/messages/protocol';
import {
  adminSend,
  cardText,
  launchWithExtension,
  openExtensionPage,
  readEvents,
  syncStatus,
  waitForStep,
  waitForWaymark,
  type ExtensionBrowser,
} from './support/browser';
import { until } from './support/until';
import { createToken, startCollector, startFaultProxy, storedEvents, tempDataDir, type Collector, type FaultProxy } from './support/collector';
import { demoSeed } from './support/demoSeed';

/*
 * The extension against a real collector process: settings made on the options page, events uploaded,
 * a flow published on the collector pulled (then revalidated with If-None-Match / 304) and shown on
 * the demo app, then retired. A recording proxy between them shows what went over the wire.
 */

const SEED = demoSeed<{
  features: { id: string }[];
}>();
const TENANT = 'acme';

let collector: Collector;
let proxy: FaultProxy;
let host: HostServer;
let ext: ExtensionBrowser;
let employeeToken: string;
let adminToken: string;

/** Also wakes the worker (see `syncStatus`). */
const status = (): Promise<SyncStatus> => syncStatus(ext);

const admin = (path: string, body?: unknown) =>
  fetch(`${collector.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

beforeAll(async () => {
  const dataDir = tempDataDir();
  employeeToken = await createToken(dataDir, TENANT, 'employee');
  adminToken = await createToken(dataDir, TENANT, 'admin');
  collector = await startCollector({ dataDir });
  proxy = await startFaultProxy(collector.port);
  host = await startHostServer({ release: 1 });
  ext = await launchWithExtension();
  // Only the AI assistant feature: the seed's onboarding flow would compete with the one published below.
  const bundle = { ...SEED, flows: [], features: SEED.features.filter((f) => f.id === 'ai-assistant'), guidance: [] };
  expect((await adminSend<{ ok: boolean }>(ext, { type: 'admin/bundle/import', bundle })).ok).toBe(true);
}, 120_000);

afterAll(async () => {
  await ext?.close();
  await host?.close();
  await proxy?.close();
  await collector?.dispose();
});

async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.click(selector, { clickCount: 3 });
  await page.keyboard.press('Backspace');
  await page.type(selector, value);
}

describe('sync with a real collector', () => {
  it('is set up on the options page: the connection is tested, then saved', async () => {
    const page = await openExtensionPage(ext, 'options-ui/index.html#/sync');
    await page.waitForSelector('[data-testid="sync-form"]');
    // The browser accepted the manifest's managed_schema: policy storage is readable (and empty here).
    expect(await page.evaluate(() => chrome.storage.managed.get(null))).toEqual({});
    expect(await page.$eval('[data-testid="sync-status-state"]', (e) => e.textContent)).toBe('Not set up');
    await fill(page, '[data-testid="sync-serverUrl"]', proxy.url);
    await fill(page, '[data-testid="sync-token"]', 'wm_not-a-real-token');
    await page.click('[data-testid="sync-test"]');
    await page.waitForSelector('[data-testid="sync-test-result"][data-result="error"]');
    expect(await page.$eval('[data-testid="sync-test-result"]', (e) => e.textContent)).toMatch(/HTTP 401/);

    await fill(page, '[data-testid="sync-token"]', employeeToken);
    await page.click('[data-testid="sync-test"]');
    await page.waitForSelector('[data-testid="sync-test-result"][data-result="ok"]');
    expect(await page.$eval('[data-testid="sync-test-result"]', (e) => e.textContent)).toContain(`tenant “${TENANT}”, role employee`);

    await page.click('.advanced summary');
    await fill(page, '[data-testid="sync-syncIntervalSeconds"]', '1');
    await page.click('[data-testid="sync-save"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="flash"]')?.textContent?.includes('Sync settings saved'));
    // The token is write-only: the field is empty again, and the page says one is saved.
    expect(await page.$eval('[data-testid="sync-token"]', (e) => (e as HTMLInputElement).value)).toBe('');
    expect(await page.$eval('[data-testid="sync-token"]', (e) => (e as HTMLInputElement).placeholder)).toContain('saved');
    const settings = await adminSend<Responses['admin/sync/config/get']>(ext, { type: 'admin/sync/config/get' });
    expect(settings.ok && settings.settings).toMatchObject({ configured: true, tokenSet: true, values: { serverUrl: proxy.url, syncIntervalSeconds: 1 } });
    expect(JSON.stringify(settings)).not.toContain(employeeToken);
    await page.close();
  });

  it('uploads the events the extension records, and the options page says it is up to date', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${host.url}/deals/new`);
    await waitForWaymark(page);
    for (let i = 0; i < 3; i++) {
      await page.waitForSelector('[data-testid="ai-ask"]:not([disabled])');
      await page.click('[data-testid="ai-ask"]');
    }
    await until('the uses to be recorded', async () => (await readEvents(ext, { via: 'page' })).length >= 3);
    const st = await until('the upload', async () => {
      const s = await status();
      return s.unsynced === 0 && s.stored >= 3 && s;
    });
    expect(st).toMatchObject({ state: 'idle', dropped: 0, rejected: 0, serverUrl: proxy.url });
    expect(proxy.log.filter((e) => e.method === 'POST' && e.path === '/v1/events' && e.outcome === 200).length).toBeGreaterThan(0);
    await page.close();

    const options = await openExtensionPage(ext, 'options-ui/index.html#/sync');
    await options.waitForSelector('[data-testid="sync-status"][data-state="idle"]');
    expect(await options.$eval('[data-testid="sync-unsynced"]', (e) => e.textContent)).toBe('0 events');
    expect(await options.$eval('[data-testid="sync-last-success"]', (e) => e.textContent)).toBe('just now');
    await options.close();
  });

  it('pulls a flow published on the collector, revalidates it with If-None-Match (304), and shows it on the demo app', async () => {
    const flow = {
      schemaVersion: 2,
      kind: 'flow',
      id: 'collector-tour',
      name: 'Published on the collector',
      version: 1,
      status: 'draft',
      match: ['http://127.0.0.1/*'],
      start: 'auto',
      steps: [
        {
          id: 'hello',
          page: '*://*/contacts',
          title: 'Hello from the collector',
          body: [{ type: 'paragraph', children: [{ type: 'text', text: 'This flow was published on the server.' }] }],
        },
      ],
      updatedAt: new Date().toISOString(),
    };
    const published = Date.now();
    const before = proxy.log.length;
    expect((await admin('/v1/admin/flows', flow)).status).toBe(201);

    // The next pull gets it (200, with an ETag); the one after sends the ETag back and gets a 304.
    const pulls = () => proxy.log.slice(before).filter((e) => e.method === 'GET' && e.path === '/v1/flows');
    const got = await until('the flow to be pulled', async () => pulls().find((e) => e.outcome === 200));
    expect(got.etag).toMatch(/^"/);
    const revalidated = await until('a revalidation', async () => pulls().find((e) => e.outcome === 304));
    expect(revalidated.ifNoneMatch).toBe(got.etag);
    const list = await adminSend<Responses['admin/flows/list']>(ext, { type: 'admin/flows/list' });
    expect(list.ok && list.flows.map((f) => [f.id, f.version, f.status])).toEqual([['collector-tour', 1, 'published']]);
    expect((await status()).flows).toMatchObject({ count: 1, etag: got.etag });

    const page = await ext.browser.newPage();
    await page.goto(`${host.url}/contacts`);
    await waitForWaymark(page);
    await waitForStep(page, 0);
    expect((await cardText(page))?.title).toBe('Hello from the collector');
    console.log(`[sync e2e] published → shown on the demo app in ${Date.now() - published} ms`);
    await page.close();

    expect((await admin('/v1/admin/flows/collector-tour/retire')).status).toBe(200);
    await until('the retired flow to be removed', async () => {
      const l = await adminSend<Responses['admin/flows/list']>(ext, { type: 'admin/flows/list' });
      return l.ok && l.flows.length === 0;
    });
  });

  it('leaves the collector holding exactly the events the extension recorded', async () => {
    await until('the queue to drain', async () => (await status()).unsynced === 0);
    const local = await readEvents(ext, { via: 'page' });
    expect(local.length).toBeGreaterThanOrEqual(5); // three uses, the flow's start and its step
    await collector.stop();
    const server = await storedEvents(collector.dataDir, TENANT);
    expect(server.count).toBe(local.length);
    expect(new Set(server.ids)).toEqual(new Set(local.map((e) => String(e.id))));
  });
});
