import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_PAGES } from '../../bench/watch/hostPages';
import { launchWithExtension, waitForStep, type ExtensionBrowser } from './support/browser';
import { saveFlow } from './support/guidance';
import { html, js, servePages, type PageServer } from './support/pageServer';
import { until } from './support/until';

/**
 * A step shown on a page that never stops changing (the watch bench's AI assistant, streaming 60
 * tokens a second): the step's watching ignores the churn while its target is on the page, and still
 * re-anchors when the page really replaces the target or moves it.
 */
const AI = HOST_PAGES.find((p) => p.id === 'aiStream');
if (!AI) throw new Error('no aiStream page in the watch bench');

let pages: PageServer;
let ext: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  pages = await servePages({ '/': html(AI.html), [`${AI.path}.js`]: js(AI.js) });
  ext = await launchWithExtension();
  await saveFlow(ext, {
    schemaVersion: 2,
    kind: 'flow',
    id: 'send-guide',
    name: 'Ask the assistant',
    version: 1,
    status: 'published',
    match: ['http://127.0.0.1/*'],
    start: 'manual',
    updatedAt: '2026-01-01T00:00:00.000Z',
    steps: [{ id: 'send', title: 'Send your question', body: [], target: AI.target, advance: { kind: 'click' } }],
  });
  page = await ext.browser.newPage();
});
afterAll(async () => {
  await ext?.close();
  await pages?.close();
});

/** Counts, from the page, the times the step's highlight is removed (the step showed it lost its target). */
function countLosses(): void {
  const root = document.querySelector('waymark-overlay')?.shadowRoot;
  if (!root) throw new Error('no overlay');
  const w = window as unknown as { losses: number };
  w.losses = 0;
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.removedNodes) if (n instanceof Element && n.classList.contains('wm-highlight')) w.losses++;
  }).observe(root, { childList: true, subtree: true });
}

/** The highlight is drawn 4 px around the current `#send` button (rounded to whole pixels). */
function highlightOnSend(): boolean {
  const t = document.querySelector('#send')?.getBoundingClientRect();
  const h = document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('.wm-highlight')?.getBoundingClientRect();
  if (!t || !h) return false;
  return [h.left - (t.left - 4), h.top - (t.top - 4), h.width - (t.width + 8), h.height - (t.height + 8)].every((d) => Math.abs(d) <= 2);
}

describe('a step on a page that streams', () => {
  it('stays on its target through the stream, and re-anchors when the target is replaced or moved', async () => {
    await page.goto(`${pages.url}/?waymark-flow=send-guide`);
    expect(await waitForStep(page, 0)).toBe('found');
    await page.evaluate(countLosses);
    const tokens = await page.evaluate(() => (window as unknown as { benchWork: number }).benchWork);
    await until('the stream to go on for a second and a half', () => page.evaluate((n) => (window as unknown as { benchWork: number }).benchWork >= n + 90, tokens));
    expect(await page.evaluate(() => (window as unknown as { losses: number }).losses)).toBe(0);
    expect(await page.evaluate(highlightOnSend)).toBe(true);

    // A re-render: the composer's button gone, a new one rendered in the toolbar, far from it.
    const before = await page.evaluate(() => document.querySelector('#send')?.getBoundingClientRect().top ?? 0);
    await page.evaluate(() => {
      const old = document.querySelector('#send') as HTMLElement;
      const fresh = old.cloneNode(true) as HTMLElement;
      old.remove();
      document.querySelector('.toolbar')?.append(fresh);
    });
    const after = await page.evaluate(() => document.querySelector('#send')?.getBoundingClientRect().top ?? 0);
    expect(before - after).toBeGreaterThan(300);
    await until('the step to re-anchor on the new button', () => page.evaluate(highlightOnSend), 10_000);

    // The same button moved back to the composer: the highlight follows it, without losing it.
    await page.evaluate(() => document.querySelector('#composer')?.append(document.querySelector('#send') as Element));
    await until('the highlight to follow the moved button', () => page.evaluate(highlightOnSend), 10_000);
    // Re-located in the same pass that noticed the loss: the highlight was never taken off the page.
    expect(await page.evaluate(() => (window as unknown as { losses: number }).losses)).toBe(0);
    expect(await waitForStep(page, 0)).toBe('found');
  });
});
