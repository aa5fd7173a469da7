import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../demo/hostServer';
import { adminSend, launchWithExtension, readEvents, waitForWaymark, type ExtensionBrowser } from './support/browser';
import { demoSeed } from './support/demoSeed';

const SEED = demoSeed();

let host: HostServer;
let ext: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  host = await startHostServer({ release: 1 });
  ext = await launchWithExtension();
  expect((await adminSend<{ ok: boolean }>(ext, { type: 'admin/bundle/import', bundle: SEED })).ok).toBe(true);
  page = await ext.browser.newPage();
});

afterAll(async () => {
  await ext?.close();
  await host?.close();
});

const ofFeature = async () =>
  (await readEvents(ext, { via: 'page' })).filter((e) => (e.type === 'feature_seen' || e.type === 'feature_used') && e.featureId === 'ai-assistant');

async function waitFor(pred: (events: Array<Record<string, unknown>>) => boolean, timeout = 15_000): Promise<Array<Record<string, unknown>>> {
  const end = Date.now() + timeout;
  for (;;) {
    const events = await ofFeature();
    if (pred(events) || Date.now() > end) return events;
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe('first exposure to a feature', () => {
  it('records feature_seen once when the feature is first on screen, before its first use', async () => {
    await page.goto(`${host.url}/deals/new`);
    await waitForWaymark(page);
    await page.waitForSelector('[data-testid="ai-ask"]');
    const seen = await waitFor((ev) => ev.some((e) => e.type === 'feature_seen'));
    expect(seen.map((e) => e.type)).toEqual(['feature_seen']);

    // Seen again on another visit: nothing new is recorded.
    await page.reload();
    await waitForWaymark(page);
    await page.waitForSelector('[data-testid="ai-ask"]');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await ofFeature()).map((e) => e.type)).toEqual(['feature_seen']);

    await page.waitForSelector('[data-testid="ai-ask"]:not([disabled])');
    await page.click('[data-testid="ai-ask"]');
    const all = await waitFor((ev) => ev.some((e) => e.type === 'feature_used'));
    expect(all.map((e) => [e.type, e.firstUse])).toEqual([
      ['feature_seen', undefined],
      ['feature_used', true],
    ]);
    expect(Number(all[1]?.ts)).toBeGreaterThanOrEqual(Number(all[0]?.ts));
  });

  it('records feature_seen when a hidden element is revealed by an attribute change alone (no element added)', async () => {
    const feature = {
      schemaVersion: 2,
      kind: 'feature',
      id: 'late-panel',
      name: 'Late panel',
      match: ['http://127.0.0.1/*'],
      target: { tag: 'button', testId: 'late-panel-btn', text: 'Open the late panel' },
      use: 'click',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    expect((await adminSend<{ ok: boolean }>(ext, { type: 'admin/features/save', feature })).ok).toBe(true);
    const lateSeen = async () => (await readEvents(ext, { via: 'page' })).filter((e) => e.type === 'feature_seen' && e.featureId === 'late-panel');
    await page.goto(`${host.url}/contacts`);
    await waitForWaymark(page);
    // The host app renders the button hidden…
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.testid = 'late-panel-btn';
      b.textContent = 'Open the late panel';
      b.hidden = true;
      document.body.append(b);
    });
    await page.waitForSelector('[data-testid="late-panel-btn"]', { hidden: true });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await lateSeen()).toEqual([]);
    // …and shows it later by dropping the attribute: no element is added or removed.
    await page.evaluate(() => document.querySelector('[data-testid="late-panel-btn"]')?.removeAttribute('hidden'));
    const end = Date.now() + 10_000;
    while ((await lateSeen()).length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 150));
    expect(await lateSeen()).toHaveLength(1);
  });
});
