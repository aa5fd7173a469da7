import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../demo/hostServer';
import { adminSend, cardText, launchWithExtension, openExtensionPage, waitForStep, waitForWaymark, type ExtensionBrowser } from './support/browser';
import { typeInto as typeIntoField } from './support/optionsForm';

/**
 * The admin's workspace, driven like an admin would: create a flow in the form editor, preview it,
 * save, see it play on the host app, edit and reorder, duplicate, delete, and read the Activity view.
 */
let host: HostServer;
let ext: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  host = await startHostServer({ release: 1 });
  ext = await launchWithExtension();
  options = await openExtensionPage(ext, 'options-ui/index.html#/flows');
  options.on('dialog', (d) => void d.accept());
});
afterAll(async () => {
  await ext?.close();
  await host?.close();
});

const typeInto = (selector: string, text: string) => typeIntoField(options, selector, text);

const flows = async () => (await adminSend<{ ok: true; flows: Array<{ id: string; name: string; version: number; status: string; steps: Array<{ title: string }> }> }>(ext, { type: 'admin/flows/list' })).flows;

describe('the flow editor', () => {
  it('creates a flow in the form, previews it, and the saved flow plays on the host app', async () => {
    await options.click('[data-testid="new-flow"]');
    await options.waitForSelector('[data-testid="flow-editor"]');
    await typeInto('[data-testid="flow-name"]', 'Search tips');
    await options.click('#status-published');
    await options.click('#start-auto');
    await typeInto('#f-match-0', `http://127.0.0.1/contacts`);
    await typeInto('#f-steps-0-title', 'Find anyone fast');
    await typeInto('#f-steps-0-body', 'Type a **name** or a company.');
    // The preview is the same card employees see.
    const preview = await options.waitForFunction(() => {
      const root = document.querySelector('[data-testid="step-preview"]');
      const scope = root?.shadowRoot;
      const title = scope?.querySelector('.wm-title')?.textContent;
      const bold = scope?.querySelector('.wm-body strong')?.textContent;
      return title === 'Find anyone fast' && bold === 'name' ? true : null;
    });
    expect(await preview.jsonValue()).toBe(true);
    await options.click('[data-testid="save-flow"]');
    await options.waitForSelector('[data-testid="flash"]');
    const saved = (await flows()).find((f) => f.name === 'Search tips');
    expect(saved).toMatchObject({ status: 'published', version: 1 });

    const page = await ext.browser.newPage();
    await page.goto(`${host.url}/contacts`);
    await waitForWaymark(page);
    expect(await waitForStep(page, 0)).toBe('centered');
    expect(await cardText(page)).toMatchObject({ title: 'Find anyone fast', body: 'Type a name or a company.' });
    await page.close();
  });

  it('edits and reorders steps, and each save is a new version', async () => {
    const id = (await flows()).find((f) => f.name === 'Search tips')!.id;
    await options.goto(`chrome-extension://${ext.extensionId}/options-ui/index.html#/flows/${id}`);
    await options.waitForSelector('[data-testid="flow-editor"]');
    await options.click('[data-testid="add-step"]');
    await typeInto('#f-steps-1-title', 'Open the contact');
    // Move the new step up: it becomes step 1.
    await options.click('[data-step-key] [data-action="up"]:not([disabled])');
    await options.click('[data-testid="save-flow"]');
    await options.waitForSelector('[data-testid="flash"]');
    const f = (await flows()).find((x) => x.id === id)!;
    expect(f.version).toBe(2);
    expect(f.steps.map((s) => s.title)).toEqual(['Open the contact', 'Find anyone fast']);
  });

  it('refuses to save an invalid flow and says which field is wrong', async () => {
    const id = (await flows()).find((f) => f.name === 'Search tips')!.id;
    await options.goto(`chrome-extension://${ext.extensionId}/options-ui/index.html#/flows/${id}`);
    await options.waitForSelector('[data-testid="flow-editor"]');
    await typeInto('#f-match-0', 'not a pattern');
    await options.click('[data-testid="save-flow"]');
    const summary = await options.waitForSelector('[data-testid="issue-summary"]');
    expect(await summary!.evaluate((el) => el.textContent)).toMatch(/expected <scheme>/);
    expect((await flows()).find((x) => x.id === id)!.version).toBe(2);
    await options.click('[data-testid="cancel-edit"]');
  });

  it('duplicates and deletes flows', async () => {
    await options.goto(`chrome-extension://${ext.extensionId}/options-ui/index.html#/flows`);
    await options.waitForSelector('[data-testid="flow-duplicate"]');
    await options.click('[data-testid="flow-duplicate"]');
    await options.waitForFunction(() => document.querySelectorAll('[data-testid="flow-row"]').length === 2);
    const copy = (await flows()).find((f) => f.name.startsWith('Copy of'));
    expect(copy).toMatchObject({ status: 'draft', name: 'Copy of Search tips' });
    await options.click(`[data-flow-id="${copy!.id}"] [data-testid="flow-delete"]`);
    await options.click('[data-testid="confirm-ok"]');
    await options.waitForFunction(() => document.querySelectorAll('[data-testid="flow-row"]').length === 1);
    expect((await flows()).map((f) => f.name)).toEqual(['Search tips']);
  });

  it('shows counts per event type and the recent events in the Activity view', async () => {
    await options.goto(`chrome-extension://${ext.extensionId}/options-ui/index.html#/activity`);
    const started = await options.waitForSelector('[data-testid="activity-count"][data-event-type="flow_started"]');
    expect(await started!.evaluate((el) => el.textContent)).toMatch(/flow_started\s*1$/);
    const recent = await options.$$('[data-testid="activity-event"]');
    expect(recent.length).toBeGreaterThan(0);
  });
});
