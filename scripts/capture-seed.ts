/**
 * Captures the demo seed's target fingerprints the way the element picker does: `captureFingerprint` on the
 * live element, in Chromium, on release 1 of the demo host app. Writes the targets back into
 * `demo/seed/crm-onboarding.json`, leaving the rest of the file as it is.
 *
 *   node_modules/.bin/tsx scripts/capture-seed.ts            # capture and write the seed
 *   node_modules/.bin/tsx scripts/capture-seed.ts --dry-run  # capture and print only
 *   node_modules/.bin/tsx scripts/capture-seed.ts --extra '/deals/new' '[data-testid="cancel-deal"]'
 *                                                            # also print one more capture (not written)
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Page } from 'puppeteer-core';
import { bundleIife } from '../bench/targeting/bundle';
import { startHostServer } from '../demo/hostServer';
import type { ElementFingerprint } from '../src/schema/fingerprint';
import { CHROMIUM_BASE_ARGS } from './chromiumArgs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SEED = join(ROOT, 'demo/seed/crm-onboarding.json');
const GLOBAL = '__waymarkCapture';

/** Where each seed target lives on release 1: the page to open and the element to capture. */
const STEPS: Record<string, { path: string; selector: string }> = {
  'open-contact': { path: '/contacts', selector: 'a.contact-link' },
  'create-deal': { path: '/contacts/c-1001', selector: '[data-testid="create-deal"]' },
  'name-deal': { path: '/deals/new?contact=c-1001', selector: '[data-testid="deal-name"]' },
  'meet-assistant': { path: '/deals/new?contact=c-1001', selector: '[data-testid="ai-assistant-input"]' },
};
const FEATURES: Record<string, { path: string; selector: string }> = {
  'ai-assistant': { path: '/deals/new?contact=c-1001', selector: '[data-testid="ai-ask"]' },
  'save-deal': { path: '/deals/new?contact=c-1001', selector: '[data-testid="save-deal"]' },
};

/**
 * Rect is left out: it depends on the viewport and the window of the capture, and the matcher only uses it
 * as a tie-breaker (weight 1.25, and as a factor of "place"); a stale one costs more than it gives.
 */
function clean(fp: ElementFingerprint): ElementFingerprint {
  const { rect: _rect, ...rest } = fp;
  return rest;
}

/** JSON with two-space indents, short arrays and objects on one line (the seed's hand-kept layout). */
function pretty(value: unknown, indent = '', lead = 0, width = 120): string {
  const inline = (v: unknown): string =>
    Array.isArray(v) ? `[${v.map(inline).join(', ')}]`
      : v !== null && typeof v === 'object' ? `{ ${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${inline(x)}`).join(', ')} }`
        : JSON.stringify(v);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const flat = inline(value);
  if (indent !== '' && indent.length + lead + flat.length <= width) return flat;
  const inner = `${indent}  `;
  const items = Array.isArray(value)
    ? value.map((v) => `${inner}${pretty(v, inner, 0, width)}`)
    : Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pretty(v, inner, JSON.stringify(k).length + 2, width)}`);
  return Array.isArray(value) ? `[\n${items.join(',\n')}\n${indent}]` : `{\n${items.join(',\n')}\n${indent}}`;
}

async function capture(page: Page, base: string, code: string, path: string, selector: string): Promise<ElementFingerprint> {
  await page.goto(`${base}${path}`, { waitUntil: 'load' });
  await page.waitForSelector(selector, { visible: true, timeout: 10_000 });
  await page.evaluate(code);
  const fp = await page.evaluate(
    (sel, g) => {
      const el = document.querySelector(sel);
      if (!el) throw new Error(`no element for ${sel}`);
      return (window as unknown as Record<string, { captureFingerprint(e: Element, root: Document): unknown }>)[g]!.captureFingerprint(el, document);
    },
    selector,
    GLOBAL,
  );
  return clean(fp as ElementFingerprint);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const extraAt = args.indexOf('--extra');
  const extra = extraAt >= 0 ? { path: args[extraAt + 1]!, selector: args[extraAt + 2]! } : null;

  const { code } = await bundleIife(ROOT, join(ROOT, 'content-scripts/targeting/captureFingerprint.ts'), GLOBAL, false);
  const host = await startHostServer({ release: 1 });
  const userDataDir = await mkdtemp(join(tmpdir(), 'waymark-capture-'));
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    userDataDir,
    args: [...CHROMIUM_BASE_ARGS],
  });
  try {
    const page = await browser.newPage();
    const seed = JSON.parse(await readFile(SEED, 'utf8')) as {
      flows: { steps: { id: string; target?: ElementFingerprint }[] }[];
      features: { id: string; target: ElementFingerprint }[];
    };
    const flow = seed.flows[0]!;
    for (const step of flow.steps) {
      const where = STEPS[step.id];
      if (!where) throw new Error(`no capture rule for step ${step.id}`);
      step.target = await capture(page, host.url, code, where.path, where.selector);
      console.log(`step ${step.id} (${where.selector} on ${where.path}):\n${JSON.stringify(step.target)}`);
    }
    for (const feature of seed.features) {
      const where = FEATURES[feature.id];
      if (!where) throw new Error(`no capture rule for feature ${feature.id}`);
      feature.target = await capture(page, host.url, code, where.path, where.selector);
      console.log(`feature ${feature.id} (${where.selector} on ${where.path}):\n${JSON.stringify(feature.target)}`);
    }
    if (extra) {
      const fp = await capture(page, host.url, code, extra.path, extra.selector);
      console.log(`extra (${extra.selector} on ${extra.path}):\n${JSON.stringify(fp)}`);
    }
    if (!dryRun) {
      await writeFile(SEED, `${pretty(seed)}\n`);
      console.log(`wrote ${SEED}`);
    }
  } finally {
    await browser.close();
    await host.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
