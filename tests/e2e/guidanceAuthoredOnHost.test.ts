import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../demo/hostServer';
import { launchWithExtension, openExtensionPage, waitForWaymark, type ExtensionBrowser } from './support/browser';
import { clickOverlayButton, inOverlay } from './support/guidance';
import { clickInView, typeInto, waitForFlash } from './support/optionsForm';

/**
 * From the options page to the host app: guidance authored in the editors (no JSON, no code) shows on
 * the demo CRM for employees, and the editor's preview showed exactly what they get.
 */
let host: HostServer;
let ext: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  host = await startHostServer({ release: 1 });
  ext = await launchWithExtension();
  options = await openExtensionPage(ext, 'options-ui/index.html#/prompts/new');
  options.on('dialog', (d) => void d.accept());
  options.setDefaultTimeout(10_000);
});
afterAll(async () => {
  await ext?.close();
  await host?.close();
});

/** The text of the prompt helper's editor in the options page's preview. */
const previewPrompt = () =>
  options.$eval('[data-testid="guidance-preview"]', (el) => (el.shadowRoot?.querySelector('.wm-g-text') as HTMLTextAreaElement | null)?.value ?? null);

describe('authored guidance on the demo host app', () => {
  it('a prompt helper authored in the form fills and inserts on the page as its preview showed', async () => {
    await options.waitForSelector('[data-testid="guidance-editor"]');
    await typeInto(options, '[data-testid="guidance-name"]', 'Next steps for this deal');
    await clickInView(options, '#status-published');
    await typeInto(options, '#f-match-0', 'http://127.0.0.1/deals/*');
    await typeInto(options, '#f-description', 'Three next steps, one line each');
    await typeInto(options, '[data-testid="prompt-template"]', 'List three next steps for {{deal}}, one line each.');
    await clickInView(options, '[data-variable="deal"] [data-testid="declare-variable"]');
    await clickInView(options, '#f-variables-0-element');
    await typeInto(options, '#f-variables-0-source-target-tag', 'input');
    await typeInto(options, '#f-variables-0-source-target-testId', 'deal-name');
    await typeInto(options, '#f-variables-0-fallback', 'this deal');
    await typeInto(options, '#f-target-tag', 'textarea');
    await typeInto(options, '#f-target-testId', 'ai-assistant-input');
    await typeInto(options, '[data-testid="prompt-sample"]', 'Acme renewal');
    await options.waitForFunction(
      () => (document.querySelector('[data-testid="guidance-preview"]')?.shadowRoot?.querySelector('.wm-g-text') as HTMLTextAreaElement | null)?.value.includes('Acme'),
      { polling: 100 },
    );
    const previewed = await previewPrompt();
    expect(previewed).toBe('List three next steps for Acme renewal, one line each.');
    await clickInView(options, '[data-testid="save-guidance"]');
    await waitForFlash(options, /Saved “Next steps for this deal”/);

    const page = await ext.browser.newPage();
    await page.goto(`${host.url}/deals/new`);
    await waitForWaymark(page);
    await page.type('[data-testid="deal-name"]', 'Acme renewal');
    await page.click('[data-testid="ai-assistant-input"]');
    const choice = await inOverlay(page, '[data-template="next-steps-for-this-deal"]');
    expect(await choice.evaluate((b) => b.textContent)).toBe('Next steps for this dealThree next steps, one line each');
    await choice.click();
    const editor = await inOverlay(page, '[data-waymark-prompts] textarea');
    // What the employee gets is what the admin previewed with the same value on the page.
    expect(await editor.evaluate((el) => (el as HTMLTextAreaElement).value)).toBe(previewed);
    await clickOverlayButton(page, 'Insert');
    await page.waitForFunction((t) => (document.querySelector('[data-testid="ai-assistant-input"]') as HTMLTextAreaElement).value === t, { polling: 50 }, previewed);
    await page.close();
  });

  it('a smart tip authored in the form sits beside its field and speaks up when the value breaks its rule', async () => {
    await options.bringToFront();
    await options.goto(`chrome-extension://${ext.extensionId}/options-ui/index.html#/tips/new`);
    await options.waitForSelector('[data-testid="guidance-editor"]');
    await typeInto(options, '[data-testid="guidance-name"]', 'Short deal names');
    await clickInView(options, '#status-published');
    await typeInto(options, '#f-match-0', 'http://127.0.0.1/deals/*');
    await typeInto(options, '#f-target-tag', 'input');
    await typeInto(options, '#f-target-testId', 'deal-name');
    await typeInto(options, '[data-testid="guidance-title"]', 'Name deals briefly');
    await typeInto(options, '#f-body', 'Customer and product, e.g. *Acme renewal*.');
    await clickInView(options, '[data-testid="tip-has-validation"]');
    await typeInto(options, '#f-validation-maxLength', '20');
    await typeInto(options, '[data-testid="tip-message"]', 'Keep it under 20 characters.');
    await clickInView(options, '[data-testid="save-guidance"]');
    await waitForFlash(options, /Saved “Short deal names”/);

    const page = await ext.browser.newPage();
    await page.goto(`${host.url}/deals/new`);
    await waitForWaymark(page);
    const icon = await inOverlay(page, '[data-waymark-hint="short-deal-names"] button');
    expect(await icon.evaluate((b) => b.getAttribute('aria-label'))).toBe('Tip: Name deals briefly');
    await icon.hover();
    const bubble = await inOverlay(page, '[data-waymark-tip="wm-tip-short-deal-names"]');
    expect(await bubble.evaluate((b) => b.textContent)).toBe('Name deals brieflyCustomer and product, e.g. Acme renewal.');
    await page.mouse.move(5, 5);
    await page.type('[data-testid="deal-name"]', 'A very long name for a renewal deal');
    const message = await inOverlay(page, '[data-waymark-tip="wm-tip-short-deal-names"] .wm-g-error');
    expect(await message.evaluate((m) => m.textContent)).toBe('Keep it under 20 characters.');
    await page.close();
  });
});
