import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitForStep } from './support/browser';
import { describeInBrowsers, testFlow, type BrowserUnderTest } from './support/inBrowsers';
import { html, servePages, type PageServer } from './support/pageServer';
import { hoverWithMouse, startPickerOn } from './support/topLayerProbe';

/**
 * Host apps that scale themselves with CSS `zoom` (on <html>, on <body>, or on a panel), as dense
 * enterprise apps and embedded dashboards do: the step's highlight must sit on its target and the card
 * beside it, whatever is zoomed.
 */
const page = (zoomed: 'html' | 'body' | 'panel', factor: number) => `<!doctype html>
<html lang="en"${zoomed === 'html' ? ` style="zoom: ${factor}"` : ''}><head><meta charset="utf-8"><title>Zoom</title></head>
<body style="font: 16px system-ui; margin: 40px;${zoomed === 'body' ? ` zoom: ${factor};` : ''}">
<h1>Invoices</h1>
<div style="height: 120px"></div>
<section${zoomed === 'panel' ? ` style="zoom: ${factor}; margin-left: 100px"` : ' style="margin-left: 100px"'}>
  <h2>Actions</h2>
  <button type="button" id="approve" style="padding: 8px 16px">Approve invoice</button>
</section>
<dialog id="note-dialog"><label>Note <input id="note"></label></dialog>
</body></html>`;

const FLOW = testFlow('zoom-guide', 'Approve', [
  { id: 'approve', title: 'Approve it', body: [], target: { tag: 'button', id: 'approve', text: 'Approve invoice' }, advance: { kind: 'click' } },
  { id: 'note', title: 'Add a note', body: [], target: { tag: 'input', id: 'note', label: 'Note' }, advance: { kind: 'next' } },
  { id: 'done', title: 'Done', body: [], advance: { kind: 'next' } },
]);

let fixture: PageServer;

const CASES: Array<['html' | 'body' | 'panel', number]> = [
  ['html', 1.5],
  ['body', 0.8],
  ['panel', 1.25],
  ['html', 0.75],
];

beforeAll(async () => {
  fixture = await servePages(Object.fromEntries(CASES.map(([z, f]) => [`/${z}-${f}`, html(page(z, f))])));
});
afterAll(async () => {
  await fixture?.close();
});


/** The target's, the highlight's and the card's boxes on screen, the overlay found through shadow roots. */
async function boxes(p: Page, targetSelector: string) {
  const host = await p.$('pierce/waymark-overlay');
  const target = await p.$(targetSelector);
  if (!host || !target) throw new Error('no overlay or no target');
  return {
    target: await target.evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }),
    ring: await host.evaluate((h) => {
      const r = h.shadowRoot?.querySelector('.wm-highlight')?.getBoundingClientRect();
      return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
    }),
    card: await host.evaluate((h) => {
      const r = h.shadowRoot?.querySelector('[data-waymark-step] .wm-card')?.getBoundingClientRect();
      return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
    }),
  };
}

type Box = { left: number; top: number; right: number; bottom: number };

/** The ring spans the target across, with at most a few pixels either side. */
function expectAround(ring: Box, target: Box, seen: string): void {
  expect(ring.left, seen).toBeLessThanOrEqual(target.left + 1);
  expect(ring.right, seen).toBeGreaterThanOrEqual(target.right - 1);
  expect(target.left - ring.left, seen).toBeLessThan(12);
  expect(ring.right - target.right, seen).toBeLessThan(12);
}

/** The ring encloses the target with at most a few pixels around it, and the card is beside the ring. */
function expectOnTarget(b: Awaited<ReturnType<typeof boxes>>): void {
  const { target, ring, card } = b;
  const seen = JSON.stringify(b);
  if (!ring || !card) throw new Error(seen);
  expectAround(ring, target, seen);
  expect(ring.top, seen).toBeLessThanOrEqual(target.top + 1);
  expect(ring.bottom, seen).toBeGreaterThanOrEqual(target.bottom - 1);
  // The card touches neither the target nor is far from it: within 40 px of the ring on some side.
  const gap = Math.max(card.left - ring.right, ring.left - card.right, card.top - ring.bottom, ring.top - card.bottom);
  expect(gap, seen).toBeGreaterThanOrEqual(-1);
  expect(gap, seen).toBeLessThan(40);
}

function onZoomedPages({ send, tab: tabOf, timeout }: BrowserUnderTest) {
  let tab: Page;
  beforeAll(() => {
    tab = tabOf();
  });
  for (const [zoomed, factor] of CASES) {
    it(`zoom ${factor} on ${zoomed}: the highlight is on the target and the card beside it`, async () => {
      await send({ type: 'admin/progress/reset' });
      await tab.goto(`${fixture.url}/${zoomed}-${factor}?waymark-flow=zoom-guide`);
      expect(await waitForStep(tab, 0, timeout)).toBe('found');
      // Placed a frame after it is found.
      await tab.waitForFunction(() => !!document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('.wm-highlight'), { polling: 50 });
      await new Promise((r) => setTimeout(r, 300));
      expectOnTarget(await boxes(tab, '#approve'));
    });
  }

  it('the app changes its zoom while the step is shown (a density setting): the highlight follows', async () => {
    await send({ type: 'admin/progress/reset' });
    await tab.goto(`${fixture.url}/panel-1.25?waymark-flow=zoom-guide`);
    expect(await waitForStep(tab, 0, timeout)).toBe('found');
    await tab.evaluate(() => document.documentElement.style.setProperty('zoom', '1.4'));
    await new Promise((r) => setTimeout(r, 500));
    expectOnTarget(await boxes(tab, '#approve'));
    await tab.evaluate(() => document.documentElement.style.removeProperty('zoom'));
    await new Promise((r) => setTimeout(r, 500));
    expectOnTarget(await boxes(tab, '#approve'));
  });

  it('a modal dialog of a zoomed <body>: the overlay moves into it and still sits on the field', async () => {
    await send({ type: 'admin/progress/reset' });
    await tab.goto(`${fixture.url}/body-0.8?waymark-flow=zoom-guide`);
    expect(await waitForStep(tab, 0, timeout)).toBe('found');
    await tab.evaluate(() => (document.getElementById('note-dialog') as HTMLDialogElement).showModal());
    await tab.evaluate(() => document.getElementById('approve')?.click());
    expect(await waitForStep(tab, 1, timeout)).toBe('found');
    expect(await tab.evaluate(() => document.querySelector('waymark-overlay')?.parentElement?.id)).toBe('note-dialog');
    await new Promise((r) => setTimeout(r, 300));
    expectOnTarget(await boxes(tab, '#note'));
  });

  it("the element picker's highlight on a zoomed <html> is on the hovered element", async () => {
    const url = `${fixture.url}/html-1.5?picker`;
    await tab.goto(url);
    await startPickerOn(tab, send, url);
    await hoverWithMouse(tab, '#approve', /Approve invoice/);
    await new Promise((r) => setTimeout(r, 200));
    const target = await tab.$eval('#approve', (e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    });
    const ring = await tab.evaluate(() => {
      // The ring box is the one element of the picker's shadow root drawn with a transform.
      const els = [...(document.querySelector('waymark-picker')?.shadowRoot?.querySelectorAll<HTMLElement>('*') ?? [])];
      const r = els.find((e) => e.style.transform.startsWith('translate('))?.getBoundingClientRect();
      return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
    });
    const seen = JSON.stringify({ target, ring });
    if (!ring) throw new Error(seen);
    expectAround(ring, target, seen);
    await send({ type: 'admin/picker/cancel' });
  });
}

describeInBrowsers('a step on a zoomed host page', [FLOW], onZoomedPages);
