import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../demo/hostServer';
import type { Flow } from '../../src/schema/flow';
import type { Beacon, Checklist, Guidance, PromptTemplate, Tip } from '../../src/schema/guidance';
import { adminSend, launchWithExtension, openExtensionPage, type ExtensionBrowser } from './support/browser';
import { captureDownloads, chooseOption, clickInView, fieldErrors, summaryIssues, typeInto, waitForFlash } from './support/optionsForm';

/**
 * Authoring every kind of guidance in the options page, as an admin: create it in the form, watch the
 * preview, get a specific error for bad input, save, edit, duplicate, delete, and take everything
 * through export and import. The seed (a flow and two tagged features) gives checklists and beacons
 * something to point at.
 */
const SEED = resolve(import.meta.dirname, '../../demo/seed/crm-onboarding.json');

let host: HostServer;
let ext: ExtensionBrowser;
let options: Page;
let seedFeatures = 0;

const base = () => `chrome-extension://${ext.extensionId}/options-ui/index.html`;
const go = async (hash: string) => {
  await options.goto(`${base()}${hash}`);
  await options.waitForSelector('main h1');
};
/**
 * An admin message from a page of its own, then the options page back in front: a tab in the background
 * gets no animation frames and no intersection updates, and puppeteer's clicks wait for both.
 */
async function admin<T>(message: Record<string, unknown>): Promise<T> {
  const r = await adminSend<T>(ext, message);
  await options.bringToFront();
  return r;
}
const allGuidance = async () => (await admin<{ ok: true; guidance: Guidance[] }>({ type: 'admin/guidance/list' })).guidance;
const stored = async <G extends Guidance>(name: string) => (await allGuidance()).find((g) => g.name === name) as G | undefined;

beforeAll(async () => {
  host = await startHostServer({ release: 1 });
  ext = await launchWithExtension();
  // The seed flow stays a draft here, so that no walkthrough covers the page the picker works on.
  const seed = JSON.parse(readFileSync(SEED, 'utf8')) as { flows: Flow[]; features: unknown[]; guidance?: unknown[] };
  // Only the seed's flow and features: the guidance here is all authored by the test.
  for (const f of seed.flows) {
    f.status = 'draft';
    delete f.survey;
  }
  seed.guidance = [];
  seedFeatures = seed.features.length;
  const r = await adminSend<{ ok: boolean }>(ext, { type: 'admin/bundle/import', bundle: seed });
  expect(r.ok).toBe(true);
  options = await openExtensionPage(ext, 'options-ui/index.html#/prompts');
  options.on('dialog', (d) => void d.accept());
  // A wait that fails says which one, well before the test's own timeout.
  options.setDefaultTimeout(10_000);
});
afterAll(async () => {
  await ext?.close();
  await host?.close();
});

/** Saves, and waits for the form's "Saved …" message. */
async function save(name: string): Promise<void> {
  await clickInView(options, '[data-testid="save-guidance"]');
  await waitForFlash(options, new RegExp(`Saved “${name}”`));
}

/** Fills the fields every kind shares: name, published, one URL pattern. */
async function fillBase(name: string): Promise<void> {
  await typeInto(options, '[data-testid="guidance-name"]', name);
  await clickInView(options, '#status-published');
  await typeInto(options, '#f-match-0', 'http://127.0.0.1/*');
}

/** Duplicates the row of `id` on its list page, checks the copy is a draft, and deletes the copy. */
async function duplicateAndDelete(slug: string, id: string, name: string): Promise<void> {
  await go(`#/${slug}`);
  await clickInView(options, `[data-guidance-id="${id}"] [data-testid="guidance-duplicate"]`);
  await options.waitForFunction(() => document.querySelectorAll('[data-testid="guidance-row"]').length === 2, { polling: 100 });
  const copy = await stored(`Copy of ${name}`);
  expect(copy).toMatchObject({ id: `${id}-copy`, status: 'draft' });
  expect(await options.$eval(`[data-guidance-id="${id}-copy"] [data-testid="flow-status"]`, (e) => e.textContent)).toMatch(/Draft/);
  await clickInView(options, `[data-guidance-id="${id}-copy"] [data-testid="guidance-delete"]`);
  await options.click('[data-testid="confirm-ok"]');
  await options.waitForFunction(() => document.querySelectorAll('[data-testid="guidance-row"]').length === 1, { polling: 100 });
  expect((await allGuidance()).filter((g) => g.name.startsWith('Copy of'))).toEqual([]);
}

/** Waits until the live preview (in its shadow root) shows text matching `re`; returns all its text. */
async function waitForPreview(re: RegExp, testId = 'guidance-preview'): Promise<string> {
  const h = await options.waitForFunction(
    (src, id) => {
      const root = document.querySelector(`[data-testid="${id}"]`)?.shadowRoot;
      const text = [root?.textContent ?? '', ...[...(root?.querySelectorAll('textarea') ?? [])].map((t) => t.value)].join(' ');
      return new RegExp(src).test(text) ? text : null;
    },
    { timeout: 5000, polling: 100 },
    re.source,
    testId,
  );
  return String(await h.jsonValue());
}

/** Runs `fn` on the preview's shadow root. */
async function inPreview<T>(fn: (root: ShadowRoot) => T, testId = 'guidance-preview'): Promise<T> {
  const host = (await options.$(`[data-testid="${testId}"]`))!;
  const root = await host.evaluateHandle((el) => el.shadowRoot!);
  try {
    return (await root.evaluate(fn)) as T;
  } finally {
    await root.dispose();
  }
}

/** "Pick on page" in the fieldset `fieldsetId`, then a click on `selector` in the demo tab. */
async function pickOnDemo(demo: Page, fieldsetId: string, selector: string): Promise<void> {
  await options.bringToFront();
  await clickInView(options, `#${fieldsetId} [data-testid="pick-on-page"]`);
  await options.waitForSelector('[data-testid="picker-tab"]');
  const clicked = await options.$$eval(
    '[data-testid="picker-tab"]',
    (els, end) => {
      const b = els.find((e) => e.querySelector('.picker-tab-url')?.textContent?.endsWith(end)) as HTMLButtonElement | undefined;
      b?.click();
      return b !== undefined;
    },
    '/deals/new',
  );
  expect(clicked).toBe(true);
  await demo.waitForFunction(() => !!document.querySelector('waymark-picker')?.shadowRoot?.querySelector('[data-waymark-picker-banner]'), { timeout: 10_000, polling: 50 });
  await demo.bringToFront();
  const el = (await demo.waitForSelector(selector))!;
  await el.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  const box = (await el.boundingBox())!;
  await demo.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  await demo.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await options.waitForFunction(() => /Unique on this page/.test(document.querySelector('[data-testid="picker-result"]')?.textContent ?? ''), { timeout: 10_000, polling: 100 });
  await options.bringToFront();
}

describe('prompt helpers', () => {
  it('are created with a picked target and declared variables; undeclared ones are errors as you type and on save', async () => {
    const demo = await ext.browser.newPage();
    await demo.goto(`${host.url}/deals/new`);
    await demo.waitForSelector('[data-testid="ai-assistant-input"]');
    // A tab in the background gets no animation frames: the options page goes back to the front.
    await options.bringToFront();

    await go('#/prompts');
    await options.click('[data-testid="new-guidance"]');
    await options.waitForSelector('[data-testid="guidance-editor"][data-kind="prompt"]');
    await fillBase('Summarize this deal');
    await typeInto(options, '[data-testid="prompt-template"]', 'Summarize {{deal}} for {{customer}} at the {{stage}} stage.');
    // As typed: every placeholder is listed, none declared yet.
    const chips = await options.$$eval('[data-testid="template-variable"]', (els) => els.map((e) => `${e.getAttribute('data-variable')}:${e.getAttribute('data-declared')}`));
    expect(chips).toEqual(['deal:false', 'customer:false', 'stage:false']);

    await clickInView(options, '[data-testid="save-guidance"]');
    const issues = await summaryIssues(options);
    expect(issues).toContain('template: "{{deal}}" is not a declared variable');
    expect(issues).toContain('template: "{{stage}}" is not a declared variable');
    expect(await fieldErrors(options, 'f-template')).toContain('"{{customer}}" is not a declared variable');
    expect(await allGuidance()).toEqual([]);

    for (const name of ['deal', 'customer', 'stage']) await clickInView(options, `[data-variable="${name}"] [data-testid="declare-variable"]`);
    await options.waitForFunction(() => document.querySelectorAll('[data-testid="template-variable"][data-declared="true"]').length === 3, { polling: 100 });
    // deal: the deal name field; customer: the selection (the default); stage: the stage select.
    await clickInView(options, '#f-variables-0-element');
    await typeInto(options, '#f-variables-0-source-target-tag', 'input');
    await typeInto(options, '#f-variables-0-source-target-testId', 'deal-name');
    await typeInto(options, '#f-variables-0-fallback', 'this deal');
    await typeInto(options, '#f-variables-1-fallback', 'the customer');
    await clickInView(options, '#f-variables-2-element');
    await typeInto(options, '#f-variables-2-source-target-tag', 'select');
    await typeInto(options, '#f-variables-2-source-target-id', 'dealStage');
    await typeInto(options, '#f-description', 'For the approval queue');
    // The preview fills the text as the page would when it finds nothing: fallbacks, then [label].
    await waitForPreview(/Summarize this deal for the customer at the \[Stage\] stage\./);
    expect(await inPreview((r) => r.querySelector('.wm-g-missing')?.textContent)).toBe('Fill in: Stage');
    await typeInto(options, '[data-testid="prompt-sample"]', 'Acme renewal');
    await waitForPreview(/Summarize Acme renewal for the customer/);
    // Back to the list of the page's prompts: the name and what it is for.
    await inPreview((r) => [...r.querySelectorAll('button')].find((b) => b.textContent === 'Back')?.click());
    expect(await waitForPreview(/For the approval queue/)).toContain('Summarize this deal');

    // The target: the demo app's AI assistant box, picked on the page.
    await pickOnDemo(demo, 'f-target', '[data-testid="ai-assistant-input"]');
    expect(await options.$eval('#f-target-testId', (e) => (e as HTMLInputElement).value)).toBe('ai-assistant-input');
    expect(await options.$eval('#f-target-tag', (e) => (e as HTMLInputElement).value)).toBe('textarea');

    await demo.close();
    await options.bringToFront();
    await save('Summarize this deal');
    const p = await stored<PromptTemplate>('Summarize this deal');
    expect(p).toMatchObject({
      kind: 'prompt',
      status: 'published',
      description: 'For the approval queue',
      target: { tag: 'textarea', testId: 'ai-assistant-input' },
      variables: [
        { name: 'deal', label: 'Deal', source: { kind: 'element', target: { tag: 'input', testId: 'deal-name' } }, fallback: 'this deal' },
        { name: 'customer', label: 'Customer', source: { kind: 'selection' }, fallback: 'the customer' },
        { name: 'stage', label: 'Stage', source: { kind: 'element', target: { tag: 'select', id: 'dealStage' } }, fallback: '' },
      ],
    });
  });

  it('are edited: an unused variable is refused, removing it saves', async () => {
    const p = (await stored<PromptTemplate>('Summarize this deal'))!;
    await go(`#/prompts/${p.id}`);
    await typeInto(options, '[data-testid="prompt-template"]', 'Summarize {{deal}} for {{customer}}.');
    await options.waitForSelector('[data-testid="unused-variable"]');
    await clickInView(options, '[data-testid="save-guidance"]');
    expect(await summaryIssues(options)).toEqual(['variables.2.name: variable "stage" is not used in the template']);
    await clickInView(options, '[aria-label="Remove variable 3 (stage)"]');
    await save('Summarize this deal');
    const after = (await stored<PromptTemplate>('Summarize this deal'))!;
    expect(after.template).toBe('Summarize {{deal}} for {{customer}}.');
    expect(after.variables.map((v) => v.name)).toEqual(['deal', 'customer']);
    expect(await options.$eval('.actionbar', (e) => e.textContent)).toMatch(/No unsaved changes/);
  });

  it('are duplicated as drafts and deleted', async () => {
    const p = (await stored('Summarize this deal'))!;
    await duplicateAndDelete('prompts', p.id, p.name);
  });
});

describe('smart tips', () => {
  it('check the regex live, refuse an invalid one on save, and save valid rules', async () => {
    await go('#/tips/new');
    await fillBase('Amount hint');
    await typeInto(options, '#f-target-tag', 'input');
    await typeInto(options, '#f-target-id', 'dealAmount');
    await typeInto(options, '[data-testid="guidance-title"]', 'Whole dollars');
    await typeInto(options, '#f-body', 'Round to the **nearest hundred**.');
    await clickInView(options, '[data-testid="tip-has-validation"]');
    await typeInto(options, '[data-testid="tip-pattern"]', '[0-9');
    // Live, before any save.
    expect((await fieldErrors(options, 'f-validation-pattern'))[0]).toMatch(/^not a valid regular expression: /);
    await typeInto(options, '[data-testid="tip-message"]', 'Use digits only.');
    // The preview: the hint icon and the tip, and the message as when the value breaks a rule.
    await waitForPreview(/Whole dollars/);
    expect(await inPreview((r) => [r.querySelector('.wm-g-hint')?.getAttribute('aria-label'), r.querySelector('.wm-body strong')?.textContent])).toEqual(['Tip: Whole dollars', 'nearest hundred']);
    expect(await inPreview((r) => r.querySelector('.wm-g-error'))).toBeNull();
    await clickInView(options, '[data-testid="preview-broken"]');
    await waitForPreview(/Use digits only\./);
    expect(await inPreview((r) => r.querySelector('.wm-g-error')?.textContent)).toBe('Use digits only.');
    await clickInView(options, '[data-testid="save-guidance"]');
    const issues = await summaryIssues(options);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^validation\.pattern: not a valid regular expression: /);

    await typeInto(options, '[data-testid="tip-pattern"]', '[0-9]+');
    expect(await fieldErrors(options, 'f-validation-pattern')).toEqual([]);
    await typeInto(options, '[data-testid="tip-sample"]', '12a');
    expect(await options.$eval('[data-testid="tip-sample-result"]', (e) => e.textContent)).toMatch(/does not match the pattern/);
    await typeInto(options, '[data-testid="tip-sample"]', '1200');
    expect(await options.$eval('[data-testid="tip-sample-result"]', (e) => e.textContent)).toMatch(/passes every rule/);
    await save('Amount hint');
    expect(await stored<Tip>('Amount hint')).toMatchObject({
      kind: 'tip',
      target: { tag: 'input', id: 'dealAmount' },
      title: 'Whole dollars',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Round to the ' }, { type: 'text', text: 'nearest hundred', bold: true }, { type: 'text', text: '.' }] }],
      validation: { required: false, pattern: '[0-9]+', message: 'Use digits only.' },
    });
  });

  it('are edited, duplicated and deleted', async () => {
    const t = (await stored<Tip>('Amount hint'))!;
    await go(`#/tips/${t.id}`);
    await typeInto(options, '#f-validation-maxLength', '7');
    await clickInView(options, '#f-validation-required');
    await save('Amount hint');
    expect((await stored<Tip>('Amount hint'))!.validation).toEqual({ required: true, pattern: '[0-9]+', maxLength: 7, message: 'Use digits only.' });
    await duplicateAndDelete('tips', t.id, t.name);
  });
});

describe('beacons', () => {
  it('are linked to a tagged feature, placed on its element, and need a title', async () => {
    await go('#/beacons/new');
    await fillBase('Meet the assistant');
    await chooseOption(options, '[data-testid="beacon-feature"]', 'AI assistant');
    await clickInView(options, '[data-testid="beacon-use-feature-target"]');
    expect(await options.$eval('#f-target-testId', (e) => (e as HTMLInputElement).value)).toBe('ai-ask');
    await clickInView(options, '[data-testid="save-guidance"]');
    expect(await summaryIssues(options)).toEqual(['title: a beacon needs a title']);
    expect(await fieldErrors(options, 'f-title')).toEqual(['a beacon needs a title']);
    await typeInto(options, '[data-testid="guidance-title"]', 'New: ask the assistant');
    await typeInto(options, '#f-body', 'Drafts next steps for this deal.');
    // The preview: the pulsing dot on its element; clicking it opens the card.
    await waitForPreview(/ai-ask/);
    expect(await inPreview((r) => r.querySelector('.wm-g-beacon')?.getAttribute('aria-label'))).toBe('New: New: ask the assistant');
    await inPreview((r) => (r.querySelector('.wm-g-beacon') as HTMLButtonElement).click());
    expect(await waitForPreview(/Drafts next steps for this deal\./)).toContain('Got it');
    await save('Meet the assistant');
    expect(await stored<Beacon>('Meet the assistant')).toMatchObject({
      kind: 'beacon',
      featureId: 'ai-assistant',
      target: { tag: 'button', testId: 'ai-ask' },
      title: 'New: ask the assistant',
      audience: { priority: 50, visit: { kind: 'any' }, frequency: { kind: 'always' } },
    });
  });

  it('take audience rules, with an out-of-range priority refused at its field', async () => {
    const b = (await stored<Beacon>('Meet the assistant'))!;
    await go(`#/beacons/${b.id}`);
    await typeInto(options, '#f-audience-priority', '150');
    await clickInView(options, '#visit-fromNth');
    await typeInto(options, '#f-audience-visit-n', '3');
    await clickInView(options, '#frequency-everyNDays');
    await typeInto(options, '#f-audience-frequency-days', '14');
    await typeInto(options, '#f-audience-teams', 'sales, support');
    await clickInView(options, '[data-testid="audience-has-element"]');
    await typeInto(options, '#f-audience-elementPresent-tag', 'section');
    await typeInto(options, '#f-audience-elementPresent-text', 'AI assistant');
    await clickInView(options, '[data-testid="save-guidance"]');
    const issues = await summaryIssues(options);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^audience\.priority: .*100/);
    await typeInto(options, '#f-audience-priority', '80');
    await save('Meet the assistant');
    expect((await stored<Beacon>('Meet the assistant'))!.audience).toEqual({
      elementPresent: { tag: 'section', text: 'AI assistant' },
      teams: ['sales', 'support'],
      visit: { kind: 'fromNth', n: 3 },
      frequency: { kind: 'everyNDays', days: 14 },
      priority: 80,
    });
    await duplicateAndDelete('beacons', b.id, b.name);
  });
});

describe('checklists', () => {
  it('are built from existing flows and features, reordered, and each item needs a title', async () => {
    await go('#/checklists/new');
    await fillBase('Getting started');
    await typeInto(options, '[data-testid="guidance-title"]', 'Your first week');
    await typeInto(options, '#f-items-0-title', 'Create your first deal');
    await chooseOption(options, '#f-items-0-completeOn-flowId', 'Create your first deal (draft)');
    await chooseOption(options, '#f-items-0-startsFlow', 'Create your first deal');
    await clickInView(options, '[data-testid="add-item"]');
    await options.waitForSelector('#f-items-1-title');
    await clickInView(options, '#f-items-1-feature');
    await chooseOption(options, '#f-items-1-completeOn-featureId', 'Save deal');
    await clickInView(options, '[data-testid="save-guidance"]');
    expect(await summaryIssues(options)).toEqual(['items.1.title: an item needs a title']);
    await typeInto(options, '#f-items-1-title', 'Save a deal');
    await clickInView(options, '[aria-label="Move item 2 up"]');
    // Focus stays with the moved item.
    await options.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Move item 1 down', { polling: 50 });
    // The preview lists the items in their new order; only the one that starts a flow offers "Show me".
    await waitForPreview(/0 of 2 done/);
    expect(await inPreview((r) => [...r.querySelectorAll('.wm-g-check')].map((li) => li.textContent?.trim()))).toEqual(['○Save a deal', '○Create your first dealShow me']);
    await clickInView(options, '#visit-first');
    await clickInView(options, '#frequency-once');
    await save('Getting started');
    const c = (await stored<Checklist>('Getting started'))!;
    expect(c).toMatchObject({ kind: 'checklist', title: 'Your first week', audience: { visit: { kind: 'first' }, frequency: { kind: 'once' } } });
    expect(c.items.map((i) => [i.title, i.completeOn, i.startsFlow])).toEqual([
      ['Save a deal', { kind: 'featureUsed', featureId: 'save-deal' }, undefined],
      ['Create your first deal', { kind: 'flowCompleted', flowId: 'crm-first-deal' }, 'crm-first-deal'],
    ]);
  });

  it('are edited, duplicated and deleted', async () => {
    const c = (await stored<Checklist>('Getting started'))!;
    await go(`#/checklists/${c.id}`);
    await clickInView(options, '[aria-label="Remove item 1"]');
    await save('Getting started');
    expect((await stored<Checklist>('Getting started'))!.items.map((i) => i.title)).toEqual(['Create your first deal']);
    await duplicateAndDelete('checklists', c.id, c.name);
  });
});

describe('the flow micro-survey', () => {
  it('is switched on in the flow editor', async () => {
    await go('#/flows/crm-first-deal');
    await clickInView(options, '[data-testid="survey-enabled"]');
    await typeInto(options, '[data-testid="survey-question"]', 'Did this tour help?');
    await waitForPreview(/Did this tour help\?/, 'survey-preview');
    expect(await inPreview((r) => r.querySelectorAll('textarea').length, 'survey-preview')).toBe(1);
    await clickInView(options, '[data-testid="survey-comment"]');
    // Without the comment box, as employees will get it.
    await options.waitForFunction(() => document.querySelector('[data-testid="survey-preview"]')?.shadowRoot?.querySelectorAll('textarea').length === 0, { polling: 100 });
    expect(await inPreview((r) => [...r.querySelectorAll('.wm-g-score')].map((b) => b.textContent), 'survey-preview')).toEqual(['1', '2', '3', '4', '5']);
    await clickInView(options, '[data-testid="save-flow"]');
    await waitForFlash(options, /Saved “Create your first deal”/);
    const flows = (await admin<{ ok: true; flows: Flow[] }>({ type: 'admin/flows/list' })).flows;
    expect(flows.find((f) => f.id === 'crm-first-deal')!.survey).toEqual({ question: 'Did this tour help?', allowComment: false });
  });
});

describe('export and import', () => {
  it('round-trip every kind of guidance', async () => {
    const before = (await allGuidance()).sort((a, b) => a.id.localeCompare(b.id));
    expect(before.map((g) => g.kind).sort()).toEqual(['beacon', 'checklist', 'prompt', 'tip']);
    await go('#/import');
    const downloads = await captureDownloads(options);
    await options.click('[data-testid="export"]');
    await options.waitForFunction((n) => new RegExp(`Exported 1 flow, ${n} features and 4 pieces of guidance`).test(document.querySelector('[data-testid="export-result"]')?.textContent ?? ''), { polling: 100 }, seedFeatures);
    const text = await downloads.take();
    const bundle = JSON.parse(text) as { guidance: Guidance[] };
    expect(bundle.guidance.sort((a, b) => a.id.localeCompare(b.id))).toEqual(before);

    for (const g of before) await admin({ type: 'admin/guidance/delete', id: g.id });
    expect(await allGuidance()).toEqual([]);
    const file = join(mkdtempSync(join(tmpdir(), 'waymark-bundle-')), 'bundle.json');
    writeFileSync(file, text);
    const input = (await options.waitForSelector('[data-testid="import-file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await options.waitForFunction((n) => new RegExp(`Imported 1 flow, ${n} features and 4 pieces of guidance`).test(document.querySelector('[data-testid="import-result"]')?.textContent ?? ''), { polling: 100 }, seedFeatures);
    // The import stamps its own time on what it stores; everything else comes back as it was.
    const undated = (gs: Guidance[]) => gs.map(({ updatedAt: _u, ...g }) => g).sort((a, b) => a.id.localeCompare(b.id));
    expect(undated(await allGuidance())).toEqual(undated(before));
    await go('#/checklists');
    await options.waitForSelector('[data-testid="guidance-row"]');
    expect(await options.$$eval('[data-testid="guidance-row"]', (rows) => rows.map((r) => r.querySelector('.row-title')?.textContent))).toEqual(['Getting started']);
  });
});
