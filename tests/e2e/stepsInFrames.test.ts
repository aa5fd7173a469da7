import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitForStep } from './support/browser';
import { describeInBrowsers, testFlow, type BrowserUnderTest } from './support/inBrowsers';
import { html, servePages, type PageServer } from './support/pageServer';

/**
 * A walkthrough whose steps are in a same-origin frame (ERP and portal screens still are): the top
 * frame's locator finds the targets there, so the user's click, change or typing there must advance
 * the steps, though none of those events reaches the top document; and a tracked feature there counts
 * its uses.
 */
const TOP = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Portal</title></head>
<body style="font: 16px system-ui; margin: 30px">
<h1>Purchasing portal</h1>
<iframe src="/form" title="Order form" style="width: 640px; height: 300px; margin-left: 60px; border: 1px solid #999"></iframe>
<p id="menu"><button type="button" id="archive">Archive the order</button></p>
<script>
  // A menu item that acts on the press and is gone before any click, as menus do.
  document.getElementById('archive').addEventListener('pointerdown', (e) => {
    e.target.remove();
    document.getElementById('menu').textContent = 'Archived';
  });
</script>
</body></html>`;
const FORM = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Order form</title></head>
<body style="font: 16px system-ui; margin: 20px">
<p><label>Supplier <select id="supplier"><option value="">Choose…</option><option>Northwind</option><option>Contoso</option></select></label></p>
<p><label>Notes <input id="notes"></label></p>
<p><button type="button" id="submit-order">Submit order</button> <button type="button" id="export">Export</button></p>
</body></html>`;

const FLOW = testFlow('frame-guide', 'An order in the frame', [
  { id: 'supplier', title: 'Choose the supplier', body: [], target: { tag: 'select', id: 'supplier', label: 'Supplier', framePath: [0] }, advance: { kind: 'input' } },
  { id: 'submit', title: 'Submit it', body: [], target: { tag: 'button', id: 'submit-order', text: 'Submit order', framePath: [0] }, advance: { kind: 'click' } },
  { id: 'done', title: 'Sent', body: [], advance: { kind: 'next' } },
]);
// A step in the frame, then one on the top page on a control that acts on the press.
const BACK_FLOW = testFlow('frame-then-top', 'From the frame to the page', [
  { id: 'submit', title: 'Submit it', body: [], target: { tag: 'button', id: 'submit-order', text: 'Submit order', framePath: [0] }, advance: { kind: 'click' } },
  { id: 'archive', title: 'Archive it', body: [], target: { tag: 'button', id: 'archive', text: 'Archive the order' }, advance: { kind: 'click' } },
  { id: 'done', title: 'Archived', body: [], advance: { kind: 'next' } },
]);
const FEATURE = {
  schemaVersion: 2,
  kind: 'feature',
  id: 'frame-export',
  name: 'Export from the order form',
  match: ['http://127.0.0.1/*'],
  target: { tag: 'button', id: 'export', text: 'Export', framePath: [0] },
  use: 'click',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

let fixture: PageServer;
beforeAll(async () => {
  fixture = await servePages({ '/': html(TOP), '/form': html(FORM) });
});
afterAll(async () => {
  await fixture?.close();
});

function stepsInFrames({ send, tab: tabOf, timeout, events }: BrowserUnderTest) {
  let tab: Page;
  beforeAll(async () => {
    tab = tabOf();
    expect(await send({ type: 'admin/features/save', feature: FEATURE })).toMatchObject({ ok: true });
  });
  const formFrame = async (): Promise<Frame> => {
    const f = tab.frames().find((x) => x.url().endsWith('/form'));
    if (!f) throw new Error('no form frame');
    await f.waitForSelector('#submit-order');
    return f;
  };

  it('steps on a select and a button in the frame advance on the choice and on the click made there', async () => {
    await send({ type: 'admin/progress/reset' });
    await tab.goto(`${fixture.url}/?waymark-flow=frame-guide`);
    expect(await waitForStep(tab, 0, timeout)).toBe('found');
    const form = await formFrame();
    await form.select('#supplier', 'Northwind');
    expect(await waitForStep(tab, 1, timeout)).toBe('found');
    await form.click('#submit-order');
    expect(await waitForStep(tab, 2, timeout)).toBe('centered');
  });

  it('Esc pressed while the focus is in the frame dismisses the step, as it does on the page', async () => {
    await send({ type: 'admin/progress/reset' });
    await tab.goto(`${fixture.url}/?waymark-flow=frame-guide&esc`);
    expect(await waitForStep(tab, 0, timeout)).toBe('found');
    const form = await formFrame();
    await form.focus('#notes');
    await tab.keyboard.press('Escape');
    await tab.waitForFunction(() => !document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('[data-waymark-step]'), { timeout: 5000, polling: 50 });
  });

  it('after a step in the frame, a step on the top page advances on a press that removes its target', async () => {
    await send({ type: 'admin/progress/reset' });
    await tab.goto(`${fixture.url}/?waymark-flow=frame-then-top`);
    expect(await waitForStep(tab, 0, timeout)).toBe('found');
    await (await formFrame()).click('#submit-order');
    expect(await waitForStep(tab, 1, timeout)).toBe('found');
    await tab.click('#archive');
    await tab.waitForFunction(() => document.getElementById('menu')?.textContent === 'Archived', { polling: 50 });
    expect(await waitForStep(tab, 2, timeout)).toBe('centered');
  });

  it('a tracked feature in the frame counts its first use and then its repeat use', async () => {
    await tab.goto(`${fixture.url}/?feature`);
    const form = await formFrame();
    // The locator loads a moment after the page: a use before it cannot be attributed.
    await new Promise((r) => setTimeout(r, 1000));
    await form.click('#export');
    await form.click('#export');
    const end = Date.now() + 10_000;
    let uses: Array<Record<string, unknown>> = [];
    while (Date.now() < end) {
      uses = (await events()).filter((e) => e.type === 'feature_used' && e.featureId === 'frame-export');
      if (uses.length >= 2) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(uses.map((e) => e.firstUse)).toEqual([true, false]);
  });
}

describeInBrowsers('a walkthrough and a feature inside a same-origin frame', [FLOW, BACK_FLOW], stepsInFrames);
