/**
 * `npm run bench:watch`: what Waymark's DOM watching costs a host page that never stops changing (an
 * AI assistant streaming tokens, a trading grid updating cells, a chat appending to a virtualised
 * list). In one Chromium with the built extension (`dist/`, or `WAYMARK_BENCH_DIST`), each page is
 * measured round after round under four conditions, each in a window of its own and all over the same
 * seconds (so whatever else the machine does hits them alike; the opening order rotates): without
 * Waymark (the page on `localhost`, a host no flow matches, so no Waymark code is injected); the same
 * with one page-world MutationObserver with the overlay's options and an empty callback (what the
 * browser charges for watching that page at all); with the bootstrap but nothing to show; and with a
 * walkthrough step shown on a control of the page (the flow saved through the options page's message
 * and started by its `?waymark-flow=` link, as the e2e tests do). Per window: renderer main-thread CPU
 * per second (`Performance.getMetrics` `TaskDuration` in thread time, which other processes on the
 * machine do not advance), the page's own work per second, and for the step whether its highlight is
 * still over the target. Then a CPU profile of one more step window per page gives our own code's
 * share. Prints a table, then one JSON line (the last line of output).
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'puppeteer-core';
import { adminSend, DIST, launchWithExtension, waitForStep, waitForWaymark, type ExtensionBrowser } from '../../tests/e2e/support/browser';
import { html, js, servePages } from '../../tests/e2e/support/pageServer';
import { WATCHED_ATTRIBUTES } from '../../content-scripts/overlay/domChanges';
import { HOST_PAGES, type HostPage, type HostPageId } from './hostPages';
import { profileShare, type CpuProfile, type ProfileShare } from './profileShare';
import { CONDITIONS, formatTable, jsonFigures, summarise, type Condition, type WindowResult } from './summary';

/** The built extension measured: `dist/` (`npm run build`), or another build to compare with. */
const EXTENSION = process.env.WAYMARK_BENCH_DIST || DIST;
/** Seconds of page activity measured per window. */
const WINDOW_S = positive('WAYMARK_BENCH_WATCH_SECONDS', 10);
/** Rounds: each measures every page under every condition once. */
const ROUNDS = positive('WAYMARK_BENCH_WATCH_ROUNDS', 3);
/** Time given to a freshly loaded page (and a step just shown) before its window starts. */
const SETTLE_MS = 1500;
/** The target: a shown step adds at most this much renderer CPU per second of page activity. */
const TARGET_MS_PER_SEC = 5;
/** The highlight is drawn 4 px around its target (`positionCard`); rounding allows a pixel or two. */
const HIGHLIGHT_MARGIN = 4;
const TOLERANCE_PX = 2;
/** Seconds of the profiled step window per page (after the measured rounds: sampling costs CPU itself). */
const PROFILE_S = 5;

const flowId = (page: HostPage) => `watch-${page.id}`;

/**
 * The step's windows load the page under `/guided`: its flow matches only there, so the same page
 * elsewhere on the host has the bootstrap (the host is registered) and no guidance at all (a manual
 * flow matching a page would put it in the launcher, which is guidance).
 */
const GUIDED = '/guided';

/** A one-step walkthrough pointing at the page's control, started by its link. */
function flowFor(page: HostPage): Record<string, unknown> {
  return {
    schemaVersion: 2,
    kind: 'flow',
    id: flowId(page),
    name: `Watch bench: ${page.id}`,
    version: 1,
    status: 'published',
    match: [`http://127.0.0.1${GUIDED}${page.path}*`],
    start: 'manual',
    updatedAt: '2026-01-01T00:00:00.000Z',
    steps: [{ id: 'target', title: 'Start here', body: [], target: page.target, advance: { kind: 'click' } }],
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Metrics {
  task: number;
  layouts: number;
  recalcs: number;
}

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: ms } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => ms.find((m) => m.name === name)?.value ?? 0;
  return { task: get('TaskDuration'), layouts: get('LayoutCount'), recalcs: get('RecalcStyleCount') };
}

type Win = { benchWork?: number; __wmWatch?: { moves: number; lost: number } };

/**
 * Counts, from the page, how often the overlay writes the highlight's position and how often the step
 * loses its target (the highlight removed): an observer on our shadow root only, so the host page's
 * churn does not reach it.
 */
function installWatchCounter(): boolean {
  const root = document.querySelector('waymark-overlay')?.shadowRoot;
  if (!root) return false;
  const counts = { moves: 0, lost: 0 };
  (window as unknown as Win).__wmWatch = counts;
  new MutationObserver((records) => {
    let moved = false;
    for (const r of records) {
      const el = r.target as Element;
      if (r.type === 'attributes' && el.classList.contains('wm-highlight')) moved = true;
      for (const n of r.removedNodes) if (n instanceof Element && n.classList.contains('wm-highlight')) counts.lost++;
    }
    if (moved) counts.moves++;
  }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
  return true;
}

/** One observer with the options of the overlay's shared one, and a callback that does nothing. */
function observeLikeTheOverlay(attributeFilter: string[]): void {
  new MutationObserver(() => undefined).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter });
}

interface Anchor {
  phase: string | null;
  target: { left: number; top: number; width: number; height: number };
  highlight: { left: number; top: number; width: number; height: number } | null;
}

function readAnchor(selector: string): Anchor {
  // No named inner functions: the bench runs through tsx, whose helpers do not exist in the page.
  const target = document.querySelector(selector);
  if (!target) throw new Error(`the page lost its own ${selector}`);
  const root = document.querySelector('waymark-overlay')?.shadowRoot;
  const [t, h] = [target, root?.querySelector('.wm-highlight')].map((el) => {
    const r = el?.getBoundingClientRect();
    return r ? { left: r.left, top: r.top, width: r.width, height: r.height } : null;
  });
  return { phase: root?.querySelector('[data-waymark-step]')?.getAttribute('data-waymark-phase') ?? null, target: t!, highlight: h ?? null };
}

/** The step is found and its highlight box is its target's box grown by the margin on every side. */
function anchored(a: Anchor): boolean {
  const h = a.highlight;
  if (a.phase !== 'found' || h === null) return false;
  const t = a.target;
  const m = HIGHLIGHT_MARGIN;
  const near = (x: number, y: number) => Math.abs(x - y) <= TOLERANCE_PX;
  return near(h.left, t.left - m) && near(h.top, t.top - m) && near(h.width, t.width + 2 * m) && near(h.height, t.height + 2 * m);
}

interface Opened {
  readonly condition: Condition;
  readonly tab: Page;
  readonly cdp: CDPSession;
}

/** Opens the page in a window of its own (each visible, so each renders its frames) under `condition`. */
async function open(ext: ExtensionBrowser, base: { url: string; port: number }, page: HostPage, condition: Condition): Promise<Opened> {
  const url =
    condition === 'without' || condition === 'observer'
      ? `http://localhost:${base.port}${page.path}`
      : condition === 'step'
        ? `${base.url}${GUIDED}${page.path}?waymark-flow=${flowId(page)}`
        : `${base.url}${page.path}`;
  const tab = await ext.browser.newPage({ type: 'window' });
  const cdp = await tab.createCDPSession();
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await tab.goto(url, { waitUntil: 'load' });
  if (condition === 'observer') await tab.evaluate(observeLikeTheOverlay, WATCHED_ATTRIBUTES);
  else if (condition !== 'without') await waitForWaymark(tab);
  if (condition === 'step') {
    const phase = await waitForStep(tab, 0);
    if (phase !== 'found') throw new Error(`${page.id}: the step was ${phase}, not found on its target`);
    if (!(await tab.evaluate(installWatchCounter))) throw new Error(`${page.id}: no overlay after the step was shown`);
  }
  return { condition, tab, cdp };
}

interface Sample {
  m: Metrics;
  work: number;
  counts: { moves: number; lost: number };
  anchor: Anchor | null;
  at: number;
}

async function sample(o: Opened, page: HostPage): Promise<Sample> {
  const m = await metrics(o.cdp);
  const at = performance.now();
  const work = await o.tab.evaluate(() => (window as unknown as Win).benchWork ?? 0);
  const counts = await o.tab.evaluate(() => ({ ...((window as unknown as Win).__wmWatch ?? { moves: 0, lost: 0 }) }));
  const anchor = o.condition === 'step' ? await o.tab.evaluate(readAnchor, page.targetSelector) : null;
  return { m, work, counts, anchor, at };
}

/**
 * One round of a page: the conditions open at once, each in its own window, and measured over the
 * same seconds, so whatever else the machine does hits them alike. The windows without a step open
 * first (in the round's rotated order), then the progress is reset and the step's window opens (a
 * flow active before would load the overlay in the window meant to have nothing to show).
 */
async function measureRound(ext: ExtensionBrowser, base: { url: string; port: number }, page: HostPage, round: number): Promise<WindowResult[]> {
  const opened: Opened[] = [];
  try {
    const plain = CONDITIONS.filter((c) => c !== 'step');
    for (let i = 0; i < plain.length; i++) opened.push(await open(ext, base, page, plain[(i + round) % plain.length] as Condition));
    // A flow left active by an earlier round would show its step (or at least load the overlay) elsewhere.
    await adminSend(ext, { type: 'admin/progress/reset' });
    opened.push(await open(ext, base, page, 'step'));
    await sleep(SETTLE_MS);
    const before = await Promise.all(opened.map((o) => sample(o, page)));
    await sleep(WINDOW_S * 1000);
    const after = await Promise.all(opened.map((o) => sample(o, page)));
    const out: WindowResult[] = [];
    for (const [i, o] of opened.entries()) {
      const a = before[i] as Sample;
      const b = after[i] as Sample;
      // Each condition is what it says: no Waymark code without, and nothing drawn when nothing applies.
      const state = await o.tab.evaluate(() => ({ mark: document.documentElement.getAttribute('data-waymark'), overlay: document.querySelector('waymark-overlay') !== null }));
      if ((o.condition === 'without' || o.condition === 'observer') && state.mark !== null) throw new Error(`${page.id}: Waymark ran on the page meant to be without it`);
      if (o.condition === 'extension' && (state.mark !== 'ready' || state.overlay)) throw new Error(`${page.id}: expected the bootstrap alone, got ${JSON.stringify(state)}`);
      const secs = (b.at - a.at) / 1000;
      const step = o.condition === 'step';
      out.push({
        page: page.id,
        condition: o.condition,
        round,
        cpuMsPerSec: ((b.m.task - a.m.task) * 1000) / secs,
        workPerSec: (b.work - a.work) / secs,
        layoutsPerSec: (b.m.layouts - a.m.layouts) / secs,
        recalcsPerSec: (b.m.recalcs - a.m.recalcs) / secs,
        anchored: step && a.anchor && b.anchor ? anchored(a.anchor) && anchored(b.anchor) : null,
        repositionsPerSec: step ? (b.counts.moves - a.counts.moves) / secs : null,
        lost: step ? b.counts.lost - a.counts.lost : null,
      });
    }
    return out;
  } finally {
    for (const o of opened) await o.tab.close().catch(() => undefined);
  }
}

/**
 * Waymark's own JavaScript while the step is shown, from a CPU profile of a step window of its own (the
 * sampling costs CPU, so it is not one of the measured windows): the figure the paired difference
 * cannot resolve below the machine's noise, and where in our chunks it goes.
 */
async function profileStep(ext: ExtensionBrowser, base: { url: string; port: number }, page: HostPage): Promise<{ cpuMsPerSec: number; share: ProfileShare }> {
  await adminSend(ext, { type: 'admin/progress/reset' });
  const o = await open(ext, base, page, 'step');
  try {
    await sleep(SETTLE_MS);
    await o.cdp.send('Profiler.enable');
    await o.cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await o.cdp.send('Profiler.start');
    const m0 = await metrics(o.cdp);
    const t0 = performance.now();
    await sleep(PROFILE_S * 1000);
    const m1 = await metrics(o.cdp);
    const t1 = performance.now();
    const { profile } = await o.cdp.send('Profiler.stop');
    return { cpuMsPerSec: ((m1.task - m0.task) * 1000 * 1000) / (t1 - t0), share: profileShare(profile as CpuProfile, `chrome-extension://${ext.extensionId}/`) };
  } finally {
    await o.tab.close().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error(`no built extension in ${EXTENSION}: run npm run build first`);
  const routes: Record<string, ReturnType<typeof html>> = {};
  for (const p of HOST_PAGES) {
    routes[p.path] = html(p.html);
    routes[`${GUIDED}${p.path}`] = html(p.html);
    routes[`${p.path}.js`] = js(p.js);
  }
  const server = await servePages(routes);
  const ext = await launchWithExtension({ dist: EXTENSION });
  const loads: number[] = [];
  try {
    for (const p of HOST_PAGES) {
      const r = await adminSend<{ ok: boolean }>(ext, { type: 'admin/flows/save', flow: flowFor(p) });
      if (!r.ok) throw new Error(`${p.id}: the flow was refused: ${JSON.stringify(r)}`);
    }
    // One throwaway round: the first page loads after install pay for registration and code caching.
    await measureRound(ext, server, HOST_PAGES[0] as HostPage, -1);
    const windows: WindowResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const page of HOST_PAGES) {
        windows.push(...(await measureRound(ext, server, page, round)));
        loads.push(loadavg()[0] ?? 0);
      }
    }
    const profiles = new Map<HostPageId, { cpuMsPerSec: number; share: ProfileShare }>();
    for (const page of HOST_PAGES) profiles.set(page.id, await profileStep(ext, server, page));
    const rows = summarise(windows);
    const unitOf = (id: HostPageId) => HOST_PAGES.find((p) => p.id === id)?.unit ?? '';
    const load = loads.reduce((a, x) => a + x, 0) / Math.max(loads.length, 1);
    const version = await ext.browser.version();
    console.log(`DOM watching on pages that never stop changing, ${version}: renderer main-thread CPU per second of page activity`);
    console.log(`${ROUNDS} rounds × ${HOST_PAGES.length} pages; each round measures the ${CONDITIONS.length} conditions at once (a window each) over the same ${WINDOW_S} s; medians over rounds`);
    console.log(`overhead: ms of CPU per second above the same round's window without Waymark (ratio: of the page's own CPU);`);
    console.log(`at pace: the same at equal page work (CPU per token, cell or message against the round's window without, times its pace)\n`);
    console.log(formatTable(rows, unitOf));
    console.log(`\nWaymark's own code while the step is shown: its share of a CPU profile's busy samples (every 0.2 ms, ${PROFILE_S} s per page;`);
    console.log(`what it calls counts as its own) times the thread's CPU in that window:`);
    const jsFigures: Record<string, number> = {};
    for (const [id, { cpuMsPerSec, share }] of profiles) {
      const chunks = Object.entries(share.byChunk).sort((a, b) => b[1] - a[1]).map(([c, f]) => `${c} ${(f * cpuMsPerSec).toFixed(2)}`).join(', ');
      const ms = share.ours * cpuMsPerSec;
      console.log(`  ${id.padEnd(10)}${ms.toFixed(2).padStart(6)} ms/s of ${cpuMsPerSec.toFixed(1)} (${(100 * share.ours).toFixed(1)}% of ${share.busySamples} busy samples)${chunks ? `: ${chunks}` : ''}`);
      jsFigures[`${id}StepOwnCodeMsPerSec`] = Math.round(ms * 1000) / 1000;
    }
    const figures = { ...jsonFigures(rows, TARGET_MS_PER_SEC), ...jsFigures };
    const worst = Math.max(...rows.filter((r) => r.condition === 'step').map((r) => r.overheadAtPaceMsPerSec));
    console.log(`\nnominal pace: ${HOST_PAGES.map((p) => `${p.id} ${p.nominalPerSec} ${p.unit}/s`).join(', ')}`);
    console.log(`target: a shown step adds ≤ ${TARGET_MS_PER_SEC} ms CPU per second and stays anchored: ${figures.targetMet ? 'met' : 'NOT met'} (worst step overhead at pace ${worst.toFixed(2)} ms/s);`);
    console.log(`  within this run's noise (the bootstrap alone, which runs nothing after load, measured ${rows.filter((r) => r.condition === 'extension').map((r) => `${r.page} ${r.overheadAtPaceMsPerSec >= 0 ? '+' : ''}${r.overheadAtPaceMsPerSec.toFixed(1)}`).join(', ')} ms/s): ${figures.targetMetWithinNoise ? 'met' : 'NOT met'}`);
    console.log(`load average (1 min) while measuring: ${load.toFixed(2)} on ${cpus().length} cores; ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(JSON.stringify({ bench: 'watch', windowSeconds: WINDOW_S, rounds: ROUNDS, ...figures, loadAverage: Math.round(load * 100) / 100, cores: cpus().length }));
  } finally {
    await ext.close();
    await server.close();
  }
}

function positive(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${v}"`);
  return n;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
