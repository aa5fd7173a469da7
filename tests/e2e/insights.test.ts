import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserBatches, postRetrying } from '../../demo/samplePopulation';
import { IngestResponseSchema } from '../../src/schema/api';
import { simulate, SIM_FLOWS, SIM_FROM, SIM_TO, TEAMS, type Simulation } from '../sim/simulate';
import { adminSend, launchWithExtension, openExtensionPage, type ExtensionBrowser } from './support/browser';
import { captureDownloads, type DownloadCapture } from './support/optionsForm';
import { runCli } from '../server/support/processes';
import { createToken, startCollector, tempDataDir, type Collector } from './support/collector';

/*
 * A champion on the options page, against a real collector holding the simulator's population (sent
 * through the real POST /v1/events API by "browsers" with their reported teams, plus an admin's team
 * mapping). The champion finds the step where the simulated people got stuck, switches teams, meets a
 * team too small to show, sorts a table and exports it; an employee token is refused.
 */

const TENANT = 'sim';
const sim: Simulation = simulate();

let collector: Collector;
let ext: ExtensionBrowser;
let page: Page;
let downloads: DownloadCapture | undefined;
let tokens: { employee: string; champion: string; admin: string };

/** The step the simulated people got stuck at, from the simulator's own records: the highest drop or missing rate. */
function expectedStuck() {
  const steps = SIM_FLOWS.flatMap((f) => {
    const k = sim.known.flows[f.id];
    return (k?.steps ?? []).map((s, i, all) => {
      const dropped = Math.max(0, s.reached - (all[i + 1]?.reached ?? k?.completed ?? 0));
      const rate = Math.max(s.reached === 0 ? 0 : dropped / s.reached, s.shownEvents === 0 ? 0 : s.missingEvents / s.shownEvents);
      return { flowId: f.id, flowName: f.name, stepId: s.id, title: f.steps[i]?.title ?? s.id, index: i, rate };
    });
  });
  const best = steps.reduce((a, b) => (b.rate > a.rate ? b : a));
  return best;
}

/** Distinct people of `team` with a `flow_started` of `flowId` in the whole simulation. */
const startedIn = (team: string, flowId: string) => sim.users.filter((u) => u.team === team && u.events.some((e) => e.type === 'flow_started' && e.flowId === flowId)).length;

async function setValue(selector: string, value: string): Promise<void> {
  await page.$eval(
    selector,
    (el, v) => {
      const input = el as HTMLInputElement | HTMLSelectElement;
      input.value = v;
      input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
    },
    value,
  );
}

async function fill(selector: string, value: string): Promise<void> {
  await page.click(selector, { clickCount: 3 });
  await page.keyboard.press('Backspace');
  await page.type(selector, value);
}

/** Applies the filters and waits until every query has answered. */
async function show(team: string | null): Promise<void> {
  await setValue('[data-testid="insights-from"]', SIM_FROM);
  await setValue('[data-testid="insights-to"]', SIM_TO);
  await setValue('[data-testid="insights-team"]', team ?? '');
  await page.click('[data-testid="insights-apply"]');
  const scope = team === null ? 'all teams' : `team “${team}”`;
  await page.waitForFunction(
    (s) => {
      const p = document.querySelector('[data-testid="insights-progress"]');
      return p?.getAttribute('data-busy') === 'false' && p.textContent?.includes(s);
    },
    { timeout: 60_000 },
    `${SIM_FROM} to ${SIM_TO}, ${scope}`,
  );
}

const text = (selector: string) => page.$eval(selector, (e) => e.textContent ?? '');
const cells = (table: string, col: string) =>
  page.$$eval(`[data-testid="${table}-table"] tbody [data-col="${col}"]`, (els) => els.map((e) => e.textContent?.trim() ?? ''));

beforeAll(async () => {
  const dataDir = tempDataDir();
  tokens = {
    employee: await createToken(dataDir, TENANT, 'employee'),
    champion: await createToken(dataDir, TENANT, 'champion'),
    admin: await createToken(dataDir, TENANT, 'admin'),
  };
  collector = await startCollector({ dataDir });
  const post = (token: string, path: string, body: unknown) => postRetrying(collector.url, token, path, body);

  // The admin publishes the flows (the collector names flows and steps from them)...
  for (const f of sim.flows) expect((await post(tokens.admin, '/v1/admin/flows', f)).status).toBe(201);
  // ...every simulated browser sends its events in batches with its reported team...
  const batches = browserBatches(sim.users);
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let b = batches.shift(); b !== undefined; b = batches.shift()) {
        const r = await post(tokens.employee, '/v1/events', b);
        expect(r.status).toBe(200);
        expect(IngestResponseSchema.parse(await r.json()).results.every((x) => x.status === 'stored')).toBe(true);
      }
    }),
  );
  // ...and an admin maps the people whose browsers report no team (or a stale one).
  const assignments = sim.users.flatMap((u) => (u.adminTeam !== undefined ? [{ userId: u.userId, team: u.adminTeam }] : []));
  expect((await post(tokens.admin, '/v1/admin/teams', { assignments })).status).toBe(200);

  ext = await launchWithExtension();
  // The champion's browser has the same flows, so "Edit the step" opens them here.
  const bundle = { format: 'waymark-bundle', exportedAt: new Date().toISOString(), flows: sim.flows, features: [] };
  expect((await adminSend<{ ok: boolean }>(ext, { type: 'admin/bundle/import', bundle })).ok).toBe(true);

  page = await openExtensionPage(ext, 'options-ui/index.html#/insights');
  // Read a download only once the browser says it completed (it reserves the name before writing).
  downloads = await captureDownloads(page);
}, 180_000);

afterAll(async () => {
  await ext?.close();
  await collector?.dispose();
  downloads?.dispose();
});

describe('champion insights on the options page', () => {
  it('refuses an employee token with a clear message, then accepts a champion token (never shown back)', async () => {
    await page.waitForSelector('[data-testid="insights-access-form"]');
    expect(await page.$('[data-testid="insights-filters"]')).toBeNull();
    await fill('[data-testid="insights-serverUrl"]', collector.url);
    await fill('[data-testid="insights-token"]', tokens.employee);
    await page.click('[data-testid="insights-access-save"]');
    await page.waitForSelector('[data-testid="insights-access-error"]');
    const refused = await text('[data-testid="insights-access-error"]');
    expect(refused).toContain('employee token');
    expect(refused).toContain('champion or admin token');
    expect(await page.$('[data-testid="insights-filters"]')).toBeNull();

    await fill('[data-testid="insights-token"]', tokens.champion);
    await page.click('[data-testid="insights-access-save"]');
    await page.waitForSelector('[data-testid="insights-access-status"]');
    expect(await text('[data-testid="insights-access-status"]')).toContain(`champion of tenant “${TENANT}”`);
    const access = await adminSend(ext, { type: 'admin/insights/access/get' });
    expect(access).toMatchObject({ ok: true, access: { tokenSet: true, role: 'champion', effectiveServerUrl: collector.url } });
    expect(JSON.stringify(access)).not.toContain(tokens.champion);
    await page.waitForSelector('[data-testid="insights-filters"]');
  });

  it('shows the step where the simulated people got stuck, and its funnel shows the drop', async () => {
    await show(null);
    const expected = expectedStuck();
    const first = await page.$eval('[data-testid="stuck-item"]', (e) => ({ flow: e.getAttribute('data-flow'), step: e.getAttribute('data-step'), text: e.textContent ?? '' }));
    expect(first.flow).toBe(expected.flowId);
    expect(first.step).toBe(expected.stepId);
    expect(first.text).toContain(expected.flowName);
    expect(first.text).toContain(`step ${expected.index + 1} “${expected.title}”`);

    // "Reach the team": a message about the step that names no one, and a mailto link with no recipient.
    await page.click('[data-testid="stuck-item"] [data-testid="stuck-reach"]');
    const message = await page.$eval('[data-testid="reach-message"]', (e) => (e as HTMLTextAreaElement).value);
    expect(message).toContain(`“${expected.flowName}”`);
    expect(message).toContain(`step ${expected.index + 1} “${expected.title}”`);
    expect(message).toContain(`${Math.round(expected.rate * 100)}% of the people who reach`);
    expect(await page.$eval('[data-testid="reach-mailto"]', (a) => a.getAttribute('href'))).toMatch(/^mailto:\?subject=/);

    // The funnel of that flow is shown, with the drop named in words and the bars drawn by uPlot.
    await page.waitForSelector(`[data-testid="flow-detail"][data-flow="${expected.flowId}"] [data-testid="funnel-chart"] canvas`);
    // The funnel's drop-off is the step losing the most people (the stuck list ranks by rate).
    const k = sim.known.flows[expected.flowId];
    const drops = (k?.steps ?? []).map((s, i, all) => ({ i, reached: s.reached, dropped: Math.max(0, s.reached - (all[i + 1]?.reached ?? k?.completed ?? 0)) }));
    const worst = drops.reduce((a, b) => (b.dropped > a.dropped ? b : a));
    const title = SIM_FLOWS.find((f) => f.id === expected.flowId)?.steps[worst.i]?.title;
    const caption = await text('[data-testid="funnel-caption"]');
    expect(caption).toContain(`Most people are lost at step ${worst.i + 1} “${title}”: ${worst.dropped} of ${worst.reached} stop there`);
    expect(await cells('steps', 'reached')).toEqual(k?.steps.map((s) => String(s.reached)));
    expect(await text('[data-testid="habit-definition"]')).toContain('at least 3 of the last 4 weeks');
  });

  it('sorts a table from the keyboard, and exports it as CSV', async () => {
    const byStarted = [...SIM_FLOWS].map((f) => ({ name: f.name, started: sim.known.flows[f.id]?.started ?? 0 }));
    expect(await cells('flows', 'name')).toEqual([...byStarted].sort((a, b) => b.started - a.started).map((f) => f.name));
    expect(await page.$eval('[data-testid="flows-sort-started"]', (b) => b.closest('th')?.getAttribute('aria-sort'))).toBe('descending');
    await page.focus('[data-testid="flows-sort-started"]');
    await page.keyboard.press('Enter');
    expect(await page.$eval('[data-testid="flows-sort-started"]', (b) => b.closest('th')?.getAttribute('aria-sort'))).toBe('ascending');
    expect(await cells('flows', 'name')).toEqual([...byStarted].sort((a, b) => a.started - b.started).map((f) => f.name));
    expect(await cells('flows', 'started')).toEqual([...byStarted].sort((a, b) => a.started - b.started).map((f) => String(f.started)));

    await page.click('[data-testid="flows-csv"]');
    if (!downloads) throw new Error('downloads were not set up');
    const download = await downloads.next();
    expect(download.name).toBe(`waymark-flows-${SIM_FROM}-${SIM_TO}.csv`);
    const csv = download.text;
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Flow,Started,Completed,Completion rate,Dismiss rate,Drop-off step');
    expect(lines.at(-1)).toBe('');
    // In the order shown (ascending by started), one row per flow, numbers as numbers.
    expect(lines.slice(1, -1).map((l) => l.split(',').slice(0, 3))).toEqual(
      [...SIM_FLOWS]
        .sort((a, b) => (sim.known.flows[a.id]?.started ?? 0) - (sim.known.flows[b.id]?.started ?? 0))
        .map((f) => [f.name, String(sim.known.flows[f.id]?.started), String(sim.known.flows[f.id]?.completed)]),
    );
  });

  it('edits the stuck step: the flow editor opens at that step', async () => {
    const expected = expectedStuck();
    await page.click('[data-testid="stuck-item"] [data-testid="stuck-edit"]');
    await page.waitForSelector('[data-testid="flow-editor"]');
    expect(new URL(page.url()).hash).toBe(`#/flows/${expected.flowId}/step/${expected.stepId}`);
    await page.waitForFunction((t) => (document.activeElement as HTMLInputElement | null)?.value === t, { timeout: 5000 }, expected.title);
    // The flow's baseline (minutes without guidance, for time saved) is editable there.
    const baseline = SIM_FLOWS.find((f) => f.id === expected.flowId)?.baselineMinutes;
    expect(await page.$eval('[data-testid="flow-baseline"]', (e) => (e as HTMLInputElement).value)).toBe(baseline === undefined ? '' : String(baseline));
    await page.goBack();
    await page.waitForSelector('[data-testid="insights-filters"]');
  });

  it('switches the team, and a team below the minimum group size shows no numbers', async () => {
    await show(null);
    // The picker lists the teams, the small one marked as such (no count of its people); it is filled
    // from the breakdown's answer as that arrives.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="insights-team"] option').length > 1, { timeout: 10_000, polling: 50 });
    const options = await page.$$eval('[data-testid="insights-team"] option', (os) => os.map((o) => o.textContent ?? ''));
    expect(options).toContain('sales');
    expect(options).toContain('exec (fewer than 5 people)');

    await show('sales');
    await page.waitForSelector('[data-testid="flows-table"]');
    const started = await page.$$eval('[data-testid="flows-table"] tbody tr', (rows) => rows.map((r) => [r.getAttribute('data-row'), r.querySelector('[data-col="started"]')?.textContent]));
    expect(Object.fromEntries(started)).toEqual(Object.fromEntries(SIM_FLOWS.map((f) => [f.id, String(startedIn('sales', f.id))])));
    const salesSize = TEAMS.find((t) => t.name === 'sales')?.size;
    expect(await page.$eval('[data-figure="active"] dd', (e) => e.textContent)).toBe(String(salesSize));

    await show('exec');
    // Every team-scoped answer is withheld: notices, and no figure, table or chart at all.
    expect(await page.$$eval('[data-testid="suppressed"]', (els) => els.length)).toBe(5);
    for (const s of ['overview', 'stuck', 'flows', 'features', 'prompts']) {
      const section = `[data-testid="insights-${s}"]`;
      expect(await page.$(`${section} [data-testid="suppressed"]`)).not.toBeNull();
      expect(await page.$(`${section} table, ${section} dl, ${section} canvas, ${section} [data-testid="stuck-item"]`)).toBeNull();
      // Its only digits are the rule's own ("fewer than 5").
      expect((await text(section)).replace(/fewer than 5|minimum group size/g, '')).not.toMatch(/\d/);
    }
    // The breakdown by team still lists exec, withheld, with no number in its row.
    const exec = await page.$eval('[data-testid="teams-table"] tr[data-row="exec"]', (r) => r.textContent ?? '');
    expect(exec).toContain('fewer than 5 people');
    expect(exec.replace('fewer than 5 people', '')).not.toMatch(/\d/);
  });

  it('says clearly when the collector cannot be reached, and when the token was revoked', async () => {
    const me = (await (await fetch(`${collector.url}/v1/me`, { headers: { Authorization: `Bearer ${tokens.champion}` } })).json()) as { tokenId: string };
    await collector.stop();
    await show(null);
    const reasons = await page.$$eval('[data-testid="query-error"]', (els) => els.map((e) => e.getAttribute('data-reason')));
    expect(reasons).toEqual(['network', 'network', 'network', 'network', 'network', 'network']);
    expect(await text('[data-testid="insights-overview"]')).toContain('The collector could not be reached.');
    expect(await text('[data-testid="insights-overview"]')).toContain(`Could not reach the collector at ${collector.url}`);
    expect(await text('[data-testid="insights-progress"]')).toContain('6 of 6 queries done, 6 failed');

    // The champion's token is revoked while the collector is down (PGlite: one process at a time).
    const revoked = await runCli(['token', 'revoke', me.tokenId], { DATA_DIR: collector.dataDir });
    expect(revoked.code).toBe(0);
    await collector.start();
    await page.click('[data-testid="insights-overview"] .notice-error .btn');
    await page.waitForSelector('[data-testid="insights-overview"] [data-testid="query-error"][data-reason="unauthorized"]');
    expect(await text('[data-testid="insights-overview"]')).toContain('The collector did not accept the champion token.');
    expect(await text('[data-testid="insights-overview"]')).toContain('HTTP 401');
  });
});
