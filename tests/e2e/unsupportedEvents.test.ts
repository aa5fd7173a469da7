import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../demo/hostServer';
import type { Responses, SyncStatus } from '../../src/messages/protocol';
import { adminSend, launchWithExtension, openExtensionPage, readEvents, syncStatus, waitForWaymark, type ExtensionBrowser } from './support/browser';
import { createToken, freePort, startCollector, storedEvents, tempDataDir, type Collector } from './support/collector';
import { demoSeed } from './support/demoSeed';
import { until } from './support/until';

/*
 * The built extension against a real collector process that does not know one of its event types
 * (`feature_used`: the current server code over a catalogue without it), then the same data directory
 * served by the full collector, as when an admin upgrades a self-hosted collector: the events it
 * could not take are kept, shown on the options page as waiting, and stored after the upgrade.
 */

const SEED = demoSeed<{ features: { id: string }[] }>();
const TENANT = 'acme';

let dataDir: string;
let port: number;
let collector: Collector;
let host: HostServer;
let ext: ExtensionBrowser;

/** Also wakes the worker (see `syncStatus`). */
const status = (): Promise<SyncStatus> => syncStatus(ext);

beforeAll(async () => {
  dataDir = tempDataDir();
  port = await freePort();
  const token = await createToken(dataDir, TENANT, 'employee');
  collector = await startCollector({ dataDir, port, entry: 'tests/e2e/support/olderCollectorMain.ts', env: { WAYMARK_TEST_WITHOUT_TYPE: 'feature_used' } });
  host = await startHostServer({ release: 1 });
  ext = await launchWithExtension();
  const bundle = { ...SEED, flows: [], features: SEED.features.filter((f) => f.id === 'ai-assistant'), guidance: [] };
  expect((await adminSend<{ ok: boolean }>(ext, { type: 'admin/bundle/import', bundle })).ok).toBe(true);
  const set = await adminSend<Responses['admin/sync/config/set']>(ext, {
    type: 'admin/sync/config/set',
    settings: { serverUrl: collector.url, token, syncIntervalSeconds: 1, requestTimeoutSeconds: 5 },
  });
  expect(set.ok).toBe(true);
}, 120_000);

afterAll(async () => {
  await ext?.close();
  await host?.close();
  await collector?.dispose();
});

describe('events a self-hosted collector does not know yet', () => {
  it('are kept and shown as waiting for a newer collector while the rest is stored', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${host.url}/deals/new`);
    await waitForWaymark(page);
    for (let i = 0; i < 3; i++) {
      await page.waitForSelector('[data-testid="ai-ask"]:not([disabled])');
      await page.click('[data-testid="ai-ask"]');
    }
    await page.close();
    const uses = async () => (await readEvents(ext, { via: 'page' })).filter((e) => e.type === 'feature_used').length;
    await until('the uses to be recorded', async () => (await uses()) >= 3);
    const s = await until('the uses to be held', async () => {
      const x = await status();
      return x.held.count >= 3 && x.unsynced === 0 && x;
    });
    expect(s).toMatchObject({ state: 'idle', rejected: 0, dropped: 0, held: { types: ['feature_used'] } });
    expect(s.held.count).toBe(await uses());

    const options = await openExtensionPage(ext, 'options-ui/index.html#/sync');
    await options.waitForSelector('[data-testid="sync-held"]');
    const text = await options.$eval('[data-testid="sync-held"]', (e) => e.textContent);
    expect(text).toContain(`${s.held.count} events the collector does not know yet (feature_used)`);
    await options.close();
  });

  it('are stored once the collector is upgraded, and nothing is lost', async () => {
    await collector.stop();
    collector = await startCollector({ dataDir, port });
    await until('the held events to be stored', async () => {
      const x = await status();
      return x.held.count === 0 && x.unsynced === 0 && x;
    }, 90_000);
    expect(await status()).toMatchObject({ rejected: 0, dropped: 0 });
    const options = await openExtensionPage(ext, 'options-ui/index.html#/sync');
    await options.waitForSelector('[data-testid="sync-status"][data-state="idle"]');
    expect(await options.$('[data-testid="sync-held"]')).toBeNull();
    await options.close();

    const local = await readEvents(ext, { via: 'page' });
    await collector.stop();
    const server = await storedEvents(dataDir, TENANT);
    expect(new Set(server.ids)).toEqual(new Set(local.map((e) => String(e.id))));
  });
});
