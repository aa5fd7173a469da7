import type { Page, Target } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../demo/hostServer';
import { pickWithMouse } from './support/pickWithMouse';
import { adminSend, launchWithExtension, openToolbarPopup, waitForStep, waitForWaymark, type ExtensionBrowser } from './support/browser';

/**
 * The toolbar popup, opened by clicking the extension's action over a host tab (puppeteer's
 * `triggerExtensionAction`, the real popup): the admin picks an element of that page, and the options
 * page opens on a new guide (or tip, feature…) with the element and the site's pattern filled in.
 */

let host: HostServer;
let ext: ExtensionBrowser;
const opened: Page[] = [];

beforeAll(async () => {
  host = await startHostServer({ release: 1 });
  ext = await launchWithExtension();
});

afterEach(async () => {
  for (const p of opened.splice(0)) await p.close().catch(() => undefined);
  const flows = await adminSend<{ ok: true; flows: Array<{ id: string }> }>(ext, { type: 'admin/flows/list' });
  for (const f of flows.flows) await adminSend(ext, { type: 'admin/flows/delete', id: f.id });
});

afterAll(async () => {
  await ext?.close();
  await host?.close();
});

async function tab(url: string): Promise<Page> {
  const p = await ext.browser.newPage();
  opened.push(p);
  await p.goto(url);
  return p;
}

const openPopup = (page: Page) => openToolbarPopup(ext, page);

const isEditorTab = (hashStart: string) => (t: Target) => t.type() === 'page' && t.url().startsWith(`chrome-extension://${ext.extensionId}/options-ui/index.html${hashStart}`);
const value = (page: Page, id: string) => page.$eval(`#${id}`, (e) => (e as HTMLInputElement).value);

describe('the toolbar popup', () => {
  it('picks an element of the host tab and opens a new guide with it as the first step, which then plays there', async () => {
    const demo = await tab(`${host.url}/contacts/c-1001`);
    await demo.waitForSelector('[data-testid="create-deal"]');
    const popup = await openPopup(demo);
    expect(await popup.$eval('#popup-pick-heading', (e) => e.textContent)).toContain('Ava Thompson');
    const closed = new Promise<void>((r) => popup.once('close', () => r()));
    // The popup asks the background about the tab before it offers to pick: wait for its buttons.
    await popup.waitForSelector('[data-testid="popup-pick-flow"]');
    await popup.click('[data-testid="popup-pick-flow"]');
    // The popup closes itself once the picker is running; the host tab is in front.
    await closed;

    const before = demo.url();
    await pickWithMouse(demo, '[data-testid="create-deal"]', /Create deal/);
    const editorTarget = await ext.browser.waitForTarget(isEditorTab('#/flows/new/pick/'), { timeout: 10_000 });
    const editor = await editorTarget.asPage();
    opened.push(editor);
    // The click was the picker's, not the host app's.
    expect(demo.url()).toBe(before);

    const notice = await editor.waitForSelector('[data-testid="picked-notice"]');
    expect(await notice!.evaluate((e) => e.textContent)).toMatch(/picked on “Ava Thompson · Cobalt CRM”.*Unique on this page/);
    expect(await notice!.evaluate((e) => e.getAttribute('data-tone'))).toBe('ok');
    expect(await value(editor, 'f-match-0')).toBe('http://127.0.0.1/*');
    expect(await value(editor, 'f-steps-0-target-testId')).toBe('create-deal');
    expect(await value(editor, 'f-steps-0-target-text')).toBe('Create deal');

    await editor.type('[data-testid="flow-name"]', 'From the toolbar');
    await editor.type('#f-steps-0-title', 'Create a deal');
    const status = (await editor.$('#status-published'))!;
    await status.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await status.click();
    const save = (await editor.$('[data-testid="save-flow"]'))!;
    await save.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await save.click();
    await editor.waitForSelector('[data-testid="flash"]');
    const flows = await adminSend<{ ok: true; flows: Array<{ name: string; match: string[]; steps: Array<{ target?: Record<string, unknown> }> }> }>(ext, { type: 'admin/flows/list' });
    const saved = flows.flows.find((f) => f.name === 'From the toolbar');
    expect(saved).toMatchObject({ match: ['http://127.0.0.1/*'], steps: [{ target: { tag: 'button', testId: 'create-deal', text: 'Create deal' } }] });

    // The new guide plays on the page the element was picked on.
    await demo.bringToFront();
    await demo.reload();
    await waitForWaymark(demo);
    expect(await waitForStep(demo, 0)).toBe('found');
  });

  it('makes a smart tip and a tracked feature the same way', async () => {
    const form = await tab(`${host.url}/deals/new`);
    await form.waitForSelector('[data-testid="deal-name"]');
    let popup = await openPopup(form);
    // The popup asks the background about the tab before it offers to pick: wait for its buttons.
    await popup.waitForSelector('[data-testid="popup-pick-tip"]');
    await popup.click('[data-testid="popup-pick-tip"]');
    await pickWithMouse(form, '[data-testid="deal-name"]', /input/);
    const tip = await (await ext.browser.waitForTarget(isEditorTab('#/tips/new/pick/'), { timeout: 10_000 })).asPage();
    opened.push(tip);
    await tip.waitForSelector('[data-testid="picked-notice"]');
    expect(await tip.$eval('[data-testid="guidance-editor"]', (e) => e.getAttribute('data-kind'))).toBe('tip');
    expect(await value(tip, 'f-target-tag')).toBe('input');
    expect(await value(tip, 'f-target-testId')).toBe('deal-name');
    expect(await value(tip, 'f-match-0')).toBe('http://127.0.0.1/*');

    popup = await openPopup(form);
    // The popup asks the background about the tab before it offers to pick: wait for its buttons.
    await popup.waitForSelector('[data-testid="popup-pick-feature"]');
    await popup.click('[data-testid="popup-pick-feature"]');
    await pickWithMouse(form, '[data-testid="deal-name"]', /input/);
    const feature = await (await ext.browser.waitForTarget(isEditorTab('#/features/new/pick/'), { timeout: 10_000 })).asPage();
    opened.push(feature);
    await feature.waitForSelector('[data-testid="picked-notice"]');
    expect(await value(feature, 'f-target-testId')).toBe('deal-name');

    // Saved, it is listed with its element and pages; deleted from the list after confirming, it is gone.
    await feature.type('#f-name', 'Deal naming');
    await feature.click('[data-testid="save-feature"]');
    await feature.waitForFunction(() => location.hash === '#/features/deal-naming', { polling: 100 });
    await feature.goto(`chrome-extension://${ext.extensionId}/options-ui/index.html#/features`);
    const row = await feature.waitForSelector('[data-testid="feature-row"][data-feature-id="deal-naming"]');
    expect(await row!.evaluate((r) => r.textContent)).toMatch(/Deal naming[\s\S]*deal-name[\s\S]*http:\/\/127\.0\.0\.1\/\*/);
    expect(await feature.$('[data-testid="feature-duplicate"]')).toBeNull();
    await feature.click('[data-feature-id="deal-naming"] [data-testid="feature-delete"]');
    await feature.click('[data-testid="confirm-ok"]');
    await feature.waitForFunction(() => document.querySelector('[data-feature-id="deal-naming"]') === null && /No features tagged yet/.test(document.body.textContent ?? ''), { polling: 100 });
    const left = await adminSend<{ ok: boolean; features: { id: string }[] }>(ext, { type: 'admin/features/list' });
    expect(left.ok && left.features.map((f) => f.id)).toEqual([]);
  });

  it('Esc on the page cancels: no editor opens; and an editor link whose pick is gone opens empty and says so', async () => {
    const demo = await tab(`${host.url}/contacts/c-1002`);
    await demo.waitForSelector('[data-testid="create-deal"]');
    const popup = await openPopup(demo);
    // The popup asks the background about the tab before it offers to pick: wait for its buttons.
    await popup.waitForSelector('[data-testid="popup-pick-flow"]');
    await popup.click('[data-testid="popup-pick-flow"]');
    await demo.waitForFunction(() => !!document.querySelector('waymark-picker'), { timeout: 10_000, polling: 50 });
    await demo.keyboard.press('Escape');
    await demo.waitForFunction(() => document.querySelector('waymark-picker') === null, { timeout: 10_000, polling: 50 });
    await new Promise((r) => setTimeout(r, 800));
    expect(ext.browser.targets().filter(isEditorTab('#/flows/new/pick/'))).toHaveLength(0);

    const stale = await tab(`chrome-extension://${ext.extensionId}/options-ui/index.html#/flows/new/pick/00000000-not-a-session`);
    const notice = await stale.waitForSelector('[data-testid="picked-notice"]');
    expect(await notice!.evaluate((e) => e.getAttribute('data-tone'))).toBe('gone');
    await stale.waitForSelector('#f-steps-0-title');
    expect(await stale.$('#f-steps-0-target-tag')).toBeNull();
    expect(await value(stale, 'f-match-0')).toBe('');
  });

  it('over a page Waymark cannot pick on, says so and still opens the admin', async () => {
    const blank = await tab('about:blank');
    const optionsTabs = () => ext.browser.targets().filter((t) => t.type() === 'page' && t.url().startsWith(`chrome-extension://${ext.extensionId}/options-ui/index.html`));
    expect(optionsTabs()).toHaveLength(0);
    const popup = await openPopup(blank);
    await popup.waitForSelector('[data-testid="popup-no-page"]');
    expect(await popup.$('[data-testid="popup-pick-flow"]')).toBeNull();
    await popup.click('[data-testid="popup-open-admin"]');
    const admin = await ext.browser.waitForTarget((t) => optionsTabs().includes(t), { timeout: 10_000 });
    opened.push(await admin.asPage());
  });

  it('shows anyone what this browser recorded about them, one click from the toolbar', async () => {
    const demo = await tab(`${host.url}/contacts`);
    const popup = await openPopup(demo);
    await popup.click('[data-testid="popup-open-activity"]');
    const activity = await (await ext.browser.waitForTarget((t) => t.url().endsWith('/options-ui/index.html#/activity'), { timeout: 10_000 })).asPage();
    opened.push(activity);
    await activity.waitForSelector('[data-testid="activity"]');
    expect(await activity.$eval('[data-testid="activity"] .lead', (e) => e.textContent)).toContain('Never page text');
  });
});
