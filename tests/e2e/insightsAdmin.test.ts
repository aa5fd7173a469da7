import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/ids/uuidv7';
import { FlowVersionsResponseSchema, IngestResponseSchema } from '../../src/schema/api';
import { AdminTeamListResponseSchema } from '../../src/schema/insights';
import { adminSend, launchWithExtension, openExtensionPage, type ExtensionBrowser } from './support/browser';
import { createToken, startCollector, tempDataDir, type Collector } from './support/collector';
import { doc, saveFeature, saveFlow, saveGuidance } from './support/guidance';

/*
 * The admin's side of insights on the options page, against a real collector: a champion token is
 * told it cannot administer teams or publish; with an admin token, a team mapping CSV is checked line
 * by line (nothing saved on error), then saved from a file; the minimum group size shows the
 * collector's refusal at the field; a baseline set in the flow editor and published to the collector
 * shows up as time saved once events arrive; features and prompt helpers the browser knows are named.
 */

const TENANT = 'acme';
const FLOW_ID = 'file-expense';
const BASELINE = 10;
/** Each of the six runs takes two minutes: 10 − 2 = 8 minutes saved per task. */
const TASK_MS = 120_000;
const SALES = ['emp-1001', 'emp-1002', 'emp-1003', 'emp-1004', 'emp-1005', 'emp-1006'];
const OPS = ['emp-2001', 'emp-2002'];

let collector: Collector;
let ext: ExtensionBrowser;
let page: Page;
let tmp: string;
let tokens: { employee: string; champion: string; admin: string };

const flow = {
  schemaVersion: 2,
  kind: 'flow',
  id: FLOW_ID,
  name: 'File an expense',
  version: 1,
  status: 'published',
  match: ['https://erp.example.com/*'],
  start: 'launcher',
  steps: [
    { id: 'open-expenses', title: 'Open Expenses', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Open the Expenses tab.' }] }] },
    { id: 'submit-expense', title: 'Submit it', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Press Submit.' }] }] },
  ],
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const api = async (token: string, method: 'GET' | 'POST', path: string, body?: unknown) => {
  const r = await fetch(`${collector.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: r.status, json: (await r.json()) as unknown };
};
const adminTeams = async () => AdminTeamListResponseSchema.parse((await api(tokens.admin, 'GET', '/v1/admin/teams')).json);

/** One browser's events, as its sync engine would send them. */
async function sendEvents(userId: string, events: Array<Record<string, unknown> & { ts: number }>): Promise<void> {
  const fill = (b: Uint8Array<ArrayBuffer>) => crypto.getRandomValues(b);
  const body = { events: events.map((e, i) => ({ ...e, id: uuidv7(e.ts, fill), seq: i + 1, userId })), client: { installId: `install-${userId}` } };
  const r = await api(tokens.employee, 'POST', '/v1/events', body);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  expect(IngestResponseSchema.parse(r.json).results.every((x) => x.status === 'stored')).toBe(true);
}

const text = (selector: string) => page.$eval(selector, (e) => e.textContent ?? '');

async function fill(selector: string, value: string): Promise<void> {
  await page.$eval(
    selector,
    (el, v) => {
      const input = el as HTMLInputElement | HTMLTextAreaElement;
      input.value = v;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

async function useToken(token: string): Promise<void> {
  const r = await adminSend<{ ok: boolean }>(ext, { type: 'admin/insights/access/set', access: { serverUrl: collector.url, token } });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  await page.goto(page.url().replace(/#.*$/, '#/insights'));
  await page.reload();
  await page.waitForSelector('[data-testid="teams-admin"]');
}

const rowCell = (table: string, row: string, col: string) => page.$eval(`[data-testid="${table}"] tr[data-row="${row}"] [data-col="${col}"]`, (e) => e.textContent?.trim() ?? '');

beforeAll(async () => {
  const dataDir = tempDataDir();
  tokens = {
    employee: await createToken(dataDir, TENANT, 'employee'),
    champion: await createToken(dataDir, TENANT, 'champion'),
    admin: await createToken(dataDir, TENANT, 'admin'),
  };
  collector = await startCollector({ dataDir });
  tmp = mkdtempSync(join(tmpdir(), 'waymark-teams-'));
  ext = await launchWithExtension();
  await saveFlow(ext, flow);
  await saveFeature(ext, {
    schemaVersion: 2,
    kind: 'feature',
    id: 'export-orders',
    name: 'Export orders',
    match: ['http://127.0.0.1/erp/*'],
    target: { tag: 'button', id: 'exportOrders', testId: 'export-orders' },
    use: 'click',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
  await saveGuidance(
    ext,
    doc({
      kind: 'prompt',
      id: 'mail-reply',
      name: 'Draft a reply',
      match: ['http://127.0.0.1/mail*'],
      target: { tag: 'div', id: 'mailAssistant', role: 'textbox', ariaLabel: 'Ask the mail assistant', testId: 'mail-assistant' },
      template: 'Reply to "{{subject}}".',
      variables: [{ name: 'subject', label: 'Subject', source: { kind: 'element', target: { tag: 'h2', id: 'mailSubject', testId: 'mail-subject' } } }],
    }),
  );
  page = await openExtensionPage(ext, 'options-ui/index.html#/insights');
}, 120_000);

afterAll(async () => {
  await ext?.close();
  await collector?.dispose();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('insights administration on the options page', () => {
  it('a champion token is told that teams and publishing need an admin token', async () => {
    await useToken(tokens.champion);
    expect(await text('[data-testid="teams-admin-readonly"]')).toContain('need an admin token; the saved token is a champion token');
    expect(await page.$('[data-testid="team-mapping-form"]')).toBeNull();
    // The background refuses too, whatever the page does.
    const refused = await adminSend<{ ok: boolean; error: string }>(ext, { type: 'admin/insights/teams/assign', assignments: [{ userId: 'emp-1', team: 'x' }] });
    expect(refused).toMatchObject({ ok: false });
    expect(refused.error).toContain('needs an admin token');
    await page.goto(page.url().replace(/#.*$/, `#/flows/${FLOW_ID}`));
    await page.waitForSelector('[data-testid="publish-unavailable"]');
    expect(await text('[data-testid="publish-unavailable"]')).toContain('the saved one is a champion token');
    expect(await page.$('[data-testid="publish-flow"]')).toBeNull();
  });

  it('checks a team mapping line by line and saves nothing on error, then saves one from a file', async () => {
    // The people have events before they are mapped: no team yet.
    const now = Date.now() - 3_600_000;
    for (const u of [...SALES, ...OPS]) await sendEvents(u, [{ type: 'feature_used', featureId: 'export-orders', firstUse: true, ts: now }]);
    await useToken(tokens.admin);
    await page.waitForSelector('[data-testid="team-sizes"]');
    expect(await text('[data-testid="team-unassigned"]')).toContain('People with events but no team: 8.');

    await fill('[data-testid="team-csv"]', ['userId,team', 'emp-1001,sales', 'ada.lovelace@example.com,sales', 'emp-1002,', 'emp-1001,ops', `emp-1003,${'t'.repeat(65)}`, 'emp-1004'].join('\n'));
    await page.click('[data-testid="team-mapping-save"]');
    await page.waitForSelector('[data-testid="team-csv-problems"]');
    const problems = await page.$$eval('[data-testid="team-csv-problems"] li', (els) => els.map((e) => [e.getAttribute('data-line'), e.getAttribute('data-field'), e.textContent ?? '']));
    expect(problems.map(([l, f]) => [l, f])).toEqual([
      ['3', 'userId'],
      ['5', 'userId'],
      ['6', 'team'],
      ['7', 'row'],
    ]);
    expect(problems[0]?.[2]).toContain('Line 3, user id: must be a pseudonymous id');
    expect(problems[1]?.[2]).toContain('Line 5, user id: “emp-1001” is already on line 2');
    expect(await text('[data-testid="team-csv-problems"]')).toContain('Nothing was saved');
    expect((await adminTeams()).teams).toEqual([]);

    const file = join(tmp, 'teams.csv');
    writeFileSync(file, ['userId,team', ...SALES.map((u) => `${u},sales`), ...OPS.map((u) => `"${u}",ops`), ''].join('\r\n'));
    const input = (await page.$('[data-testid="team-csv-file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await page.waitForFunction(() => (document.querySelector('[data-testid="team-csv"]') as HTMLTextAreaElement | null)?.value.includes('emp-2002'));
    await page.click('[data-testid="team-mapping-save"]');
    await page.waitForSelector('[data-testid="team-mapping-saved"]');
    expect(await text('[data-testid="team-mapping-saved"]')).toContain('Saved 8 assignments.');
    expect(await page.$('[data-testid="team-csv-problems"]')).toBeNull();
    expect((await adminTeams()).teams).toEqual([
      { team: 'ops', members: 2, mappedByAdmin: 2 },
      { team: 'sales', members: 6, mappedByAdmin: 6 },
    ]);
    // A team's size is shown only at or above the minimum group size.
    expect(await rowCell('team-sizes', 'sales', 'members')).toBe('6');
    expect(await rowCell('team-sizes', 'ops', 'members')).toBe('fewer than 5');
    expect(await rowCell('team-sizes', 'ops', 'mapped')).toBe('—');
    expect(await text('[data-testid="team-sizes"]')).not.toContain('2');
    expect(await text('[data-testid="team-unassigned"]')).toContain('fewer than 5');
  });

  it('the minimum group size: the collector refuses less than 5 at the field, and a higher one hides more', async () => {
    await fill('[data-testid="min-group-size"]', '3');
    await page.click('[data-testid="min-group-save"]');
    await page.waitForSelector('#min-group-size-errors');
    expect(await text('#min-group-size-errors')).toContain('the minimum group size cannot be below 5');
    expect(await page.$eval('[data-testid="min-group-size"]', (e) => e.getAttribute('aria-invalid'))).toBe('true');
    expect((await adminTeams()).minGroupSize).toBe(5);

    await fill('[data-testid="min-group-size"]', '7');
    await page.click('[data-testid="min-group-save"]');
    await page.waitForSelector('[data-testid="min-group-saved"]');
    expect(await page.$('#min-group-size-errors')).toBeNull();
    expect((await adminTeams()).minGroupSize).toBe(7);
    expect(await rowCell('team-sizes', 'sales', 'members')).toBe('fewer than 7');
    // The numbers on screen are asked again under the new minimum, without pressing Show.
    await page.waitForFunction(() => document.querySelector('[data-testid="insights-teams"]')?.textContent?.includes('fewer than 7 people'), { timeout: 15_000 });

    await fill('[data-testid="min-group-size"]', '5');
    await page.click('[data-testid="min-group-save"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="min-group-saved"]')?.textContent?.includes('fewer than 5 people'));
    expect((await adminTeams()).minGroupSize).toBe(5);
  });

  it('a baseline set in the editor and published shows up as time saved on the Insights page', async () => {
    await page.goto(page.url().replace(/#.*$/, `#/flows/${FLOW_ID}`));
    await page.waitForSelector('[data-testid="publish-flow"]');
    await fill('[data-testid="flow-baseline"]', String(BASELINE));
    // Unsaved changes are not published: the saved flow is.
    expect(await page.$eval('[data-testid="publish-flow"]', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(await text('#publish-hint')).toContain('Save your changes first');
    await page.click('[data-testid="save-flow"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="publish-flow"]') as HTMLButtonElement | null)?.disabled === false);
    await page.click('[data-testid="publish-flow"]');
    await page.waitForSelector('[data-testid="publish-result"]');
    expect(await page.$eval('[data-testid="publish-result"]', (e) => e.getAttribute('data-version'))).toBe('1');
    expect(await text('[data-testid="publish-result"]')).toContain(`Published “File an expense” as version 1 on the collector (baseline ${BASELINE} min)`);
    const versions = FlowVersionsResponseSchema.parse((await api(tokens.admin, 'GET', `/v1/admin/flows/${FLOW_ID}/versions`)).json);
    expect(versions.versions.map((v) => [v.version, v.flow.baselineMinutes])).toEqual([[1, BASELINE]]);

    // Publishing again makes version 2.
    await page.click('[data-testid="publish-flow"]');
    await page.waitForSelector('[data-testid="publish-result"][data-version="2"]');

    // Six people complete the flow, two minutes each, and use a prompt helper the browser knows and one it does not.
    const t0 = Date.now() - 2 * 3_600_000;
    for (const [i, u] of SALES.entries()) {
      const start = t0 + i * 600_000;
      const ref = { flowId: FLOW_ID, flowVersion: 2 };
      await sendEvents(u, [
        { type: 'flow_started', ...ref, ts: start },
        { type: 'step_shown', ...ref, stepId: 'open-expenses', stepIndex: 0, ts: start },
        { type: 'step_completed', ...ref, stepId: 'open-expenses', stepIndex: 0, ts: start + 50_000 },
        { type: 'step_shown', ...ref, stepId: 'submit-expense', stepIndex: 1, ts: start + 50_000 },
        { type: 'step_completed', ...ref, stepId: 'submit-expense', stepIndex: 1, ts: start + TASK_MS },
        { type: 'flow_completed', ...ref, ts: start + TASK_MS },
        { type: 'prompt_used', templateId: 'mail-reply', firstUse: true, ts: start + TASK_MS + 1000 },
        { type: 'prompt_used', templateId: 'other-helper', firstUse: true, ts: start + TASK_MS + 2000 },
        { type: 'feature_used', featureId: 'not-here', firstUse: true, ts: start + TASK_MS + 3000 },
      ]);
    }

    await page.goto(page.url().replace(/#.*$/, '#/insights'));
    await page.waitForFunction(() => document.querySelector('[data-testid="insights-progress"]')?.getAttribute('data-busy') === 'false', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="time-table"]');
    expect(await rowCell('time-table', FLOW_ID, 'baseline')).toBe(`${BASELINE} min`);
    expect(await rowCell('time-table', FLOW_ID, 'runs')).toBe('6');
    expect(await rowCell('time-table', FLOW_ID, 'perTask')).toBe(`${BASELINE - TASK_MS / 60_000} min`);
    expect(await rowCell('time-table', FLOW_ID, 'total')).toBe(`${(BASELINE - TASK_MS / 60_000) * 6} min`);

    // Names where the browser has the document, ids otherwise.
    expect(await rowCell('features-table', 'export-orders', 'name')).toBe('Export orders');
    expect(await rowCell('features-table', 'not-here', 'name')).toBe('not-here');
    expect(await rowCell('prompts-table', 'mail-reply', 'template')).toBe('Draft a reply');
    expect(await rowCell('prompts-table', 'other-helper', 'template')).toBe('other-helper');
  });

  it('says clearly when publishing fails, and the collector keeps its last version', async () => {
    await collector.stop();
    await page.goto(page.url().replace(/#.*$/, `#/flows/${FLOW_ID}`));
    await page.waitForSelector('[data-testid="publish-flow"]');
    await page.click('[data-testid="publish-flow"]');
    await page.waitForSelector('[data-testid="publish-error"]');
    expect(await text('[data-testid="publish-error"]')).toContain(`Not published: Could not reach the collector at ${collector.url}`);
    expect(await page.$('[data-testid="publish-result"]')).toBeNull();
    await collector.start();
    const versions = FlowVersionsResponseSchema.parse((await api(tokens.admin, 'GET', `/v1/admin/flows/${FLOW_ID}/versions`)).json);
    expect(versions.versions.map((v) => v.version)).toEqual([2, 1]);
  });
});
