import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../demo/hostServer';
import { adminSend, cardText, clickCardButton, launchWithExtension, readEvents, waitForEvents, waitForStep, waitForWaymark, type ExtensionBrowser } from './support/browser';

/**
 * The seed flow was authored against release 1 of the demo CRM. Release 2 regenerated every hashed
 * class, changed ids, dropped or renamed test ids, wrapped and reordered elements, moved the AI panel
 * and removed the Cancel button. The flow must still play, and the step whose target really went away
 * must be reported, not anchored to some other button.
 */
const SEED = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../demo/seed/crm-onboarding.json'), 'utf8')) as {
  flows: Array<{ steps: Array<{ target?: unknown }> }>;
};

const cancelFlow = {
  format: 'waymark-bundle',
  flows: [
    {
      schemaVersion: 2,
      kind: 'flow',
      id: 'cancel-tip',
      name: 'Leaving without saving',
      version: 1,
      status: 'published',
      match: ['http://127.0.0.1/*'],
      start: 'manual',
      updatedAt: '2026-01-01T00:00:00.000Z',
      steps: [
        {
          id: 'cancel',
          title: 'Changed your mind?',
          body: [],
          page: '*://*/deals/new*',
          // Captured on release 1 with fingerprintOf, as the picker does (scripts/capture-seed.ts --dry-run
          // --extra /deals/new '[data-testid="cancel-deal"]'), rect left out.
          target: {
            tag: 'button',
            classes: ['btn', 'css-6tq2co'],
            role: 'button',
            type: 'button',
            testId: 'cancel-deal',
            text: 'Cancel',
            neighborText: 'AI assistant Beta',
            xpath: '/html[1]/body[1]/div[1]/main[1]/div[1]/form[1]/div[2]/button[1]',
            indexPath: '0/1/0/2/0/1/2/0',
            isButton: true,
          },
          advance: { kind: 'click' },
          timeoutMs: 1500,
        },
      ],
    },
  ],
};

let r2: HostServer;
let ext: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  r2 = await startHostServer({ release: 2 });
  ext = await launchWithExtension();
  expect((await adminSend<{ ok: boolean }>(ext, { type: 'admin/bundle/import', bundle: SEED })).ok).toBe(true);
  expect((await adminSend<{ ok: boolean }>(ext, { type: 'admin/bundle/import', bundle: cancelFlow })).ok).toBe(true);
  page = await ext.browser.newPage();
});

afterAll(async () => {
  await ext?.close();
  await r2?.close();
});

/** The element under the overlay's highlight (once positioned), described by tag and id. */
async function highlighted(p: Page): Promise<string | null> {
  const h = await p.waitForFunction(
    () => {
      const hl = document.querySelector('waymark-overlay')?.shadowRoot?.querySelector<HTMLElement>('.wm-highlight');
      if (!hl) return 'none';
      // Positioned, and done with its short move (the highlight glides from one target to the next).
      const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec(hl.style.transform);
      const r = hl.getBoundingClientRect();
      if (!m || Math.abs(r.left - Number(m[1])) > 1 || Math.abs(r.top - Number(m[2])) > 1) return null;
      const el = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return el ? `${el.tagName.toLowerCase()}#${el.id}` : 'nothing';
    },
    { polling: 50, timeout: 5000 },
  );
  const v = (await h.jsonValue()) as string;
  return v === 'none' ? null : v;
}

describe('a flow authored on release 1 plays on release 2', () => {
  it('re-finds every target after the host app changed classes, ids and structure', async () => {
    await page.goto(`${r2.url}/contacts`);
    await waitForWaymark(page);
    expect(await waitForStep(page, 0)).toBe('found');
    await page.click('a.contact-link');
    expect(await waitForStep(page, 1)).toBe('found');
    expect(await highlighted(page)).toBe('button#create-deal-btn');
    await page.click('#create-deal-btn');
    expect(await waitForStep(page, 2)).toBe('found');
    expect(await highlighted(page)).toBe('input#deal-title-input');
    await page.click('#deal-title-input');
    await page.keyboard.type('Release two deal');
    await page.keyboard.press('Tab');
    // Release 2 renamed this textarea's test id and moved the panel to a side rail; its form name, label
    // and heading held, so it is the same textarea renamed, not another one.
    expect(await waitForStep(page, 3, 20_000)).toBe('found');
    expect(await highlighted(page)).toBe('textarea#ai-prompt-input');
    await clickCardButton(page, 'Done');
    const events = await waitForEvents(ext, (e) => e.type === 'flow_completed' && e.flowId === 'crm-first-deal');
    expect(events).toHaveLength(1);
    const missing = (await readEvents(ext)).filter((e) => (e.type === 'target_missing' || e.type === 'target_ambiguous') && e.flowId === 'crm-first-deal');
    // Every step was re-found: none was reported.
    expect(missing).toEqual([]);
  });

  it('reports a target that really disappeared instead of pointing at another button', async () => {
    await page.goto(`${r2.url}/deals/new?waymark-flow=cancel-tip`);
    expect(await waitForStep(page, 0, 10_000)).toBe('missing');
    expect((await cardText(page))?.body).toMatch(/not on this page/);
    expect(await highlighted(page)).toBeNull();
    const reported = await waitForEvents(ext, (e) => (e.type === 'target_missing' || e.type === 'target_ambiguous') && e.flowId === 'cancel-tip');
    expect(reported).toHaveLength(1);
  });
});
