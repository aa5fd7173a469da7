import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../demo/hostServer';
import { adminSend, launchWithExtension, openExtensionPage, openToolbarPopup, waitForStep, waitForWaymark, type ExtensionBrowser } from './support/browser';
import { axe, focused, inOverlay, overlayHas, unreachedByTab } from './support/a11y';
import { createToken, startCollector, tempDataDir, type Collector } from './support/collector';
import { demoSeed } from './support/demoSeed';
import { loadSamplePopulation } from '../../demo/samplePopulation';

/*
 * axe-core over what people see: every route of the options page with the demo's data in it, the
 * toolbar popup, and Waymark's own nodes on the demo host app (scoped to them, so the host's markup
 * does not count). A violation fails with its rule, impact, nodes and help text, so the failure says
 * what to fix.
 */

let host: HostServer;
let ext: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  host = await startHostServer({ release: 1 });
  ext = await launchWithExtension();
  expect((await adminSend<{ ok: boolean }>(ext, { type: 'admin/bundle/import', bundle: demoSeed() })).ok).toBe(true);
  options = await openExtensionPage(ext, 'options-ui/index.html#/flows');
  options.setDefaultTimeout(10_000);
}, 60_000);

afterAll(async () => {
  await ext?.close();
  await host?.close();
});

async function route(hash: string, ready: string): Promise<void> {
  const url = `chrome-extension://${ext.extensionId}/options-ui/index.html${hash}`;
  // The same URL again is no navigation: reload, so the page reads what changed (e.g. Insights access).
  if (options.url() === url) await options.reload();
  else await options.goto(url);
  await options.waitForSelector(ready);
  // Let lazy previews and counts settle.
  await new Promise((r) => setTimeout(r, 300));
}

const OPTIONS_ROUTES: Array<[string, string]> = [
  ['#/flows', '[data-testid="flow-list"]'],
  ['#/flows/crm-first-deal', '[data-testid="flow-editor"]'],
  ['#/flows/new', '[data-testid="flow-editor"]'],
  ['#/features', 'main'],
  ['#/features/ai-assistant', 'main'],
  ['#/prompts', 'main'],
  ['#/prompts/summarize-deal', '[data-testid="guidance-editor"]'],
  ['#/tips', 'main'],
  ['#/tips/po-number-tip', '[data-testid="guidance-editor"]'],
  ['#/beacons', 'main'],
  ['#/beacons/new-export', '[data-testid="guidance-editor"]'],
  ['#/checklists', 'main'],
  ['#/checklists/sales-onboarding', '[data-testid="guidance-editor"]'],
  ['#/import', 'main'],
  ['#/activity', 'main'],
  ['#/sync', 'main'],
  ['#/insights', 'main'],
];

describe('axe-core on the options page', () => {
  for (const [hash, ready] of OPTIONS_ROUTES) {
    it(`${hash} has no violations`, async () => {
      await route(hash, ready);
      const found = await axe(options);
      expect(found, found.join('\n')).toEqual([]);
    });
  }
});

describe('the options page by keyboard', () => {
  it('every visible control of every route is reached with Tab', async () => {
    const missed: string[] = [];
    for (const [hash, ready] of OPTIONS_ROUTES) {
      await route(hash, ready);
      missed.push(...(await unreachedByTab(options)).map((m) => `${hash}: ${m}`));
    }
    expect(missed, missed.join('\n')).toEqual([]);
  }, 120_000);

  it('the skip link moves focus to the page’s main content', async () => {
    await route('#/flows', '[data-testid="flow-list"]');
    await options.reload();
    await options.waitForSelector('[data-testid="flow-list"]');
    await options.keyboard.press('Tab');
    expect(await options.evaluate(() => document.activeElement?.className)).toBe('skip');
    await options.keyboard.press('Enter');
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('the confirm dialog: focus on Cancel, no violations while open, Esc closes it and focus returns to Delete', async () => {
    await route('#/flows', '[data-testid="flow-delete"]');
    await options.focus('[data-testid="flow-delete"]');
    await options.keyboard.press('Enter');
    await options.waitForSelector('[data-testid="confirm-dialog"][open]');
    expect(await options.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('confirm-cancel');
    const found = await axe(options);
    expect(found, found.join('\n')).toEqual([]);
    // The modal keeps Tab inside it: Delete, then Cancel, then back (Chromium lets Tab reach the browser UI after the last one, never the page behind).
    await options.keyboard.down('Shift');
    await options.keyboard.press('Tab');
    await options.keyboard.up('Shift');
    expect(await options.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('confirm-ok');
    await options.keyboard.press('Escape');
    await options.waitForSelector('[data-testid="confirm-dialog"]:not([open])');
    expect(await options.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('flow-delete');
    // Nothing was deleted.
    expect(await options.$$eval('[data-testid="flow-delete"]', (b) => b.length)).toBe(1);
  });

  it('an editor showing its problems (focus on their summary) and the picker’s tab chooser (Esc closes it) have no violations, light and dark', async () => {
    const found: string[] = [];
    const tab = await ext.browser.newPage();
    await tab.goto(`${host.url}/contacts`);
    await options.bringToFront();
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      // A new flow saved empty: the summary at the top, each problem under its field; focus on the summary.
      await route('#/flows/new', '[data-testid="flow-editor"]');
      await options.click('[data-testid="save-flow"]');
      await options.waitForSelector('[data-testid="issue-summary"]');
      // Focus moves to the summary once it is drawn (an effect after the render that shows it).
      await options.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'issue-summary', { timeout: 5_000 });
      found.push(...(await axe(options)).map((l) => `${scheme} issues: ${l}`));
      // "Pick on page": the list of tabs to pick on (the demo tab is open).
      await route('#/features/ai-assistant', '[data-testid="pick-on-page"]');
      const pick = (await options.$$('[data-testid="pick-on-page"]'))[0]!;
      // Out from under the sticky action bar, as an admin would scroll it.
      await pick.evaluate((b) => b.scrollIntoView({ block: 'center' }));
      await pick.click();
      await options.waitForSelector('[data-testid="picker-tab"]');
      found.push(...(await axe(options)).map((l) => `${scheme} picker chooser: ${l}`));
      // Esc closes the chooser from its first tab, where focus went.
      await options.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'picker-tab', { timeout: 5000, polling: 50 });
      await options.keyboard.press('Escape');
      await options.waitForFunction(() => !document.querySelector('[data-testid="picker-tab"]'), { timeout: 5000, polling: 50 });
    }
    await tab.close();
    await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    expect(found, found.join('\n')).toEqual([]);
  });

  it('the previews’ other states: a step whose target is missing, a tip whose rule is broken', async () => {
    const found: string[] = [];
    await route('#/flows/crm-first-deal', '[data-testid="step-preview"]');
    const missing = await options.$$('.preview label.check input[type="checkbox"]');
    expect(missing.length).toBeGreaterThan(0);
    await missing[0]!.evaluate((b) => (b as HTMLInputElement).click());
    await options.waitForFunction(() => !!document.querySelector('[data-testid="step-preview"]')?.shadowRoot?.querySelector('.wm-missing'), { timeout: 5000, polling: 50 });
    found.push(...(await axe(options)).map((l) => `step missing: ${l}`));
    await route('#/tips/po-number-tip', '[data-testid="preview-broken"]');
    await options.$eval('[data-testid="preview-broken"]', (b) => (b as HTMLInputElement).click());
    await options.waitForFunction(() => !!document.querySelector('[data-testid="guidance-preview"]')?.shadowRoot?.querySelector('.wm-g-error'), { timeout: 5000, polling: 50 });
    found.push(...(await axe(options)).map((l) => `tip broken: ${l}`));
    expect(found, found.join('\n')).toEqual([]);
  });

  it('in the dark colour scheme too, the lists and editors have no violations', async () => {
    await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    try {
      const found: string[] = [];
      for (const [hash, ready] of OPTIONS_ROUTES) {
        await route(hash, ready);
        found.push(...(await axe(options)).map((l) => `${hash}: ${l}`));
      }
      expect(found, found.join('\n')).toEqual([]);
      // The previews are a dark page too: the card as it shows on a dark host app, not a white glare.
      const cardBackground = (preview: string, card: string) =>
        options.$eval(`[data-testid="${preview}"]`, (host, c) => {
          const el = host.shadowRoot?.querySelector(c);
          return el ? getComputedStyle(el).backgroundColor : 'no card';
        }, card);
      const luminance = (rgb: string) => {
        const [r = 255, g = 255, b = 255] = (rgb.match(/\d+/g) ?? []).map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      };
      await route('#/flows/crm-first-deal', '[data-testid="step-preview"]');
      expect(luminance(await cardBackground('step-preview', '.wm-card'))).toBeLessThan(0.3);
      await route('#/checklists/sales-onboarding', '[data-testid="guidance-preview"]');
      expect(luminance(await cardBackground('guidance-preview', '.stage'))).toBeLessThan(0.3);
    } finally {
      await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    }
  });
});

describe('axe-core on Insights with data', () => {
  let collector: Collector;
  beforeAll(async () => {
    // The demo's sample population in a real collector, read with an admin token (the teams panel shows).
    const dataDir = tempDataDir();
    const tokens = { employee: await createToken(dataDir, 'demo', 'employee'), admin: await createToken(dataDir, 'demo', 'admin') };
    collector = await startCollector({ dataDir });
    await loadSamplePopulation(collector.url, tokens);
    const r = await adminSend<{ ok: boolean }>(ext, { type: 'admin/insights/access/set', access: { serverUrl: collector.url, token: tokens.admin } });
    expect(r.ok, JSON.stringify(r)).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await adminSend(ext, { type: 'admin/insights/access/clear' }).catch(() => undefined);
    await collector?.dispose();
  });

  it('the answers, their tables and the teams panel have no violations', async () => {
    await route('#/insights', '[data-testid="teams-admin"]');
    await options.click('[data-testid="insights-apply"]');
    await options.waitForFunction(() => document.querySelector('[data-testid="insights-progress"]')?.getAttribute('data-busy') === 'false' && document.querySelector('[data-testid="insights-teams"] table'), {
      timeout: 60_000,
      polling: 100,
    });
    // Answers with data: the teams table and the others (funnels, stuck steps, features…) are on the page.
    expect(await options.$$eval('table tbody tr', (rows) => rows.length)).toBeGreaterThan(10);
    const found = await axe(options);
    await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    found.push(...(await axe(options)).map((l) => `dark: ${l}`));
    await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    expect(found, found.join('\n')).toEqual([]);
    // Every control of the answers (sortable headers, exports, the teams panel's) is reached with Tab.
    expect(await unreachedByTab(options)).toEqual([]);
  }, 90_000);
});

const onlyOurs = async (p: Page, label: string) => {
  const found = await axe(p, { include: ['waymark-overlay'] });
  expect(found, `${label}:\n${found.join('\n')}`).toEqual([]);
};

describe('axe-core on Waymark over the demo host app', () => {
  let page: Page;
  beforeAll(async () => {
    // A short guide the launcher offers on the ERP, with a survey after it.
    const r = await adminSend<{ ok: boolean }>(ext, {
      type: 'admin/flows/save',
      flow: {
        schemaVersion: 2,
        kind: 'flow',
        id: 'a11y-tour',
        name: 'Tour of the orders grid',
        description: 'The grid in one step',
        version: 1,
        status: 'published',
        match: ['http://127.0.0.1/erp/*'],
        start: 'launcher',
        updatedAt: '2026-01-01T00:00:00.000Z',
        survey: { question: 'Was this tour useful?', allowComment: true },
        steps: [{ id: 'grid', title: 'The orders grid', body: [], target: { tag: 'table', testId: 'orders-grid', classes: ['table', 'erp-grid'] }, advance: { kind: 'next' } }],
      },
    });
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    page = await ext.browser.newPage();
  });
  // Focus-driven guidance (tips, prompt helpers) needs the tab to be the focused one: other tests bring
  // the options page or the popup to the front.
  beforeEach(async () => {
    await page.bringToFront();
  });
  afterAll(async () => {
    await page?.close();
  });

  it('the step card with its highlight; Esc closes it', async () => {
    await page.goto(`${host.url}/contacts`);
    await waitForWaymark(page);
    await waitForStep(page, 0);
    // The check sees into the overlay's shadow root: a nameless button put there is reported.
    const planted = await page.evaluate(() => {
      const root = document.querySelector('waymark-overlay')?.shadowRoot;
      const b = document.createElement('button');
      b.id = 'a11y-planted';
      root?.querySelector('.wm-card')?.append(b);
      return root !== undefined;
    });
    expect(planted).toBe(true);
    expect((await axe(page, { include: ['waymark-overlay'] })).some((l) => l.startsWith('button-name'))).toBe(true);
    await page.evaluate(() => document.querySelector('waymark-overlay')?.shadowRoot?.getElementById('a11y-planted')?.remove());
    await onlyOurs(page, 'step card');
    // In forced colours (high contrast) box shadows are dropped: the highlight still shows, as an outline.
    const outline = () =>
      page.evaluate(() => {
        const h = document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('[data-testid="waymark-highlight"]');
        return h ? getComputedStyle(h).outlineStyle : null;
      });
    expect(await outline()).toBe('none');
    // Through CDP: puppeteer's emulateMediaFeatures does not know forced-colors.
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
    expect(await outline()).toBe('solid');
    await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'none' }] });
    await cdp.detach();
    // Every control of the card is reached with Tab from the card.
    await page.evaluate(() => (document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('.wm-card') as HTMLElement | null)?.focus());
    const reached: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      reached.push((await focused(page)) ?? '');
    }
    expect(reached.some((r) => r.includes('Close guide'))).toBe(true);
    // The page switches to a dark theme (as apps do, on <html>): the card follows, still without violations.
    const card = () =>
      page.evaluate(() => {
        const host = document.querySelector('waymark-overlay');
        const c = host?.shadowRoot?.querySelector('.wm-card');
        return { scheme: host?.getAttribute('data-scheme'), background: c ? getComputedStyle(c).backgroundColor : null };
      });
    expect(await card()).toEqual({ scheme: 'light', background: 'rgb(255, 255, 255)' });
    await page.evaluate(() => document.documentElement.setAttribute('style', '--bg: #0d1117; --panel: #161b22; --text: #e6edf3; color-scheme: dark'));
    await page.waitForFunction(() => document.querySelector('waymark-overlay')?.getAttribute('data-scheme') === 'dark', { timeout: 5000, polling: 50 });
    expect(await card()).toEqual({ scheme: 'dark', background: 'rgb(28, 33, 40)' });
    await onlyOurs(page, 'step card on a dark page');
    await page.evaluate(() => document.documentElement.removeAttribute('style'));
    await page.waitForFunction(() => document.querySelector('waymark-overlay')?.getAttribute('data-scheme') === 'light', { timeout: 5000, polling: 50 });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('[data-waymark-step] .wm-card'), { timeout: 5000, polling: 50 });
  });

  it('a prompt helper open; Esc closes it', async () => {
    await page.goto(`${host.url}/deals/new`);
    await waitForWaymark(page);
    await page.waitForSelector('[data-testid="ai-assistant-input"]');
    await page.focus('[data-testid="ai-assistant-input"]');
    await inOverlay(page, '[data-waymark-prompts]');
    await onlyOurs(page, 'prompt helper');
    // The keyboard way in: Tab from the input goes to the first idea; Shift+Tab back past the close
    // button returns to the input, the helper still open.
    expect(await page.$eval('[data-testid="ai-assistant-input"]', (e) => e.getAttribute('aria-description'))).toMatch(/Prompt ideas: Tab to choose one/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('waymark-overlay')?.shadowRoot?.activeElement?.hasAttribute('data-template'))).toBe(true);
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('ai-assistant-input');
    expect(await overlayHas(page, '[data-waymark-prompts]')).toBe(true);
    // Tab through the helper and out: past its last control focus moves on in the page, the helper closed.
    for (let i = 0; i < 12 && (await overlayHas(page, '[data-waymark-prompts]')); i++) await page.keyboard.press('Tab');
    expect(await overlayHas(page, '[data-waymark-prompts]')).toBe(false);
    const after = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? '');
    expect(after).not.toMatch(/ai-assistant-input|waymark-overlay|<body/);
    // In again, then Esc closes it and gives the input its focus back.
    await page.focus('[data-testid="ai-assistant-input"]');
    await inOverlay(page, '[data-waymark-prompts]');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('[data-waymark-prompts]'), { timeout: 5000, polling: 50 });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('ai-assistant-input');
  });

  it('a smart tip open, a beacon open, the launcher panel open; Esc closes each and focus returns', async () => {
    await page.goto(`${host.url}/erp/orders`);
    await waitForWaymark(page);
    // The tip shows when its hint icon has focus, as after Tab.
    const hint = await inOverlay(page, '[data-waymark-hint="po-number-tip"] button');
    await hint.focus();
    await inOverlay(page, '[data-waymark-tip]');
    await onlyOurs(page, 'tip open');
    // Content shown on focus can be dismissed without moving focus (WCAG 1.4.13), and comes back on the next focus.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('[data-waymark-tip]'), { timeout: 5000, polling: 50 });
    expect(await focused(page)).toMatch(/Tip: Purchase order number/);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    // The beacon's card takes focus; Esc closes it and focus goes to the feature it announced (the dot is gone once seen).
    const beacon = await inOverlay(page, '.wm-g-beacon');
    await beacon.focus();
    await page.keyboard.press('Enter');
    await inOverlay(page, '[data-waymark-beacon] .wm-card');
    await onlyOurs(page, 'beacon open');
    await page.keyboard.press('Escape');
    expect(await overlayHas(page, '[data-waymark-beacon] .wm-card')).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-orders');

    const launcher = await inOverlay(page, '[data-waymark-launcher]');
    await launcher.focus();
    await page.keyboard.press('Enter');
    await inOverlay(page, '[data-waymark-launcher-panel]');
    await onlyOurs(page, 'launcher open');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('[data-waymark-launcher-panel]'), { timeout: 5000, polling: 50 });
    expect(await focused(page)).toMatch(/Help for this page/);

    // The checklist, opened from the launcher with the keyboard (the search field has focus, arrows pick).
    await page.keyboard.press('Enter');
    await inOverlay(page, '[data-waymark-launcher-panel]');
    await page.keyboard.type('get started');
    await page.keyboard.press('Enter');
    await inOverlay(page, '[data-waymark-checklist]');
    await onlyOurs(page, 'checklist open');
    // Opened by the user, it has focus; Esc closes it and focus goes back to the launcher.
    expect(await page.evaluate(() => document.querySelector('waymark-overlay')?.shadowRoot?.activeElement?.hasAttribute('data-waymark-checklist'))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await overlayHas(page, '[data-waymark-checklist]')).toBe(false);
    expect(await focused(page)).toMatch(/Help for this page/);
  });

  it('the survey after a flow', async () => {
    await page.goto(`${host.url}/erp/orders`);
    await waitForWaymark(page);
    await (await inOverlay(page, '[data-waymark-launcher]')).click();
    await (await inOverlay(page, '[data-entry="guide:a11y-tour"]')).click();
    await waitForStep(page, 0);
    await onlyOurs(page, 'step card with Next');
    // A step that waits for a button press has focus on its card; Tab reaches the button, Enter presses it.
    expect(await page.evaluate(() => document.querySelector('waymark-overlay')?.shadowRoot?.activeElement?.classList.contains('wm-card'))).toBe(true);
    for (let i = 0; i < 6 && !/:(Done|Finish)$/.test((await focused(page)) ?? ''); i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/:(Done|Finish)$/);
    await page.keyboard.press('Enter');
    await inOverlay(page, '[data-waymark-survey]');
    await onlyOurs(page, 'survey');
    // The card the user was in is gone: the survey takes the focus, and Esc closes it.
    await page.waitForFunction(() => document.querySelector('waymark-overlay')?.shadowRoot?.activeElement?.hasAttribute('data-waymark-survey'), { timeout: 5000, polling: 50 });
    await page.keyboard.press('Escape');
    expect(await overlayHas(page, '[data-waymark-survey]')).toBe(false);
  });

  it('the demo app’s own pages (it is our showcase) have no violations', async () => {
    const found: string[] = [];
    for (const [path, ready] of [
      ['/contacts', '[data-testid="contacts-table"], table'],
      ['/contacts/c-1001', '[data-testid="create-deal"]'],
      ['/deals/new', '[data-testid="deal-name"]'],
      ['/erp/orders', '[data-testid="po-number"]'],
      ['/mail', 'main h1'],
    ] as const) {
      await page.goto(`${host.url}${path}`);
      await waitForWaymark(page);
      await page.waitForSelector(ready);
      const lines = await axe(page, { exclude: ['waymark-overlay'] });
      found.push(...lines.map((l) => `${path}: ${l}`));
    }
    expect(found, found.join('\n')).toEqual([]);
  });

  it('the toolbar popup, and the element picker’s banner', async () => {
    await page.goto(`${host.url}/contacts/c-1001`);
    await waitForWaymark(page);
    const popup = await openToolbarPopup(ext, page);
    const found = await axe(popup);
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    found.push(...(await axe(popup)).map((l) => `dark: ${l}`));
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    expect(found, `popup:\n${found.join('\n')}`).toEqual([]);
    expect(await unreachedByTab(popup)).toEqual([]);
    const closed = new Promise<void>((r) => popup.once('close', () => r()));
    await popup.click('[data-testid="popup-pick-flow"]');
    await closed;
    await page.waitForFunction(() => !!document.querySelector('waymark-picker')?.shadowRoot?.querySelector('[data-waymark-picker-banner]'), { timeout: 10_000, polling: 50 });
    const picker = await axe(page, { include: ['waymark-picker'] });
    expect(picker, `picker:\n${picker.join('\n')}`).toEqual([]);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('waymark-picker') === null, { timeout: 10_000, polling: 50 });
  });
});
