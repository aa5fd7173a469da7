/**
 * The product demo: starts the collector (PGlite in .waymark-data/demo) and the demo CRM host app on
 * 127.0.0.1, launches Chromium with the built extension, connects the extension to the collector and
 * seeds the demo flow through the options page's own forms, and opens the app.
 *
 *   --check      headless; exit 0 once the seeded flow has shown its first step on the demo app
 *   --port N     the demo app's port (default 5173; 0 picks a free one)
 *   --release 2  serve the host app's "next release"
 */
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { startHostServer } from '../demo/hostServer';
import { loadSamplePopulation } from '../demo/samplePopulation';
import { chromiumArgs } from './chromiumArgs';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const SEED = join(ROOT, 'demo', 'seed', 'crm-onboarding.json');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const check = process.argv.includes('--check');
const port = Number(arg('--port') ?? (check ? 0 : 5173));
const release = arg('--release') === '2' ? 2 : 1;
const headed = !check && Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

const cleanups: (() => Promise<void> | void)[] = [];
async function shutdown(code: number): Promise<never> {
  for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => (a && typeof a === 'object' ? res(a.port) : rej(new Error('no port'))));
    });
  });
}

// The collector: tokens first (a PGlite directory serves one process), then the server.
const dataDir = join(ROOT, '.waymark-data', check ? `check-${process.pid}` : 'demo');
mkdirSync(dataDir, { recursive: true });
if (check) cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
const tsxArgs = ['--import', 'tsx'];
/** A collector token for the demo tenant, made with the real CLI. */
function createToken(role: 'employee' | 'admin', label: string): string {
  const cli = spawnSync(process.execPath, [...tsxArgs, 'server/cli.ts', 'token', 'create', '--tenant', 'demo', '--role', role, '--label', label], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  if (cli.status !== 0) throw new Error(`demo: could not create an ${role} token: ${cli.stderr}`);
  return cli.stdout.trim();
}
const token = createToken('employee', 'demo');
// An admin token too: it publishes the sample population's flows, and the options page reads insights with it.
const adminToken = createToken('admin', 'demo admin');
const collectorPort = check ? await freePort() : 8787;
const collectorUrl = `http://127.0.0.1:${collectorPort}`;
const collector = spawn(process.execPath, [...tsxArgs, 'server/main.ts'], {
  cwd: ROOT,
  env: { ...process.env, DATA_DIR: dataDir, PORT: String(collectorPort), HOST: '127.0.0.1' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
cleanups.push(
  () =>
    new Promise<void>((res) => {
      if (collector.exitCode !== null) return res();
      collector.once('exit', () => res());
      collector.kill('SIGTERM');
    }),
);
for (let i = 0; ; i++) {
  const ok = await fetch(`${collectorUrl}/v1/health`).then((r) => r.ok, () => false);
  if (ok) break;
  if (i > 150 || collector.exitCode !== null) throw new Error('demo: the collector did not start');
  await new Promise((r) => setTimeout(r, 200));
}
console.log(`demo: collector at ${collectorUrl} (data in ${dataDir}; tenant "demo": employee token ${token}, admin token ${adminToken})`);
const sample = await loadSamplePopulation(collectorUrl, { employee: token, admin: adminToken });
console.log(
  sample.alreadyThere
    ? `demo: the sample population (${sample.people} people) is already on the collector`
    : `demo: sent a sample population to the collector for Insights: ${sample.people} people in 12 teams, ${sample.events} events over the last 8 weeks`,
);

const host = await startHostServer({ port, release });
cleanups.push(() => host.close());
console.log(`demo: CRM host app (release ${release}) at ${host.url}/contacts`);

if (!check && !headed) {
  console.log(`
demo: no display here, so Chromium is not opened. To try Waymark yourself, on a machine with a display:
  1. chromium --load-extension=${DIST} --user-data-dir=$(mktemp -d) ${host.url}/contacts
     (or chrome://extensions → Developer mode → Load unpacked → ${DIST})
  2. In Waymark's options page (chrome://extensions → Waymark → Extension options), Import / export →
     choose ${SEED}; under Sync, set the server ${collectorUrl} and the token above.
  3. Reload ${host.url}/contacts: the "Create your first deal" walkthrough starts.
The demo app keeps running; press Ctrl-C to stop.`);
} else {
  const profile = mkdtempSync(join(tmpdir(), 'waymark-demo-'));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: !headed,
    userDataDir: profile,
    enableExtensions: true,
    defaultViewport: headed ? null : { width: 1280, height: 900 },
    args: chromiumArgs(DIST),
  });
  cleanups.push(() => browser.close());
  const sw = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 20_000 });
  const extensionId = new URL(sw.url()).host;

  // Seed through the admin's own path: the options page's import form.
  const options = await browser.newPage();
  await options.goto(`chrome-extension://${extensionId}/options-ui/index.html#/import`);
  const input = await options.waitForSelector('[data-testid="import-file"]', { timeout: 15_000 });
  if (!input) throw new Error('demo: the import form did not appear');
  await (input as import('puppeteer-core').ElementHandle<HTMLInputElement>).uploadFile(SEED);
  await options.waitForFunction(() => /Imported/.test(document.querySelector('[data-testid="import-result"]')?.textContent ?? ''), {
    timeout: 15_000,
  });
  console.log('demo: seeded the "Create your first deal" flow');

  // Connect the extension to the collector, as an admin would on the Sync page.
  const synced = await options.evaluate(
    (serverUrl, tok) =>
      chrome.runtime.sendMessage({ type: 'admin/sync/config/set', settings: { serverUrl, token: tok, syncIntervalSeconds: 10 } }),
    collectorUrl,
    token,
  );
  if (!(synced as { ok?: boolean }).ok) throw new Error(`demo: could not configure sync: ${JSON.stringify(synced)}`);
  console.log(`demo: the extension sends its events to ${collectorUrl}`);
  // The champion's workspace: the admin token for Insights, and the sample's flows so "Edit the step" opens them.
  const access = await options.evaluate((tok) => chrome.runtime.sendMessage({ type: 'admin/insights/access/set', access: { serverUrl: '', token: tok } }), adminToken);
  if (!(access as { ok?: boolean }).ok) throw new Error(`demo: could not set the insights token: ${JSON.stringify(access)}`);
  const sampleFlows = await options.evaluate(
    (flows) => chrome.runtime.sendMessage({ type: 'admin/bundle/import', bundle: { format: 'waymark-bundle', exportedAt: new Date().toISOString(), flows, features: [] } }),
    sample.flows,
  );
  if (!(sampleFlows as { ok?: boolean }).ok) throw new Error(`demo: could not import the sample flows: ${JSON.stringify(sampleFlows)}`);
  console.log(`demo: Insights (options page → Insights) reads the collector with the admin token`);

  const app = await browser.newPage();
  await app.goto(`${host.url}/contacts`);
  if (check) {
    try {
      const title = await app.waitForFunction(
        () => document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('[data-waymark-step="0"] .wm-title')?.textContent ?? null,
        { timeout: 30_000, polling: 100 },
      );
      console.log(`demo check: the first step is shown on the demo app: "${String(await title.jsonValue())}"`);
      // The champion's view of the sample population: the options page's Insights, default range.
      await options.goto(`chrome-extension://${extensionId}/options-ui/index.html#/insights`);
      const active = await options.waitForFunction(
        () => {
          const v = document.querySelector('[data-testid="overview-figures"] [data-figure="active"] dd')?.textContent ?? '';
          return /^[\d,]+$/.test(v) && Number(v.replace(/,/g, '')) > 0 ? v : null;
        },
        { timeout: 60_000, polling: 200 },
      );
      console.log(`demo check: Insights shows ${String(await active.jsonValue())} active people in the last 4 weeks`);
      await shutdown(0);
    } catch (e) {
      console.error(`demo check FAILED: the first step did not appear (${e instanceof Error ? e.message : String(e)})`);
      await shutdown(1);
    }
  } else {
    console.log('demo: Chromium is open with Waymark loaded. Press Ctrl-C to stop.');
    browser.on('disconnected', () => void shutdown(0));
  }
}
