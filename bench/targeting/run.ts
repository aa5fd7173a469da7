/**
 * `npm run bench:targeting`: generates the corpus (seeded), captures fingerprints on release 1 as the
 * picker does (`captureFingerprint`) and locates them on release 2 with `locate`, in headless Chromium,
 * beside a unique-CSS-selector baseline; then times locate on a page of about 10,000 elements: on an
 * unchanged page, after a text change elsewhere and after an element came or went elsewhere (both
 * followed in place by the kept page state), in wall-clock and renderer CPU time. Prints
 * a table, then one JSON line (the last line of output).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Page } from 'puppeteer-core';
import { ElementFingerprintSchema } from '../../src/schema/fingerprint';
import { bundleIife } from './bundle';
import { generateBigPage, generateCorpus, type PagePair } from './corpus';
import type { BenchApi, Captured, Located, RepeatMode } from './pageEntry';
import type { ReplayPair } from './replay';
import { printBreakdown, printTable, quantile, rates, type Outcome } from './report';
import { servePages } from './serve';
import { CHROMIUM_BASE_ARGS } from '../../scripts/chromiumArgs';

/**
 * The corpus seed. `WAYMARK_BENCH_SEED=777 npm run bench:targeting` builds another corpus, to check that
 * a rule found on this one does not give wrong answers on releases it was not tuned on.
 */
const SEED = seedFrom(process.env.WAYMARK_BENCH_SEED);
/**
 * Icon libraries in the generated apps (`bench/targeting/icons.ts`). `WAYMARK_BENCH_ICONS=0` builds the
 * corpus without them, byte for byte the pages from before icons, to compare with older figures.
 */
const ICONS = iconsFrom(process.env.WAYMARK_BENCH_ICONS);
/**
 * `WAYMARK_BENCH_DROP_FIELDS=uniqueBy,ordinal` ranks fingerprints without those fields (targets and
 * candidates alike), as another tool calling `rankCandidates` on fingerprints that record fewer fields
 * would: how the matcher fares on what it was not given. Accuracy only.
 */
const DROP = (process.env.WAYMARK_BENCH_DROP_FIELDS ?? '').split(',').map((f) => f.trim()).filter(Boolean);
/**
 * `WAYMARK_BENCH_REPLAY=file.json` (with `WAYMARK_BENCH_ACCURACY_ONLY=1`) also writes every page's
 * candidates and targets for `bench/targeting/replay.ts`, which ranks them again in Node.
 */
const REPLAY_DUMP = process.env.WAYMARK_BENCH_REPLAY;
const PAGES = 84;
const BIG_ROWS = 590;
const BIG_TARGETS = 40;
const REPS = 25;
const WARMUP = 3;

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');

type Win = { WaymarkBench: BenchApi };

async function open(page: Page, url: string, code: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: code });
}

async function capture(page: Page, base: string, pair: PagePair, code: string): Promise<Captured[]> {
  await open(page, `${base}/${pair.id}/r1`, code);
  return page.evaluate((keys) => (window as unknown as Win).WaymarkBench.capture(keys), pair.targets.map((t) => t.key));
}

/**
 * Mean CPU milliseconds per locate for each target, from the renderer's thread-time metrics (which other
 * processes on a busy machine do not advance): on an unchanged page (`warm`), right after an element
 * came or went elsewhere (`cold`), right after a text change elsewhere (`text`), and right after a row
 * came or went above a grid's rows (`row`, which moves every row below); for all but the first, the
 * changes and their layout are measured alone and subtracted.
 */
async function cpuPerLocate(page: Page, items: Captured[]): Promise<{ warm: number[]; cold: number[]; text: number[]; row: number[] }> {
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  const run = async (item: Captured, mode: RepeatMode) => {
    const before = await taskSeconds();
    await page.evaluate((it, n, m) => (window as unknown as Win).WaymarkBench.repeatLocate(it, n, m), item, REPS, mode);
    return ((await taskSeconds()) - before) * 1000 / REPS;
  };
  const warm: number[] = [];
  const cold: number[] = [];
  const text: number[] = [];
  const row: number[] = [];
  for (const item of items) {
    await page.evaluate((it, n) => (window as unknown as Win).WaymarkBench.repeatLocate(it, n), item, WARMUP);
    warm.push(await run(item, 'warm'));
    cold.push(Math.max(0, (await run(item, 'cold')) - (await run(item, 'coldOnly'))));
    text.push(Math.max(0, (await run(item, 'text')) - (await run(item, 'textOnly'))));
    row.push(Math.max(0, (await run(item, 'row')) - (await run(item, 'rowOnly'))));
  }
  await cdp.detach();
  return { warm, cold, text, row };
}

async function main(): Promise<void> {
  const started = Date.now();
  const { code } = await bundleIife(repo, join(here, 'pageEntry.ts'), 'WaymarkBenchHarness');
  const { gzipBytes } = await bundleIife(repo, join(repo, 'content-scripts/targeting/index.ts'), 'WaymarkTargeting');
  const corpus = generateCorpus(SEED, PAGES, { icons: ICONS });
  const big = generateBigPage(SEED, BIG_ROWS, BIG_TARGETS, { icons: ICONS });
  const pages = new Map<string, string>();
  for (const p of [...corpus, big]) {
    pages.set(`/${p.id}/r1`, p.r1);
    pages.set(`/${p.id}/r2`, p.r2);
  }
  const server = await servePages(pages);
  const profile = await mkdtemp(join(tmpdir(), 'waymark-bench-profile-'));
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    userDataDir: profile,
    args: [...CHROMIUM_BASE_ARGS],
  });
  try {
    const page = await browser.newPage();
    const outcomes: Outcome[] = [];
    const replay: ReplayPair[] = [];
    let invalid = 0;
    let inconsistent = 0;
    for (const pair of corpus) {
      const captured = await capture(page, server.url, pair, code);
      for (const c of captured) {
        if (!ElementFingerprintSchema.safeParse(c.fingerprint).success) invalid++;
        if (!c.consistent) inconsistent++;
      }
      await open(page, `${server.url}/${pair.id}/r2`, code);
      const located: Located[] = await page.evaluate((items, drop) => (window as unknown as Win).WaymarkBench.locateAll(items, drop), captured, DROP);
      if (REPLAY_DUMP) {
        const dumped = await page.evaluate((items) => (window as unknown as Win).WaymarkBench.replayDump(items), captured);
        const truth = new Map(pair.targets.map((t) => [t.key, t]));
        replay.push({ id: pair.id, kind: pair.kind, applied: pair.applied, ...dumped, targets: dumped.targets.map((t) => ({ ...t, removed: truth.get(t.key)?.removed ?? false, besideCopy: truth.get(t.key)?.besideCopy ?? false })) });
      }
      for (const l of located) {
        const t = pair.targets.find((x) => x.key === l.key);
        outcomes.push({ ...l, removed: t?.removed ?? false, besideCopy: t?.besideCopy ?? false, kind: pair.kind, applied: pair.applied, icon: t?.icon ?? false, icons: pair.icons });
      }
    }

    // For checking a rule on other seeds quickly: WAYMARK_BENCH_ACCURACY_ONLY=1 skips the timing and
    // prints the breakdowns and one JSON line of rates.
    if (process.env.WAYMARK_BENCH_ACCURACY_ONLY === '1' || DROP.length > 0) {
      const r = rates(outcomes);
      printBreakdown('operator', outcomes, (o) => o.applied.map((a) => a.replace(/:.*/, '')));
      printBreakdown('copy beside', outcomes, bucketOf);
      printIconFigures(corpus, outcomes);
      const dump = process.env.WAYMARK_BENCH_DUMP;
      if (dump) await writeFile(dump, JSON.stringify(outcomes, null, 1));
      if (REPLAY_DUMP) await writeFile(REPLAY_DUMP, JSON.stringify({ seed: SEED, pairs: replay }));
      console.log(JSON.stringify({ bench: 'targeting-accuracy', seed: SEED, dropped: DROP, pairs: r.pairs, top1: round(r.top1), coverage: round(r.coverage), wrong: round(r.wrong), wrongAnswers: outcomes.filter((o) => o.status === 'found' && (o.removed || o.chosen !== o.key)).length, removedAbstained: round(r.removedAbstained), ...besideCopyFigures(outcomes) }));
      return;
    }
    const bigCaptured = await capture(page, server.url, big, code);
    await open(page, `${server.url}/big/r2`, code);
    const elements = await page.evaluate(() => (window as unknown as Win).WaymarkBench.elementCount());
    const times = await page.evaluate((items, reps, warmup) => (window as unknown as Win).WaymarkBench.timeLocate(items, reps, warmup), bigCaptured, REPS, WARMUP);
    // Timings are wall-clock in a shared machine: say how busy it was, and measure CPU time too (the
    // renderer main thread's own clock, which other processes do not advance), per target.
    const load = loadavg()[0] ?? 0;
    const cpu = await cpuPerLocate(page, bigCaptured);

    // For studying failures: WAYMARK_BENCH_DUMP=/some/file.json writes every outcome.
    const dump = process.env.WAYMARK_BENCH_DUMP;
    if (dump) await writeFile(dump, JSON.stringify(outcomes, null, 1));
    const r = rates(outcomes);
    const timing = {
      median: quantile(times.waymark, 0.5),
      p95: quantile(times.waymark, 0.95),
      coldMedian: quantile(times.cold, 0.5),
      coldP95: quantile(times.cold, 0.95),
      textMedian: quantile(times.afterText, 0.5),
      textP95: quantile(times.afterText, 0.95),
      baseMedian: quantile(times.baseline, 0.5),
      baseP95: quantile(times.baseline, 0.95),
      singleMedian: quantile(times.waymarkSingle, 0.5),
      singleP95: quantile(times.waymarkSingle, 0.95),
      baseSingleP95: quantile(times.baselineSingle, 0.95),
      elements,
    };
    printBreakdown('page kind', outcomes, (o) => [o.kind]);
    printBreakdown('operator', outcomes, (o) => o.applied.map((a) => a.replace(/:.*/, '')));
    printBreakdown('copy beside', outcomes, bucketOf);
    printIconFigures(corpus, outcomes);
    printTable(r, timing);
    // The three cases side by side, measured in one run under the same load.
    const cases: [string, number[], number[]][] = [
      ['unchanged page', times.waymark, cpu.warm],
      ['after a text change elsewhere', times.afterText, cpu.text],
      ['after an element came or went', times.cold, cpu.cold],
    ];
    const rowCase: [string, number[], number[]] = ['after a row came or went above', times.afterRow, cpu.row];
    const ms = (x: number) => `${x.toFixed(2)} ms`.padEnd(12);
    console.log(`\nlocate on ${elements} elements       wall median  wall p95    CPU median  CPU p95 (renderer main thread, mean per target)`);
    for (const [name, wall, c] of [...cases, rowCase]) console.log(`${name.padEnd(32)}${ms(quantile(wall, 0.5))} ${ms(quantile(wall, 0.95))}${ms(quantile(c, 0.5))}${ms(quantile(c, 0.95))}`);
    const cpuAllP95 = Math.max(...cases.map(([, , c]) => quantile(c, 0.95)));
    console.log(`\nfingerprints failing the schema: ${invalid}; collectCandidates/fingerprintOf mismatches: ${inconsistent}`);
    console.log(`content-script targeting bundle: ${gzipBytes} bytes gzip; ${times.waymark.length} timed locates; ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`load average while timing: ${load.toFixed(2)} on ${cpus().length} cores`);
    const acceptConfidence = await page.evaluate(() => (window as unknown as Win).WaymarkBench.acceptConfidence);
    console.log(
      JSON.stringify({
        bench: 'targeting',
        pairs: r.pairs,
        seed: SEED,
        top1: round(r.top1),
        coverage: round(r.coverage),
        wrong: round(r.wrong),
        p95LocateMs: round(timing.p95),
        singleShotMedianLocateMs: round(timing.singleMedian),
        singleShotP95LocateMs: round(timing.singleP95),
        baselineSingleShotP95LocateMs: round(timing.baseSingleP95),
        baselineTop1: round(r.baselineTop1),
        medianLocateMs: round(timing.median),
        baselineCoverage: round(r.baselineCoverage),
        baselineWrong: round(r.baselineWrong),
        coldMedianLocateMs: round(timing.coldMedian),
        coldP95LocateMs: round(timing.coldP95),
        afterTextChangeMedianLocateMs: round(timing.textMedian),
        afterTextChangeP95LocateMs: round(timing.textP95),
        p95LocateToBaselineRatio: round(timing.p95 / Math.max(timing.baseP95, 1e-6)),
        baselineMedianLocateMs: round(timing.baseMedian),
        baselineP95LocateMs: round(timing.baseP95),
        wrongOfPairs: round(r.wrongOfPairs),
        baselineWrongOfPairs: round(r.baselineWrongOfPairs),
        presentPairs: r.present,
        removedPairs: r.removed,
        removedAbstained: round(r.removedAbstained),
        bigPageElements: elements,
        acceptConfidence,
        invalidFingerprints: invalid,
        inconsistentFingerprints: inconsistent,
        bundleGzipBytes: gzipBytes,
        loadAverage: round(load),
        cpuMedianLocateMs: round(quantile(cpu.warm, 0.5)),
        cpuP95LocateMs: round(quantile(cpu.warm, 0.95)),
        cpuColdMedianLocateMs: round(quantile(cpu.cold, 0.5)),
        cpuColdP95LocateMs: round(quantile(cpu.cold, 0.95)),
        cpuAfterTextChangeMedianLocateMs: round(quantile(cpu.text, 0.5)),
        cpuAfterTextChangeP95LocateMs: round(quantile(cpu.text, 0.95)),
        cpuP95LocateAllCasesMs: round(cpuAllP95),
        afterRowChangeP95LocateMs: round(quantile(times.afterRow, 0.95)),
        cpuAfterRowChangeMedianLocateMs: round(quantile(cpu.row, 0.5)),
        cpuAfterRowChangeP95LocateMs: round(quantile(cpu.row, 0.95)),
        ...besideCopyFigures(outcomes),
      }),
    );
  } finally {
    await browser.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/**
 * The bucket of pairs whose target got an exact copy right beside it (`copy` / `other`): a decision
 * there is position luck, so abstaining is right. Reported beside the headline figures, which count
 * every pair.
 */
function bucketOf(o: Outcome): string[] {
  return [o.besideCopy ? 'copy' : 'other'];
}

function besideCopyFigures(outcomes: readonly Outcome[]): { besideCopyPairs: number; coverageBesideCopiesAside: number; top1BesideCopiesAside: number } {
  const rest = rates(outcomes.filter((o) => !o.besideCopy));
  return { besideCopyPairs: outcomes.filter((o) => o.besideCopy).length, coverageBesideCopiesAside: round(rest.coverage), top1BesideCopiesAside: round(rest.top1) };
}

/** How many target buttons and links carry an icon in release 1, and the rates by icon convention and by icon. */
function printIconFigures(corpus: readonly PagePair[], outcomes: readonly Outcome[]): void {
  const controls = corpus.flatMap((p) => p.targets.filter((t) => t.control));
  const withIcon = controls.filter((t) => t.icon).length;
  console.log(`\ntarget buttons and links with an icon in release 1: ${withIcon} of ${controls.length} (${(100 * withIcon / Math.max(controls.length, 1)).toFixed(1)}%); icons ${ICONS ? 'on' : 'off (WAYMARK_BENCH_ICONS=0)'}`);
  printBreakdown('icon style', outcomes, (o) => [o.icons.replace(/:.*/, '')]);
  printBreakdown('target icon', outcomes, (o) => [o.icon ? 'icon' : 'no icon']);
}

function iconsFrom(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '1') return true;
  if (value === '0') return false;
  throw new Error(`WAYMARK_BENCH_ICONS must be 0 or 1, got "${value}"`);
}

function seedFrom(value: string | undefined): number {
  if (value === undefined || value === '') return 20240611;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`WAYMARK_BENCH_SEED must be a non-negative integer, got "${value}"`);
  return n;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
