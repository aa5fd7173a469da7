import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../demo/hostServer';
import { clickCardButton, launchWithExtension, waitForEvents, waitForStep, waitForWaymark, type ExtensionBrowser } from './support/browser';
import { clickOverlayButton, inOverlay, overlayHas, pause, saveFlow } from './support/guidance';

let host: HostServer;
let ext: ExtensionBrowser;
let page: Page;

const flow = (id: string, survey?: Record<string, unknown>) => ({
  schemaVersion: 2,
  kind: 'flow',
  id,
  name: `Flow ${id}`,
  version: 1,
  status: 'published',
  match: ['http://127.0.0.1/mail*'],
  start: 'manual',
  updatedAt: '2026-01-01T00:00:00.000Z',
  steps: [
    { id: 'inbox', title: 'Your inbox', body: [], target: { tag: 'ul', ariaLabel: 'Inbox' } },
    { id: 'assistant', title: 'The assistant', body: [], target: { tag: 'div', id: 'mailAssistant', testId: 'mail-assistant', ariaLabel: 'Ask the mail assistant' } },
  ],
  ...(survey ? { survey } : {}),
});

beforeAll(async () => {
  host = await startHostServer();
  ext = await launchWithExtension();
  await saveFlow(ext, flow('mail-tour', { question: 'How clear was this tour?' }));
  await saveFlow(ext, flow('mail-quick', { question: 'Was this useful?', allowComment: false }));
  await saveFlow(ext, flow('mail-closed', { question: 'Any thoughts?' }));
  page = await ext.browser.newPage();
});

afterAll(async () => {
  await ext?.close();
  await host?.close();
});

async function runThrough(id: string, confusedOn?: number): Promise<void> {
  await page.goto(`${host.url}/mail?waymark-flow=${id}`);
  await waitForWaymark(page);
  for (const i of [0, 1]) {
    expect(await waitForStep(page, i)).toBe('found');
    if (i === confusedOn) {
      await clickOverlayButton(page, 'This confused me');
      await clickOverlayButton(page, 'Thanks, noted');
    }
    await clickCardButton(page, i === 1 ? 'Done' : 'Next');
  }
}

const survey = '[data-waymark-survey]';

describe('feedback', () => {
  it('"This confused me" on a step records where, once', async () => {
    await runThrough('mail-tour', 1);
    const confused = await waitForEvents(ext, (e) => e.type === 'step_confused');
    expect(confused.map((e) => [e.flowId, e.flowVersion, e.stepId, e.stepIndex])).toEqual([['mail-tour', 1, 'assistant', 1]]);
  });

  it('asks the micro-survey after the flow and stores the comment the user wrote', async () => {
    await inOverlay(page, survey);
    expect(await page.evaluate((s) => document.querySelector('waymark-overlay')?.shadowRoot?.querySelector(`${s} .wm-title`)?.textContent, survey)).toBe('How clear was this tour?');
    await clickOverlayButton(page, '4');
    const box = await inOverlay(page, `${survey} textarea`);
    await box.type('  The assistant step was too fast.  ');
    await clickOverlayButton(page, 'Send');
    const answered = await waitForEvents(ext, (e) => e.type === 'survey_answered');
    expect(answered.map((e) => [e.flowId, e.flowVersion, e.score, e.comment])).toEqual([['mail-tour', 1, 4, 'The assistant step was too fast.']]);
    await page.waitForFunction((s) => !document.querySelector('waymark-overlay')?.shadowRoot?.querySelector(s), { polling: 50 }, survey);
    // (Not a reload: that would follow the ?waymark-flow= link and start the flow again.)
    await page.goto(`${host.url}/mail`);
    await waitForWaymark(page);
    await pause(1000);
    expect(await overlayHas(page, survey)).toBe(false);
  });

  it('leaves the comment out when none was written (or none is offered)', async () => {
    await runThrough('mail-quick');
    await waitForEvents(ext, (e) => e.type === 'flow_completed' && e.flowId === 'mail-quick');
    await inOverlay(page, survey);
    expect(await overlayHas(page, `${survey} textarea`)).toBe(false);
    await clickOverlayButton(page, '2');
    await clickOverlayButton(page, 'Send');
    const answered = await waitForEvents(ext, (e) => e.type === 'survey_answered', 2);
    expect(answered[1]).toMatchObject({ flowId: 'mail-quick', score: 2 });
    expect('comment' in answered[1]!).toBe(false);
  });

  it('records nothing when the survey is closed, and does not ask again', async () => {
    await runThrough('mail-closed');
    await inOverlay(page, survey);
    await (await inOverlay(page, `${survey} button[aria-label="Close survey"]`)).click();
    await page.waitForFunction((s) => !document.querySelector('waymark-overlay')?.shadowRoot?.querySelector(s), { polling: 50 }, survey);
    // (Not a reload: that would follow the ?waymark-flow= link and start the flow again.)
    await page.goto(`${host.url}/mail`);
    await waitForWaymark(page);
    await pause(1000);
    expect(await overlayHas(page, survey)).toBe(false);
    const answered = await waitForEvents(ext, (e) => e.type === 'survey_answered', 3, { timeout: 1000 });
    expect(answered.map((e) => e.flowId)).toEqual(['mail-tour', 'mail-quick']);
    const shown = await waitForEvents(ext, (e) => e.type === 'content_shown' && e.contentKind === 'survey', 3);
    expect(shown.map((e) => e.contentId)).toEqual(['mail-tour', 'mail-quick', 'mail-closed']);
  });
});
