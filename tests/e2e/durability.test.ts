import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../demo/hostServer';
import { adminSend, launchWithExtension, readEvents, stopWorkers, waitForWaymark, type ExtensionBrowser } from './support/browser';
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
  await page.goto(`${host.url}/deals/new`);
  await waitForWaymark(page);
  await page.waitForSelector('[data-testid="ai-ask"]');
});

afterAll(async () => {
  await ext?.close();
  await host?.close();
});

/** The demo's Ask button is disabled while the assistant "thinks": click it only when enabled. */
async function ask(): Promise<void> {
  await page.waitForSelector('[data-testid="ai-ask"]:not([disabled])');
  await page.click('[data-testid="ai-ask"]');
}

const used = async () => (await readEvents(ext, { via: 'page' })).filter((e) => e.type === 'feature_used' && e.featureId === 'ai-assistant');

async function waitForCount(n: number, timeout = 15_000): Promise<Array<Record<string, unknown>>> {
  const end = Date.now() + timeout;
  for (;;) {
    const events = await used();
    if (events.length >= n || Date.now() > end) return events;
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe('feature use and durability', () => {
  it('records feature_used with a first-use flag, then repeat uses', async () => {
    await ask();
    const first = await waitForCount(1);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ firstUse: true });
    await ask();
    const second = await waitForCount(2);
    expect(second.map((e) => e.firstUse)).toEqual([true, false]);
  });

  it('does not lose (or duplicate) an event sent just before the worker is stopped', async () => {
    const start = (await used()).length;
    const rounds = 5;
    for (let i = 0; i < rounds; i++) {
      await ask();
      // Stop the worker while the message is in flight or just delivered, as Chromium does to idle workers.
      await stopWorkers(ext);
      await new Promise((r) => setTimeout(r, 50 * i));
    }
    const events = await waitForCount(start + rounds, 30_000);
    // Wait a little longer: a retry that duplicated an event would show up now.
    await new Promise((r) => setTimeout(r, 1500));
    const final = await used();
    expect(final).toHaveLength(start + rounds);
    expect(new Set(final.map((e) => e.id)).size).toBe(final.length);
    expect(events.slice(start).every((e) => e.firstUse === false)).toBe(true);
  });
});
