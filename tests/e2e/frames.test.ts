import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSend, launchWithExtension, waitForStep, waitForWaymark, type ExtensionBrowser } from './support/browser';

/**
 * Targets inside frames. The bootstrap is registered in every frame: a same-origin frame stands down
 * (the top frame's locator reaches into it and its card is drawn over the whole page), a frame under a
 * cross-origin parent (an embedded app on another origin) runs on its own.
 */

const frameDoc = (title: string, button: string, testId: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body style="font: 15px system-ui; padding: 30px">
<h2>${title}</h2>
<p>Outstanding: 2 invoices</p>
<button type="button" data-testid="${testId}">${button}</button>
</body></html>`;

let other = '';
const top = () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Frames fixture</title>
<style>body { font: 16px system-ui; margin: 40px; } iframe { width: 460px; height: 200px; border: 3px solid #999; padding: 6px; display: block; margin: 60px 0 0 80px; }</style></head>
<body>
<h1>Invoices</h1>
<button type="button">Top button</button>
<iframe src="/payments" title="Payments"></iframe>
<iframe src="${other}/embedded?waymark-flow=embedded-tip" title="Embedded app"></iframe>
</body></html>`;

function startFixture(): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const body = path === '/' ? top() : path === '/payments' ? frameDoc('Payments', 'Send invoice', 'send-invoice') : path === '/embedded' ? frameDoc('Embedded app', 'Approve expense', 'approve-expense') : null;
    res.writeHead(body === null ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, port, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}

const flow = (id: string, match: string, target: Record<string, unknown>) => ({
  schemaVersion: 2,
  kind: 'flow',
  id,
  name: id,
  version: 1,
  status: 'published',
  match: [match],
  start: 'manual',
  updatedAt: '2026-01-01T00:00:00.000Z',
  steps: [{ id: 'one', title: `Step of ${id}`, body: [], target, advance: { kind: 'click' }, timeoutMs: 5000 }],
});

let fixture: { url: string; port: number; close(): Promise<void> };
let ext: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  fixture = await startFixture();
  // Another origin for the same server: localhost instead of 127.0.0.1.
  other = `http://localhost:${fixture.port}`;
  ext = await launchWithExtension(process.env.WAYMARK_DIST ? { dist: process.env.WAYMARK_DIST } : {});
  const bundle = {
    format: 'waymark-bundle',
    flows: [
      // As the picker captures them: the frame path says which frame of the top document.
      flow('payments-tip', 'http://127.0.0.1/*', { tag: 'button', role: 'button', type: 'button', testId: 'send-invoice', text: 'Send invoice', neighborText: 'Payments', isButton: true, framePath: [0] }),
      flow('embedded-tip', 'http://localhost/*', { tag: 'button', role: 'button', type: 'button', testId: 'approve-expense', text: 'Approve expense', neighborText: 'Embedded app', isButton: true }),
    ],
  };
  expect((await adminSend<{ ok: boolean }>(ext, { type: 'admin/bundle/import', bundle })).ok).toBe(true);
  page = await ext.browser.newPage();
});

afterAll(async () => {
  await ext?.close();
  await fixture?.close();
});

/** The centre of the overlay's highlight and of an element inside a frame, both in top-page coordinates. */
async function highlightAndTarget(p: Page, frameIndex: number, selector: string): Promise<{ highlight: { x: number; y: number } | null; target: { x: number; y: number } }> {
  return p.evaluate(
    (i, sel) => {
      const hl = document.querySelector('waymark-overlay')?.shadowRoot?.querySelector<HTMLElement>('.wm-highlight');
      const f = document.querySelectorAll('iframe')[i] as HTMLIFrameElement;
      const fr = f.getBoundingClientRect();
      const cs = getComputedStyle(f);
      const t = f.contentDocument!.querySelector(sel)!.getBoundingClientRect();
      const h = hl?.getBoundingClientRect();
      return {
        highlight: h ? { x: h.left + h.width / 2, y: h.top + h.height / 2 } : null,
        target: { x: fr.left + f.clientLeft + parseFloat(cs.paddingLeft) + t.left + t.width / 2, y: fr.top + f.clientTop + parseFloat(cs.paddingTop) + t.top + t.height / 2 },
      };
    },
    frameIndex,
    selector,
  );
}

describe('targets inside frames', () => {
  it('a same-origin frame is served from the top: the step anchors to the button inside it, drawn once', async () => {
    await page.goto(`${fixture.url}/?waymark-flow=payments-tip`);
    await waitForWaymark(page);
    expect(await waitForStep(page, 0)).toBe('found');
    await page.waitForFunction(
      () => {
        const hl = document.querySelector('waymark-overlay')?.shadowRoot?.querySelector<HTMLElement>('.wm-highlight');
        return hl !== null && hl !== undefined && /translate/.test(hl.style.transform);
      },
      { polling: 50, timeout: 5000 },
    );
    // The highlight glides into place: poll until it rings the frame's button, in top coordinates.
    let seen = await highlightAndTarget(page, 0, '[data-testid="send-invoice"]');
    for (let i = 0; i < 40 && (seen.highlight === null || Math.abs(seen.highlight.x - seen.target.x) > 2 || Math.abs(seen.highlight.y - seen.target.y) > 2); i++) {
      await new Promise((r) => setTimeout(r, 50));
      seen = await highlightAndTarget(page, 0, '[data-testid="send-invoice"]');
    }
    expect(seen.highlight).not.toBeNull();
    expect(Math.abs(seen.highlight!.x - seen.target.x)).toBeLessThanOrEqual(2);
    expect(Math.abs(seen.highlight!.y - seen.target.y)).toBeLessThanOrEqual(2);
    // The same-origin frame stood down: no second bootstrap, no overlay of its own.
    const payments = page.frames().find((f) => f.url().endsWith('/payments')) as Frame;
    expect(await payments.evaluate(() => [document.documentElement.hasAttribute('data-waymark'), document.querySelector('waymark-overlay') !== null])).toEqual([false, false]);
  });

  it('a frame on another origin runs its own bootstrap and plays the flow authored for it', async () => {
    const embedded = page.frames().find((f) => f.url().startsWith(`${other}/embedded`)) as Frame;
    expect(embedded).toBeDefined();
    await embedded.waitForFunction(() => document.documentElement.getAttribute('data-waymark') === 'ready', { timeout: 15_000 });
    const phase = await embedded.waitForFunction(
      () => {
        const el = document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('[data-waymark-step="0"]');
        return el?.querySelector('.wm-card') ? el.getAttribute('data-waymark-phase') : null;
      },
      { timeout: 15_000, polling: 50 },
    );
    expect(await phase.jsonValue()).toBe('found');
    // The top page does not show the embedded app's flow: its URL is not matched.
    expect(await page.evaluate(() => document.querySelector('waymark-overlay')?.shadowRoot?.textContent ?? '')).not.toContain('Step of embedded-tip');
  });
});
