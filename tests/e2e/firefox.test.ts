import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../demo/hostServer';
import type { Responses, SyncStatus } from '../../src/messages/protocol';
import { openDatabase } from '../../server/db/openDatabase';
import { createToken, startCollector, storedEvents, tempDataDir, type Collector } from './support/collector';
import { cardText, clickCardButton, waitForStep } from './support/browser';
import { pickWithMouse } from './support/pickWithMouse';
import { until } from './support/until';
import { firefoxInstalled, launchFirefoxWithExtension, type FirefoxExtension } from './support/firefox';
import { demoSeed } from './support/demoSeed';

/*
 * The same product in Firefox ESR: the Firefox build (`dist-firefox/`, background as an event page)
 * installed as a temporary add-on. The onboarding walkthrough plays on the demo CRM with real clicks and
 * typing, the overlay finds its targets (release 1, then the reworked release 2), the options page
 * works, and the events reach a real collector process.
 */

const SEED = demoSeed();
const TENANT = 'acme';

let collector: Collector;
let hosts: HostServer[] = [];
let ff: FirefoxExtension;

/**
 * Whether the highlight ring comes to rest around the host element `selector` (it glides from one
 * target to the next, so this waits for it to settle there).
 */
const anchoredTo = (page: Page, selector: string) =>
  page
      .waitForFunction(
        (sel) => {
          const ring = document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('.wm-highlight');
          const el = document.querySelector(sel);
          if (!ring || !el) return false;
          const a = ring.getBoundingClientRect();
          const b = el.getBoundingClientRect();
          return a.left <= b.left + 1 && a.top <= b.top + 1 && a.right >= b.right - 1 && a.bottom >= b.bottom - 1;
        },
        { timeout: 5000, polling: 50 },
        selector,
      )
      .then(
        () => true,
        () => false,
      );

describe.skipIf(!firefoxInstalled() && process.env.CI !== 'true')('Firefox ESR', () => {
  let employeeToken: string;

  beforeAll(async () => {
    const dataDir = tempDataDir();
    employeeToken = await createToken(dataDir, TENANT, 'employee');
    collector = await startCollector({ dataDir });
    hosts = [await startHostServer({ release: 1 }), await startHostServer({ release: 2 })];
    ff = await launchFirefoxWithExtension();
    const r = await ff.send<{ ok: boolean }>({ type: 'admin/bundle/import', bundle: SEED });
    expect(r).toMatchObject({ ok: true });
  }, 120_000);

  afterAll(async () => {
    await ff?.close();
    for (const h of hosts) await h.close();
    await collector?.dispose();
  });

  it('plays the onboarding walkthrough on the demo CRM, advanced by real clicks and typing, and records it', async () => {
    const page = await ff.browser.newPage();
    await page.goto(`${hosts[0]!.url}/contacts`);
    expect(await waitForStep(page, 0, 20_000)).toBe('found');
    expect((await cardText(page))?.progress).toBe('1 of 4');
    expect(await anchoredTo(page, 'a.contact-link')).toBe(true);
    await page.click('a.contact-link');

    expect(await waitForStep(page, 1, 20_000)).toBe('found');
    expect(new URL(page.url()).pathname).toMatch(/^\/contacts\/c-/);
    await page.click('[data-testid="create-deal"]');

    expect(await waitForStep(page, 2, 20_000)).toBe('found');
    await page.click('[data-testid="deal-name"]');
    await page.keyboard.type('Northwind pilot SECRET-TEXT-42');
    await page.keyboard.press('Tab');

    expect(await waitForStep(page, 3, 20_000)).toBe('found');
    expect((await cardText(page))?.progress).toBe('4 of 4');
    await clickCardButton(page, 'Done');
    await page.waitForFunction(() => !document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('[data-waymark-step]'));

    const events = await until('the flow to be recorded', async () => {
      const all = await ff.readEvents();
      return all.some((e) => e.type === 'flow_completed') && all;
    });
    const flow = events.filter((e) => e.flowId === 'crm-first-deal');
    expect(flow.filter((e) => e.type === 'step_completed')).toHaveLength(4);
    expect(flow.filter((e) => e.type === 'flow_started')).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain('SECRET-TEXT-42');
    expect(JSON.stringify(events)).not.toContain('Ava Thompson');
    await page.close();
  }, 120_000);

  it('re-finds every step on release 2 of the host app (changed ids, classes and structure)', async () => {
    expect((await ff.send<{ ok: boolean }>({ type: 'admin/progress/reset' })).ok).toBe(true);
    const before = (await ff.readEvents()).length;
    const page = await ff.browser.newPage();
    await page.goto(`${hosts[1]!.url}/contacts`);
    expect(await waitForStep(page, 0, 20_000)).toBe('found');
    await page.click('a.contact-link');
    expect(await waitForStep(page, 1, 20_000)).toBe('found');
    expect(await anchoredTo(page, '#create-deal-btn')).toBe(true);
    await page.click('#create-deal-btn');
    expect(await waitForStep(page, 2, 20_000)).toBe('found');
    expect(await anchoredTo(page, '#deal-title-input')).toBe(true);
    await page.click('#deal-title-input');
    await page.keyboard.type('Release two deal');
    await page.keyboard.press('Tab');
    expect(await waitForStep(page, 3, 20_000)).toBe('found');
    expect(await anchoredTo(page, '#ai-prompt-input')).toBe(true);
    await clickCardButton(page, 'Done');
    const events = await until('the second run to be recorded', async () => {
      const all = (await ff.readEvents()).slice(before);
      return all.some((e) => e.type === 'flow_completed') && all;
    });
    expect(events.filter((e) => e.type === 'target_missing' || e.type === 'target_ambiguous')).toEqual([]);
    await page.close();
  }, 120_000);

  it('edits a step on the options page, and the host page shows the new version', async () => {
    const options = await ff.openPage('options-ui/index.html#/flows');
    await options.waitForSelector('[data-testid="flow-row"][data-flow-id="crm-first-deal"]');
    await options.click('[data-flow-id="crm-first-deal"] [data-testid="flow-edit"]');
    await options.waitForSelector('[data-testid="flow-editor"] #f-steps-0-title');
    await options.click('#f-steps-0-title', { count: 3 });
    await options.keyboard.press('Backspace');
    await options.type('#f-steps-0-title', 'Pick a contact');
    await options.click('[data-testid="save-flow"]');
    await options.waitForSelector('[data-testid="flash"]');
    await options.close();
    const list = await ff.send<Responses['admin/flows/list']>({ type: 'admin/flows/list' });
    const flow = list.ok ? list.flows.find((f) => f.id === 'crm-first-deal') : undefined;
    expect(flow).toMatchObject({ version: 2, steps: [{ title: 'Pick a contact' }, {}, {}, {}] });

    expect((await ff.send<{ ok: boolean }>({ type: 'admin/progress/reset' })).ok).toBe(true);
    const page = await ff.browser.newPage();
    await page.goto(`${hosts[0]!.url}/contacts`);
    expect(await waitForStep(page, 0, 20_000)).toBe('found');
    expect(await page.evaluate(() => document.querySelector('waymark-overlay')?.shadowRoot?.querySelector('[data-waymark-step] .wm-title')?.textContent)).toBe(
      'Pick a contact',
    );
    await page.close();
  }, 120_000);

  it('the element picker, started from the options page, captures a button clicked on the host tab', async () => {
    const demo = await ff.browser.newPage();
    await demo.goto(`${hosts[0]!.url}/contacts/c-1001`);
    await demo.waitForSelector('[data-testid="create-deal"]');
    const options = await ff.openPage('options-ui/index.html#/features/new');
    const pick = (await options.waitForSelector('[data-testid="pick-on-page"]'))!;
    // Out from under the page's sticky action bar, as an admin would scroll it.
    await pick.evaluate((b) => b.scrollIntoView({ block: 'center' }));
    await pick.click();
    await options.waitForSelector('[data-testid="picker-tab"]');
    const chosen = await options.$$eval('[data-testid="picker-tab"]', (els) => {
      const b = els.find((e) => e.querySelector('.picker-tab-url')?.textContent?.endsWith('/contacts/c-1001'));
      (b as HTMLButtonElement | undefined)?.click();
      return b !== undefined;
    });
    expect(chosen).toBe(true);
    await demo.bringToFront();
    const before = demo.url();
    await pickWithMouse(demo, '[data-testid="create-deal"]', /Create deal/);
    await demo.waitForFunction(() => document.querySelector('waymark-picker') === null, { timeout: 10_000, polling: 50 });
    // The click was the picker's: the host app did not go on to a new deal.
    expect(demo.url()).toBe(before);
    await options.waitForFunction(() => /Unique on this page/.test(document.querySelector('[data-testid="picker-result"]')?.textContent ?? ''), { timeout: 10_000, polling: 100 });
    expect(await options.$eval('#f-target-testId', (e) => (e as HTMLInputElement).value)).toBe('create-deal');
    expect(await options.$eval('#f-target-text', (e) => (e as HTMLInputElement).value)).toBe('Create deal');
    await options.close();
    await demo.close();
  }, 120_000);

  it('prompt helpers insert into a React-style controlled textarea and a contenteditable assistant', async () => {
    const guidance = [
      {
        kind: 'prompt',
        id: 'ff-erp-reorder',
        name: 'Draft a reorder request',
        match: ['http://127.0.0.1/erp/*'],
        target: { tag: 'textarea', id: 'erpAssistant', ariaLabel: 'Ask Orbit Copilot', testId: 'erp-assistant' },
        template: 'Reorder from the supplier: {{order}}.',
        variables: [{ name: 'order', label: 'Selected order', source: { kind: 'selection' } }],
      },
      {
        kind: 'prompt',
        id: 'ff-mail-reply',
        name: 'Draft a reply',
        match: ['http://127.0.0.1/mail*'],
        target: { tag: 'div', id: 'mailAssistant', role: 'textbox', ariaLabel: 'Ask the mail assistant', testId: 'mail-assistant' },
        template: 'Reply to "{{subject}}".',
        variables: [{ name: 'subject', label: 'Subject', source: { kind: 'element', target: { tag: 'h2', id: 'mailSubject', testId: 'mail-subject' } } }],
      },
    ];
    for (const g of guidance) {
      const r = await ff.send({ type: 'admin/guidance/save', guidance: { schemaVersion: 2, status: 'published', updatedAt: '2026-01-01T00:00:00.000Z', ...g } });
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    }
    const inOverlay = async (page: Page, selector: string) => (await page.waitForSelector(`waymark-overlay >>> ${selector}`, { visible: true, timeout: 15_000 }))!;
    const insert = (page: Page) =>
      page.waitForFunction(() => {
        const b = [...(document.querySelector('waymark-overlay')?.shadowRoot?.querySelectorAll('button') ?? [])].find((x) => x.textContent?.trim() === 'Insert');
        b?.click();
        return b !== undefined;
      });

    const page = await ff.browser.newPage();
    await page.goto(`${hosts[0]!.url}/erp/orders`);
    await page.waitForSelector('[data-testid="order-row"]');
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('[data-testid="order-row"] td:nth-child(2)')!);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    await page.click('[data-testid="erp-assistant"]');
    // The demo seed offers its own helpers on the same fields: choose ours by id (a DOM click: the list
    // can still grow while the overlay finds the seed's targets, which moves the buttons).
    await (await inOverlay(page, '[data-template="ff-erp-reorder"]')).evaluate((b) => (b as HTMLButtonElement).click());
    const filled = await (await inOverlay(page, '[data-waymark-prompts] textarea')).evaluate((el) => (el as HTMLTextAreaElement).value);
    expect(filled).toBe('Reorder from the supplier: Northwind Traders.');
    await insert(page);
    await page.waitForFunction((t) => (document.querySelector('[data-testid="erp-assistant"]') as HTMLTextAreaElement).value === t, {}, filled);
    // The host app's own state saw it (its counter reads the state, not the DOM).
    await page.waitForFunction((n) => document.querySelector('[data-testid="erp-assistant-count"]')?.textContent === `${n} characters`, {}, filled.length);

    await page.goto(`${hosts[0]!.url}/mail`);
    await page.waitForSelector('[data-testid="mail-assistant"]');
    await page.click('[data-testid="mail-assistant"]');
    await (await inOverlay(page, '[data-template="ff-mail-reply"]')).evaluate((b) => (b as HTMLButtonElement).click());
    const reply = await (await inOverlay(page, '[data-waymark-prompts] textarea')).evaluate((el) => (el as HTMLTextAreaElement).value);
    expect(reply).toBe('Reply to "Fleet rollout: revised quote".');
    await insert(page);
    await page.waitForFunction((t) => document.querySelector('[data-testid="mail-assistant"]')?.textContent === t, {}, reply);
    await page.waitForFunction((n) => document.querySelector('[data-testid="mail-assistant-count"]')?.textContent === `${n} characters`, {}, reply.length);
    await page.close();

    const used = await until('both uses to be recorded', async () => {
      const u = (await ff.readEvents()).filter((e) => e.type === 'prompt_used');
      return u.length >= 2 && u;
    });
    expect(used.map((e) => e.templateId)).toEqual(['ff-erp-reorder', 'ff-mail-reply']);
    const log = JSON.stringify(await ff.readEvents());
    for (const secret of ['Fleet rollout', 'Northwind']) expect(log).not.toContain(secret);
  }, 120_000);

  it('uploads the recorded events to a real collector', async () => {
    const set = await ff.send<Responses['admin/sync/config/set']>({
      type: 'admin/sync/config/set',
      settings: { serverUrl: collector.url, token: employeeToken, syncIntervalSeconds: 1 },
    });
    expect(set.ok).toBe(true);
    const local = await ff.readEvents();
    expect(local.length).toBeGreaterThan(0);
    await ff.send({ type: 'admin/sync/now' });
    const st = await until('the upload', async () => {
      const r = await ff.send<Responses['admin/sync/status']>({ type: 'admin/sync/status' });
      const s: SyncStatus | null = r.ok ? r.status : null;
      return s !== null && s.unsynced === 0 && s.stored >= local.length && s;
    });
    expect(st).toMatchObject({ state: 'idle', dropped: 0, rejected: 0 });
    await collector.stop();
    const server = await storedEvents(collector.dataDir, TENANT);
    const ids = new Set(server.ids);
    expect(local.filter((e) => !ids.has(String(e.id)))).toEqual([]);
    expect(server.count).toBe(server.distinct);
  }, 120_000);
});

/*
 * Firefox reads enterprise policy from /etc/firefox/policies/policies.json on Linux; the managed
 * storage of an add-on is its `3rdparty.Extensions.<id>` entry there. Only where the test may write
 * that file (root) and no policy of the machine's own would be overwritten.
 */
const POLICY_DIR = '/etc/firefox/policies';
const POLICY_FILE = `${POLICY_DIR}/policies.json`;
const mayWritePolicy = process.getuid?.() === 0 && !existsSync(POLICY_FILE);

describe.skipIf(!(firefoxInstalled() || process.env.CI === 'true') || !mayWritePolicy)('Firefox ESR under enterprise policy', () => {
  let dataDir: string;
  let server: Collector;
  let token: string;
  let browser: FirefoxExtension;
  let host: HostServer;
  let createdDir = false;

  beforeAll(async () => {
    dataDir = tempDataDir();
    token = await createToken(dataDir, TENANT, 'employee');
    server = await startCollector({ dataDir });
    host = await startHostServer({ release: 1 });
    createdDir = !existsSync(POLICY_DIR);
    mkdirSync(POLICY_DIR, { recursive: true });
    const policy = { serverUrl: server.url, token, team: 'Field sales', syncIntervalSeconds: 1 };
    writeFileSync(POLICY_FILE, JSON.stringify({ policies: { '3rdparty': { Extensions: { 'waymark@waymark.dev': policy } } } }));
    browser = await launchFirefoxWithExtension();
  }, 120_000);

  afterAll(async () => {
    rmSync(POLICY_FILE, { force: true });
    if (createdDir) rmSync(POLICY_DIR, { recursive: true, force: true });
    await browser?.close();
    await host?.close();
    await server?.dispose();
  });

  it('syncs with the collector set by policy, shown read-only on the Sync page, with the policy team on each batch', async () => {
    const options = await browser.openPage('options-ui/index.html#/sync');
    await options.waitForSelector('[data-testid="sync-serverUrl"]');
    await options.waitForFunction((u) => (document.querySelector('[data-testid="sync-serverUrl"]') as HTMLInputElement).value === u, { timeout: 15_000 }, server.url);
    expect(await options.$eval('[data-testid="sync-serverUrl"]', (e) => (e as HTMLInputElement).disabled || (e as HTMLInputElement).readOnly)).toBe(true);
    expect(await options.evaluate(() => document.body.textContent?.includes('Managed by your organization'))).toBe(true);
    await options.close();

    // Something to send: the demo AI assistant is a tagged feature in the seed.
    expect((await browser.send<{ ok: boolean }>({ type: 'admin/bundle/import', bundle: SEED })).ok).toBe(true);
    const page = await browser.browser.newPage();
    await page.goto(`${host.url}/contacts`);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-waymark') === 'ready', { timeout: 20_000 });
    await page.close();
    const st = await until('the upload', async () => {
      const r = await browser.send<Responses['admin/sync/status']>({ type: 'admin/sync/status' });
      return r.ok && r.status.stored > 0 && r.status.unsynced === 0 && r.status;
    });
    expect(st).toMatchObject({ state: 'idle', serverUrl: server.url, rejected: 0 });
    await server.stop();
    const sql = await openDatabase({ dataDir, databaseUrl: undefined });
    try {
      const { rows } = await sql.query('SELECT reported_team FROM user_teams WHERE tenant = $1', [TENANT]);
      expect(rows.map((r) => r.reported_team)).toEqual(['Field sales']);
    } finally {
      await sql.close();
    }
  }, 120_000);
});
