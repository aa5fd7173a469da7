/**
 * `npm run bench:sync`: events per second written to IndexedDB by the extension's real batched writer
 * (`background/writer.ts`), against one transaction per event, side by side in one run. Runs in real
 * Chromium, in an extension page (IndexedDB on disk, as in the product; not fake-indexeddb): the bench
 * entry is bundled with vite into a throwaway unpacked extension. Rounds alternate between the two so
 * that neither gets a warmer disk; the median round is reported. Prints a table, then one JSON line.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import type { api as BenchApi, BenchResult } from './pageEntry';
import { CHROMIUM_BASE_ARGS } from '../../scripts/chromiumArgs';

const EVENTS = Number(process.env.BENCH_SYNC_EVENTS ?? 2_000);
const ROUNDS = Number(process.env.BENCH_SYNC_ROUNDS ?? 5);
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');

async function buildExtension(dir: string): Promise<void> {
  await build({
    configFile: false,
    root: repo,
    logLevel: 'warn',
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: true,
      lib: { entry: join(here, 'pageEntry.ts'), formats: ['iife'], name: 'WaymarkSyncBenchEntry', fileName: () => 'bench.js' },
    },
  });
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'waymark-sync-bench', version: '0.0.0' }));
  // Extension pages allow only scripts from the extension itself: no inline script.
  await writeFile(join(dir, 'bench.html'), '<!doctype html><meta charset="utf-8"><title>bench</title><script src="bench.js"></script>');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const perSec = (r: BenchResult) => (r.events / r.ms) * 1000;

async function main(): Promise<void> {
  const ext = await mkdtemp(join(tmpdir(), 'waymark-sync-bench-ext-'));
  const profile = await mkdtemp(join(tmpdir(), 'waymark-sync-bench-profile-'));
  await buildExtension(ext);
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    userDataDir: profile,
    enableExtensions: true,
    args: [...CHROMIUM_BASE_ARGS],
  });
  try {
    const id = await browser.installExtension(ext);
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${id}/bench.html`);
    await page.waitForFunction(() => 'WaymarkSyncBench' in globalThis);
    type Win = { WaymarkSyncBench: typeof BenchApi };
    const run = (kind: 'batched' | 'perEvent', n: number) => page.evaluate((k, count) => (globalThis as unknown as Win).WaymarkSyncBench[k](count), kind, n);

    // Warm-up: open the database, JIT the code paths.
    await run('batched', 500);
    await run('perEvent', 500);
    const results: Record<'batched' | 'perEvent', BenchResult[]> = { batched: [], perEvent: [] };
    for (let i = 0; i < ROUNDS; i++) {
      for (const kind of i % 2 === 0 ? (['batched', 'perEvent'] as const) : (['perEvent', 'batched'] as const)) {
        const r = await run(kind, EVENTS);
        if (r.stored !== EVENTS) throw new Error(`${kind}: stored ${r.stored} of ${EVENTS} events`);
        results[kind].push(r);
      }
    }

    const row = (label: string, rs: BenchResult[]) => {
      const rates = rs.map(perSec);
      const mid = median(rates);
      const r = rs[rates.indexOf(mid)] ?? rs[0]!;
      return { label, rate: mid, ms: r.ms, tx: r.transactions, min: Math.min(...rates), max: Math.max(...rates) };
    };
    const rows = [row('batched (real writer)', results.batched), row('one transaction per event', results.perEvent)];
    const version = await browser.version();
    console.log(`IndexedDB write throughput in ${version}, extension page, ${EVENTS} events per round, median of ${ROUNDS} rounds\n`);
    console.log(`${'variant'.padEnd(28)}${'events/s'.padStart(12)}${'ms/round'.padStart(11)}${'transactions'.padStart(14)}${'min-max events/s'.padStart(22)}`);
    for (const r of rows) {
      console.log(
        `${r.label.padEnd(28)}${Math.round(r.rate).toLocaleString('en-US').padStart(12)}${r.ms.toFixed(0).padStart(11)}${String(r.tx).padStart(14)}${`${Math.round(r.min).toLocaleString('en-US')}-${Math.round(r.max).toLocaleString('en-US')}`.padStart(22)}`,
      );
    }
    const [b, p] = rows as [(typeof rows)[0], (typeof rows)[0]];
    console.log(`\nbatched / per event: ${(b.rate / p.rate).toFixed(1)}x`);
    console.log(JSON.stringify({ bench: 'sync', batchedPerSec: Math.round(b.rate), perEventPerSec: Math.round(p.rate) }));
  } finally {
    await browser.close();
    await rm(ext, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
