import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSend, launchWithExtension, waitForStep, type ExtensionBrowser } from './support/browser';
import { html, js, servePages, type PageServer } from './support/pageServer';

/**
 * Steps that advance on a click on their target, on host apps whose controls do not end in a plain
 * click there: a menu that acts on press and closes at once (the item is gone before any click), and
 * a toolbar whose own capture listener on `window` stops the click from reaching the document.
 */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Reports</title></head>
<body style="font: 16px system-ui; margin: 40px">
<h1>Reports</h1>
<button type="button" id="menu-button" aria-haspopup="menu">Actions</button>
<div id="menu-slot"></div>
<p><button type="button" id="share">Share</button></p>
<p id="log"></p>
<script src="/app.js"></script>
</body></html>`;

// The menu opens on click; an item acts on mousedown and the menu is removed right away, as many
// dropdown widgets do. The Share button's handler runs in a window capture listener and stops the event.
const APP = `
const slot = document.getElementById('menu-slot');
const log = document.getElementById('log');
document.getElementById('menu-button').addEventListener('click', () => {
  slot.replaceChildren();
  const menu = document.createElement('div');
  menu.setAttribute('role', 'menu');
  for (const label of ['Export as CSV', 'Print']) {
    const item = document.createElement('div');
    item.setAttribute('role', 'menuitem');
    item.tabIndex = -1;
    item.textContent = label;
    item.style.cssText = 'padding: 6px 12px; cursor: pointer; width: 160px; border: 1px solid #ccc';
    item.addEventListener('mousedown', (e) => {
      e.preventDefault();
      log.textContent = label + ' done';
      menu.remove();
    });
    menu.append(item);
  }
  slot.append(menu);
});
window.addEventListener('click', (e) => {
  if (e.target instanceof Element && e.target.id === 'share') {
    e.stopImmediatePropagation();
    log.textContent = 'shared';
  }
}, true);
`;

const FLOW = {
  schemaVersion: 2,
  kind: 'flow',
  id: 'export-guide',
  name: 'Export a report',
  version: 1,
  status: 'published',
  match: ['http://127.0.0.1/*'],
  start: 'manual',
  updatedAt: '2026-01-01T00:00:00.000Z',
  steps: [
    { id: 'open-menu', title: 'Open the actions', body: [], target: { tag: 'button', id: 'menu-button', text: 'Actions' }, advance: { kind: 'click' } },
    { id: 'export', title: 'Export it', body: [], target: { tag: 'div', role: 'menuitem', name: 'Export as CSV', text: 'Export as CSV' }, advance: { kind: 'click' } },
    { id: 'share', title: 'Share it', body: [], target: { tag: 'button', id: 'share', text: 'Share' }, advance: { kind: 'click' } },
    { id: 'done', title: 'Done', body: [], advance: { kind: 'next' } },
  ],
};

let pages: PageServer;
let ext: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  pages = await servePages({ '/': html(PAGE), '/app.js': js(APP) });
  ext = await launchWithExtension();
  expect(await adminSend(ext, { type: 'admin/flows/save', flow: FLOW })).toMatchObject({ ok: true });
  page = await ext.browser.newPage();
});
afterAll(async () => {
  await ext?.close();
  await pages?.close();
});

describe('a step that advances on a click', () => {
  it('advances when the target acted on press and vanished, and when the page stopped the click before the document', async () => {
    await page.goto(`${pages.url}/?waymark-flow=export-guide`);
    expect(await waitForStep(page, 0)).toBe('found');
    await page.click('#menu-button');
    expect(await waitForStep(page, 1)).toBe('found');

    // A real press and release on the item: the menu is gone after the press, so no click follows.
    const item = await page.waitForSelector('[role="menuitem"]');
    const box = (await item!.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.waitForFunction(() => document.getElementById('log')?.textContent === 'Export as CSV done', { polling: 50 });
    await page.mouse.up();
    expect(await waitForStep(page, 2)).toBe('found');

    await page.click('#share');
    await page.waitForFunction(() => document.getElementById('log')?.textContent === 'shared', { polling: 50 });
    expect(await waitForStep(page, 3)).toBe('centered');
  });

  it('does not advance when a press on the target did not act (released elsewhere, the target still there)', async () => {
    await adminSend(ext, { type: 'admin/progress/reset' });
    await page.goto(`${pages.url}/?waymark-flow=export-guide`);
    expect(await waitForStep(page, 0)).toBe('found');
    const btn = (await (await page.$('#menu-button'))!.boundingBox())!;
    await page.mouse.move(btn.x + btn.width / 2, btn.y + btn.height / 2);
    await page.mouse.down();
    await page.mouse.move(btn.x + btn.width / 2, btn.y + 300, { steps: 4 });
    await page.mouse.up();
    await new Promise((r) => setTimeout(r, 600));
    expect(await page.evaluate(() => document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('[data-waymark-step]')?.getAttribute('data-waymark-step'))).toBe('0');
  });
});
