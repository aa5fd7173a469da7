import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundledPages, type BundledPages } from './support/bundledPage';
import { html } from './support/pageServer';
import type { Report, run } from './support/differentialEntry';

/**
 * The guard of the locator's kept page state (`content-scripts/targeting/pageState.ts`): in real
 * Chromium, a page is mutated at random (seeded) in every way a host app does, elements added,
 * removed, moved, wrapped, renamed, re-texted, re-attributed, shadow roots added or attached, frames
 * added and removed, our own overlay growing, and after every batch what the locator kept must be
 * exactly what a fresh read of the page gives: the same candidates in the same order, the same
 * ranking and confidence, and, every fourth round, every field of every candidate. A stale field is
 * worse than a slow locate: it can anchor a step to the wrong element.
 */

const rows = Array.from({ length: 12 }, (_, i) => `<tr><td>INV-${i}</td><td>${['ACME', 'Globex', 'Initech'][i % 3]}</td><td><button type="button" class="edit e${i}">Edit</button> <a href="/inv/${i}">Open</a></td></tr>`).join('\n');

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Differential fixture</title></head>
<body>
<header><h1>Invoices</h1><nav><a href="/">Home</a> <a href="/inv">Invoices</a> <button type="button" aria-label="Search">S</button></nav></header>
<main>
<section><h2 id="list">List</h2>
<table><caption>Open invoices</caption><tbody>
${rows}
</tbody></table></section>
<section><h2>Contact</h2>
<form><fieldset><legend>Billing</legend>
<label for="email">Email</label> <input id="email" type="email" name="email">
<label>Phone <input id="phone" type="tel" name="phone"></label>
<span id="noteLabel">Note</span><textarea aria-labelledby="noteLabel"></textarea>
<select id="stage"><option>Lead</option><option>Won</option></select>
<span>Coupon</span><input id="coupon" name="coupon" placeholder="Code">
<div><span>Reference</span></div><div><input id="ref" name="ref"></div>
<span>Notes</span><select id="kind"><option>A</option><option>B</option></select>
<button type="submit" data-testid="save">Save</button>
</fieldset></form></section>
<div role="grid"><div role="row"><span role="gridcell">Alpha</span><span role="button" tabindex="0">Edit</span></div>
<div role="row"><span role="gridcell">Beta</span><span role="button" tabindex="0">Edit</span></div></div>
<div id="widget"><template shadowrootmode="open"><h3>Widget</h3><button type="button">Approve</button><div id="inner"><template shadowrootmode="open"><button type="button">Save</button></template></div></template></div>
<div id="later"></div>
<section hidden><h3>Hidden</h3><button type="button">Save</button></section>
<iframe srcdoc="<h2>Frame</h2><button type='button'>Save</button><label for='q'>Search</label><input id='q'>"></iframe>
<p><span id="clock">12:00</span></p>
</main>
<script>
  // Our own overlay: a custom element on <html> with an open shadow root, as the content script makes it.
  const own = document.createElement('x-own');
  const save = document.createElement('button');
  save.textContent = 'Save';
  own.attachShadow({ mode: 'open' }).append(save);
  document.documentElement.append(own);
</script>
</body></html>`;

type Win = { WaymarkDifferential: { run: typeof run } };

let pages: BundledPages;
let page: Page;

beforeAll(async () => {
  pages = await openBundledPages('tests/e2e/support/differentialEntry.ts', 'WaymarkDifferentialHarness', { '/': html(PAGE) });
  page = pages.page;
});

afterAll(async () => {
  await pages?.close();
});

async function runSeed(seed: number, rounds: number): Promise<Report> {
  await pages.open('/', { waitUntil: 'load' });
  return page.evaluate((s, n) => (window as unknown as Win).WaymarkDifferential.run(s, n), seed, rounds);
}

describe('the kept page state against a fresh read', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`seed ${seed}: every check after random mutations agrees with a fresh read`, async () => {
      const report = await runSeed(seed, 150);
      expect(report.mismatches, JSON.stringify(report.mismatches, null, 1).slice(0, 4000)).toEqual([]);
      // The run really exercised the kept state: many checks, every kind of change, real candidates.
      expect(report.checks).toBeGreaterThan(500);
      expect(report.fieldChecks).toBeGreaterThan(100);
      expect(report.candidates).toBeGreaterThan(150);
      for (const op of ['add', 'remove', 'move', 'wrap', 'rename', 'retext', 'text', 'attribute', 'shadow', 'iframe', 'navigate', 'own', 'reorder', 'burst']) expect(report.ops[op] ?? 0, op).toBeGreaterThan(2);
    });
  }
});
