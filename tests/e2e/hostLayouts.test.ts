import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitForStep } from './support/browser';
import { describeInBrowsers, testFlow, type BrowserUnderTest } from './support/inBrowsers';
import { html, servePages, type PageServer } from './support/pageServer';

/**
 * Layouts host apps use that move a fixed overlay off its target if it is placed naively: the page
 * scrolled inside an inner container (the body never scrolls), a transformed or filtered <html> or
 * <body> (which contains fixed descendants), right-to-left pages, and a target in a horizontally
 * scrolled grid. In each the highlight must enclose the target and follow it as the app scrolls.
 */
const shell = (htmlAttrs: string, bodyStyle: string, inner: string) => `<!doctype html>
<html lang="en"${htmlAttrs}><head><meta charset="utf-8"><title>Layout</title></head>
<body style="font: 16px system-ui; margin: 0; ${bodyStyle}">${inner}</body></html>`;
const TARGET = '<button type="button" id="approve" style="padding: 8px 16px">Approve invoice</button>';
const filler = (n: number) => Array.from({ length: n }, (_, i) => `<p>Line ${i + 1} of the record.</p>`).join('');

const LAYOUTS: Record<string, string> = {
  // An app shell: a fixed header, and only <main> scrolls.
  'inner-scroll': shell('', 'height: 100vh; overflow: hidden;', `<header style="height: 60px; background: #eee">App</header>
<main id="scroller" style="position: absolute; top: 60px; bottom: 0; left: 0; right: 0; overflow: auto; padding: 24px">${filler(30)}${TARGET}${filler(60)}</main>`),
  // A transform on <html> and a filter on <body>: fixed descendants are placed in them, not the viewport.
  transformed: shell(' style="transform: translateZ(0)"', 'filter: saturate(1.1); margin: 30px;', `<div style="height: 200px"></div><section style="margin-left: 120px">${TARGET}</section><div style="height: 2000px"></div>`),
  rtl: shell(' dir="rtl"', 'margin: 30px;', `<h1>חשבוניות</h1><div style="height: 150px"></div><section style="margin-right: 200px">${TARGET}</section>`),
  // A wide grid scrolled sideways, the target in a far column.
  'wide-grid': shell('', 'margin: 20px;', `<div id="scroller" style="width: 600px; overflow-x: auto; border: 1px solid #999"><div style="width: 2400px; padding: 20px"><span style="display: inline-block; width: 1500px"></span>${TARGET}</div></div>`),
};

const FLOW = testFlow('layout-guide', 'Approve', [
  { id: 'approve', title: 'Approve it', body: [], target: { tag: 'button', id: 'approve', text: 'Approve invoice' }, advance: { kind: 'click' } },
  { id: 'done', title: 'Done', body: [], advance: { kind: 'next' } },
]);

let fixture: PageServer;
beforeAll(async () => {
  fixture = await servePages(Object.fromEntries(Object.entries(LAYOUTS).map(([k, v]) => [`/${k}`, html(v)])));
});
afterAll(async () => {
  await fixture?.close();
});

/** Waits until the highlight encloses the target (within a few pixels): it is placed a frame after a move. */
async function ringOnTarget(tab: Page): Promise<void> {
  const host = await tab.$('pierce/waymark-overlay');
  if (!host) throw new Error('no overlay');
  const seen = await tab
    .waitForFunction(
      (h) => {
        const ring = (h as Element).shadowRoot?.querySelector('.wm-highlight')?.getBoundingClientRect();
        const t = document.getElementById('approve')?.getBoundingClientRect();
        if (!ring || !t) return false;
        return ring.left <= t.left + 1 && ring.top <= t.top + 1 && ring.right >= t.right - 1 && ring.bottom >= t.bottom - 1 && t.left - ring.left < 12 && ring.right - t.right < 12;
      },
      { timeout: 3000, polling: 50 },
      host,
    )
    .then(() => null)
    .catch(async () =>
      tab.evaluate((h) => {
        const r = (e: Element | null | undefined) => {
          const b = e?.getBoundingClientRect();
          return b ? [Math.round(b.left), Math.round(b.top), Math.round(b.right), Math.round(b.bottom)] : null;
        };
        return JSON.stringify({ ring: r((h as Element).shadowRoot?.querySelector('.wm-highlight')), target: r(document.getElementById('approve')) });
      }, host),
    );
  expect(seen, 'the highlight is not on the target').toBeNull();
}

function layouts({ send, tab: tabOf, timeout }: BrowserUnderTest) {
  let tab: Page;
  beforeAll(() => {
    tab = tabOf();
  });
  const show = async (layout: string) => {
    await send({ type: 'admin/progress/reset' });
    await tab.goto(`${fixture.url}/${layout}?waymark-flow=layout-guide`);
    expect(await waitForStep(tab, 0, timeout)).toBe('found');
  };

  it('an app shell whose <main> scrolls: the highlight is on the target, and follows it as <main> scrolls', async () => {
    await show('inner-scroll');
    await ringOnTarget(tab);
    await tab.evaluate(() => document.getElementById('scroller')?.scrollBy(0, 120));
    await ringOnTarget(tab);
    await tab.evaluate(() => document.getElementById('scroller')?.scrollBy(0, -240));
    await ringOnTarget(tab);
  });

  it('a transformed <html> and a filtered <body>, the window scrolled: the highlight stays on the target', async () => {
    await show('transformed');
    await ringOnTarget(tab);
    await tab.evaluate(() => window.scrollBy(0, 150));
    await ringOnTarget(tab);
  });

  it('a right-to-left page: the highlight is on the target', async () => {
    await show('rtl');
    await ringOnTarget(tab);
  });

  it('a target in a grid scrolled sideways: on it once the grid scrolls it into view, and as it scrolls on', async () => {
    await show('wide-grid');
    await ringOnTarget(tab);
    await tab.evaluate(() => document.getElementById('scroller')?.scrollBy(100, 0));
    await ringOnTarget(tab);
  });
}

describeInBrowsers('a step on host layouts that move a fixed overlay', [FLOW], layouts);
