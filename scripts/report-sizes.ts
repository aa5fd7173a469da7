/**
 * Prints what every matched host page loads eagerly (the bootstrap content script and everything it
 * imports statically) and what the lazily loaded overlay adds, raw and gzip -9, and fails the build when
 * either exceeds its budget. Last line: one JSON object.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Budgets, gzip -9 bytes. Eager: every matched host page. Overlay: the card, Preact and floating-ui,
 * loaded when guidance applies. Locator: the scored element locator, loaded beside the overlay when a
 * step or feature has a target. Guidance: tips, prompt helpers, beacons, checklists, surveys and the
 * launcher, loaded by the overlay only on pages that have such guidance. The locator's budget was 12 KB
 * until the kept page state learnt to follow structural changes (row labels kept) and the matcher to
 * tell an in-place namesake from a look-alike: 13 KB; then 14 KB when the kept state learnt to follow
 * added and removed elements in place (a locate right after a DOM change costs what a warm one does) and
 * the matcher to use rank, place and language (translated releases): still lazy, still loaded only for
 * targeted steps; 16 KB when the fingerprint learnt to read icons (sprites, icon fonts, ligatures, icon
 * images, inline SVG geometry), which name a control in no language. The overlay's was 20 KB until it
 * learnt to live in the page's top layer (over a modal dialog, inside a fullscreen element) and to see a
 * click as a press and release on the target (menus that act on press): 21 KB; 22 KB when, that budget
 * filled by the dark scheme (dark host apps), it learnt to find a component's modal dialog in its shadow
 * root (+0.2 KB).
 */
export const BUDGET = { eagerGzipBytes: 5 * 1024, overlayGzipBytes: 22 * 1024, locatorGzipBytes: 16 * 1024, guidanceGzipBytes: 12 * 1024 };

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const dist = process.argv[2] ?? 'dist';
const vm = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
const ext = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { web_accessible_resources?: unknown };

function find(pred: (key: string, c: ManifestChunk) => boolean, what: string): [string, ManifestChunk] {
  const hit = Object.entries(vm).find(([k, c]) => pred(k, c));
  if (!hit) throw new Error(`size report: no chunk for ${what} in ${dist}/.vite/manifest.json`);
  return hit;
}

/** A chunk and its static imports, transitively. */
function closure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const i of vm[key]?.imports ?? []) closure(i, seen);
  return seen;
}

const sizeOf = (keys: Iterable<string>) => {
  let raw = 0;
  let gz = 0;
  const files: string[] = [];
  for (const k of keys) {
    const file = vm[k]?.file;
    if (!file) continue;
    const buf = readFileSync(join(dist, file));
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
    files.push(file);
  }
  return { raw, gz, files };
};

// crxjs emits a tiny loader per content script that import()s the real module; the loader is eager too.
const [bootKey] = find((k) => /content-scripts\/bootstrap\.ts$/.test(k), 'the bootstrap');
const [overlayKey] = find((k, c) => /content-scripts\/overlay\/index\.tsx?$/.test(k) && c.isDynamicEntry === true, 'the overlay');
// The locator and the guidance are the overlay's dynamic imports (the locator is a chunk shared with
// the picker, so not itself an entry).
const dynamicOf = (re: RegExp) => vm[overlayKey]?.dynamicImports?.find((k) => re.test(k));
const locatorKey = dynamicOf(/targeting\/locate\.ts$/) ?? vm[overlayKey]?.dynamicImports?.find((k) => !/guidance\//.test(k));
if (!locatorKey) throw new Error('size report: the overlay does not import the locator lazily');
const guidanceKey = dynamicOf(/guidance\/index\.tsx?$/);
if (!guidanceKey) throw new Error('size report: the overlay does not import the guidance lazily');
const eagerKeys = closure(bootKey);
const overlayKeys = new Set([...closure(overlayKey)].filter((k) => !eagerKeys.has(k)));
const locatorKeys = new Set([...closure(locatorKey)].filter((k) => !eagerKeys.has(k) && !overlayKeys.has(k)));
const guidanceKeys = new Set([...closure(guidanceKey)].filter((k) => !eagerKeys.has(k) && !overlayKeys.has(k) && !locatorKeys.has(k)));
const eager = sizeOf(eagerKeys);
const loaderFiles = Object.values(vm).filter((c) => c.file.includes('loader') && c.file.includes('bootstrap'));
let loaderRaw = 0;
let loaderGz = 0;
for (const c of loaderFiles) {
  const buf = readFileSync(join(dist, c.file));
  loaderRaw += buf.length;
  loaderGz += gzipSync(buf, { level: 9 }).length;
}
const overlay = sizeOf(overlayKeys);
const locator = sizeOf(locatorKeys);
const guidance = sizeOf(guidanceKeys);
void ext;

const rows = [
  ['eager (bootstrap + loader)', eager.raw + loaderRaw, eager.gz + loaderGz, BUDGET.eagerGzipBytes],
  ['overlay (lazy)', overlay.raw, overlay.gz, BUDGET.overlayGzipBytes],
  ['locator (lazy, beside the overlay)', locator.raw, locator.gz, BUDGET.locatorGzipBytes],
  ['guidance (lazy, tips, launcher…)', guidance.raw, guidance.gz, BUDGET.guidanceGzipBytes],
] as const;
console.log('\nwhat a matched host page loads      raw bytes   gzip bytes   budget (gzip)');
for (const [name, raw, gz, budget] of rows) {
  console.log(`${name.padEnd(34)} ${String(raw).padStart(9)}   ${String(gz).padStart(10)}   ${String(budget).padStart(13)}${gz > budget ? '  OVER' : ''}`);
}
console.log(`eager files: ${[...eager.files, ...loaderFiles.map((c) => c.file)].join(', ')}`);
console.log(`overlay files: ${overlay.files.join(', ')}`);
console.log(`locator files: ${locator.files.join(', ')}`);
console.log(`guidance files: ${guidance.files.join(', ')}`);
console.log(`all lazy code a guided page may load: ${overlay.gz + locator.gz + guidance.gz} bytes gzip`);
const result = {
  build: 'sizes',
  eagerGzipBytes: eager.gz + loaderGz,
  overlayGzipBytes: overlay.gz,
  locatorGzipBytes: locator.gz,
  guidanceGzipBytes: guidance.gz,
};
const over = rows.filter(([, , gz, budget]) => gz > budget);
if (over.length > 0) console.error(`size budget exceeded: ${over.map(([n]) => n).join(', ')}`);
console.log(JSON.stringify(result));
process.exit(over.length > 0 ? 1 : 0);
