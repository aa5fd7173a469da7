import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../demo/hostServer';
import { clickCardButton, launchWithExtension, readEvents, waitForEvents, waitForStep, waitForWaymark, type ExtensionBrowser } from './support/browser';
import { clickOverlayButton, doc, inOverlay, overlayHas, pause, saveFlow, saveGuidance, clickInOverlay } from './support/guidance';

let host: HostServer;
let ext: ExtensionBrowser;
let page: Page;

/** The "Back to contacts" link of the demo's not-found page: every unknown route has it. */
const backLink = { tag: 'a', text: 'Back to contacts', href: '/contacts' };
/** The sidebar's "Orders" link: on every page of the demo app. */
const ordersLink = { tag: 'a', text: 'Orders', href: '/erp/orders', classes: ['nav-link'] };
const tipOn = (id: string, path: string, audience: Record<string, unknown>, target: Record<string, unknown> = backLink) =>
  doc({ kind: 'tip', id, name: id, match: [`http://127.0.0.1${path}`], audience, target, title: `Tip ${id}`, body: [] });

beforeAll(async () => {
  host = await startHostServer();
  ext = await launchWithExtension();
  await saveGuidance(ext, tipOn('finance-tip', '/t/team*', { teams: ['Finance'] }));
  await saveGuidance(ext, tipOn('third-visit-tip', '/t/visits*', { visit: { kind: 'fromNth', n: 3 } }));
  await saveGuidance(ext, tipOn('first-visit-tip', '/t/first*', { visit: { kind: 'first' } }));
  await saveGuidance(ext, tipOn('every-2-days-tip', '/t/every*', { frequency: { kind: 'everyNDays', days: 2 } }));
  await saveGuidance(ext, tipOn('grid-tip', '/*', { elementPresent: { tag: 'table', testId: 'orders-grid' } }, ordersLink));
  await saveGuidance(
    ext,
    doc({
      kind: 'checklist',
      id: 'once-list',
      name: 'Once',
      match: ['http://127.0.0.1/t/once*'],
      audience: { frequency: { kind: 'once' } },
      title: 'Shown once',
      items: [{ id: 'a', title: 'Something', completeOn: { kind: 'featureUsed', featureId: 'nothing' } }],
    }),
  );
  // Priority: on the deals page, a beacon above an auto-starting flow, and one below it.
  const beacon = (id: string, priority: number, target: Record<string, unknown>) =>
    doc({ kind: 'beacon', id, name: id, match: ['http://127.0.0.1/deals'], audience: { priority }, target, title: `Beacon ${id}`, body: [] });
  await saveGuidance(ext, beacon('high', 70, { tag: 'a', testId: 'new-deal', text: 'New deal', href: '/deals/new' }));
  await saveGuidance(ext, beacon('low', 30, { tag: 'a', text: 'Deals', href: '/deals', classes: ['nav-link'] }));
  await saveFlow(ext, {
    schemaVersion: 2,
    kind: 'flow',
    id: 'deals-welcome',
    name: 'Welcome to deals',
    version: 1,
    status: 'published',
    match: ['http://127.0.0.1/deals'],
    start: 'auto',
    updatedAt: '2026-01-01T00:00:00.000Z',
    steps: [{ id: 'hello', title: 'Your pipeline', body: [] }],
  });
  page = await ext.browser.newPage();
});

afterAll(async () => {
  await ext?.close();
  await host?.close();
});

async function visit(path: string): Promise<void> {
  await page.goto(`${host.url}${path}`);
  await waitForWaymark(page);
  await page.waitForSelector('main h1');
}
const hint = (id: string) => `[data-waymark-hint="${id}"] button`;
/** Is it shown, after giving it time to appear? */
async function shownAfterAWhile(selector: string): Promise<boolean> {
  await pause(1500);
  return overlayHas(page, selector);
}
async function setTeam(team: string | null): Promise<void> {
  // The team comes from the sync settings (or the managed policy, which a test cannot set): written as
  // the options page saves them.
  const w = await ext.worker();
  await w.evaluate((t) => (t === null ? chrome.storage.local.remove('waymark.sync') : chrome.storage.local.set({ 'waymark.sync': { v: 1, settings: { team: t } } })), team);
}

const DAY = 86_400_000;
/**
 * Moves a piece of content's stored history `ms` into the past, as if that much time had gone by:
 * rewritten in the extension's own IndexedDB, in the worker, after the background's pending writes.
 */
async function ageContentState(key: string, ms: number): Promise<void> {
  // No page view of the site stays open across the jump: one still open (its overlay asking again late,
  // under load) would rightly show the content once the time has passed, in that old page view.
  await page.goto('about:blank');
  const w = await ext.worker();
  const aged = await w.evaluate(
    (k, by) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('waymark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('contentState', 'readwrite');
          const store = tx.objectStore('contentState');
          const get = store.get(k);
          get.onsuccess = () => {
            const s = get.result as Record<string, number | null> | undefined;
            if (!s) return reject(new Error(`no content state ${k}`));
            const back = (t: number | null) => (t === null ? null : t - by);
            const next = { ...s, lastShownAt: back(s.lastShownAt ?? null), lastVisitAt: back(s.lastVisitAt ?? null), closedAt: back(s.closedAt ?? null) };
            store.put(next, k);
            tx.oncomplete = () => {
              db.close();
              resolve(next);
            };
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    key,
    ms,
  );
  expect(aged).toMatchObject({ key });
}

describe('targeting rules', () => {
  it("shows content meant for a team only to that team's users", async () => {
    await visit('/t/team');
    expect(await shownAfterAWhile(hint('finance-tip'))).toBe(false);
    await setTeam('finance');
    await visit('/t/team');
    await inOverlay(page, hint('finance-tip'));
    await setTeam('Sales');
    await visit('/t/team');
    expect(await shownAfterAWhile(hint('finance-tip'))).toBe(false);
    await setTeam(null);
  });

  it('shows from the N-th visit on, or on the first visit only', async () => {
    await visit('/t/visits');
    expect(await shownAfterAWhile(hint('third-visit-tip'))).toBe(false);
    // Not shown by itself, yet there for whoever looks in the launcher.
    await (await inOverlay(page, '[data-waymark-launcher]')).click();
    await inOverlay(page, '[data-entry="tip:third-visit-tip"]');
    await visit('/t/visits');
    expect(await shownAfterAWhile(hint('third-visit-tip'))).toBe(false);
    await visit('/t/visits');
    await inOverlay(page, hint('third-visit-tip'));

    await visit('/t/first');
    await inOverlay(page, hint('first-visit-tip'));
    await visit('/t/first');
    expect(await shownAfterAWhile(hint('first-visit-tip'))).toBe(false);
  });

  it('caps how often content pops up: once', async () => {
    await visit('/t/once');
    await inOverlay(page, '[data-waymark-checklist]');
    await waitForEvents(ext, (e) => e.type === 'content_shown' && e.contentId === 'once-list', 1);
    await visit('/t/once');
    expect(await shownAfterAWhile('[data-waymark-checklist]')).toBe(false);
    const shown = (await readEvents(ext)).filter((e) => e.type === 'content_shown' && e.contentId === 'once-list');
    expect(shown).toHaveLength(1);
  });

  it('caps how often content pops up: every N days, counted from when it was last shown', async () => {
    await visit('/t/every');
    await inOverlay(page, hint('every-2-days-tip'));
    // Its showing is stored before the clock is moved (under load the page's report can lag the visit).
    const shownTip = (e: Record<string, unknown>) => e.type === 'content_shown' && e.contentId === 'every-2-days-tip';
    await waitForEvents(ext, shownTip, 1);
    // The same day: capped.
    await visit('/t/every');
    expect(await shownAfterAWhile(hint('every-2-days-tip'))).toBe(false);
    // One day later (the stored history aged by a day, in the real IndexedDB): still capped.
    await ageContentState('tip:every-2-days-tip', DAY);
    await visit('/t/every');
    expect(await shownAfterAWhile(hint('every-2-days-tip'))).toBe(false);
    // Two days after it was shown: shown again, and counted as a second showing.
    await ageContentState('tip:every-2-days-tip', DAY);
    await visit('/t/every');
    await inOverlay(page, hint('every-2-days-tip'));
    await waitForEvents(ext, shownTip, 2);
    await visit('/t/every');
    expect(await shownAfterAWhile(hint('every-2-days-tip'))).toBe(false);
    const shown = (await readEvents(ext)).filter((e) => e.type === 'content_shown' && e.contentId === 'every-2-days-tip');
    expect(shown).toHaveLength(2);
  });

  it('shows content only while its element is on the page, following SPA navigation', async () => {
    await visit('/mail');
    expect(await shownAfterAWhile(hint('grid-tip'))).toBe(false);
    await page.click('a.nav-link[href="/erp/orders"]');
    await page.waitForSelector('[data-testid="orders-grid"]');
    await inOverlay(page, hint('grid-tip'));
    await page.click('a.nav-link[href="/mail"]');
    await page.waitForFunction(() => location.pathname === '/mail');
    await page.waitForFunction((s) => !document.querySelector('waymark-overlay')?.shadowRoot?.querySelector(s), { polling: 50, timeout: 10_000 }, hint('grid-tip'));
  });

  it('never shows two pop-ups at once: the highest priority first, an auto flow in its turn', async () => {
    /** Pop-ups on screen right now: beacons, checklists, surveys and step cards. */
    const popups = () =>
      page.evaluate(() => {
        const root = document.querySelector('waymark-overlay')?.shadowRoot;
        return ['[data-waymark-beacon]', '[data-waymark-checklist]', '[data-waymark-survey]', '[data-waymark-step]'].flatMap((s) =>
          [...(root?.querySelectorAll(s) ?? [])].map((e) => e.getAttribute('data-waymark-beacon') ?? s),
        );
      });
    /** Samples the screen for a while and returns every distinct set of pop-ups seen. */
    const sample = async (ms: number) => {
      const seen = new Set<string>();
      for (const end = Date.now() + ms; Date.now() < end; ) {
        seen.add((await popups()).join('+'));
        await pause(40);
      }
      return [...seen];
    };
    await visit('/deals');
    await inOverlay(page, '[data-waymark-beacon="high"] .wm-g-beacon');
    // The flow (priority 50) does not start ahead of the beacon (70), and the other beacon (30) waits.
    expect((await sample(2500)).filter((s) => s !== '')).toEqual(['high']);
    expect((await readEvents(ext)).some((e) => e.type === 'flow_started')).toBe(false);

    // The beacon is read (it has no feature): the auto flow's turn, and still one thing at a time.
    await clickInOverlay(page, '[data-waymark-beacon="high"] .wm-g-beacon');
    await clickOverlayButton(page, 'Got it');
    expect(await waitForStep(page, 0)).toBe('centered');
    expect((await sample(1500)).filter((s) => s !== '')).toEqual(['[data-waymark-step]']);
    await clickCardButton(page, 'Done');
    // The flow is done: last, the low-priority beacon.
    await inOverlay(page, '[data-waymark-beacon="low"] .wm-g-beacon');
    expect((await sample(1000)).filter((s) => s !== '')).toEqual(['low']);
    expect((await readEvents(ext)).filter((e) => e.type === 'flow_started').map((e) => e.flowId)).toEqual(['deals-welcome']);
  });
});
