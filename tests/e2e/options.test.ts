import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSend, launchWithExtension, openExtensionPage, type ExtensionBrowser } from './support/browser';

const SEED_PATH = resolve(import.meta.dirname, '../../demo/seed/crm-onboarding.json');
const dir = mkdtempSync(join(tmpdir(), 'waymark-import-'));

let ext: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  ext = await launchWithExtension();
  page = await openExtensionPage(ext, 'options-ui/index.html#/import');
});
afterAll(async () => {
  await ext?.close();
});

async function importFile(path: string): Promise<string> {
  await page.goto(`chrome-extension://${ext.extensionId}/options-ui/index.html#/import`);
  const input = (await page.waitForSelector('[data-testid="import-file"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
  const result = await page.waitForFunction(
    () => {
      const el = document.querySelector('[data-testid="import-result"]');
      const text = el?.textContent ?? '';
      return /Imported|problem|invalid|not valid|rejected|error/i.test(text) ? text : null;
    },
    { timeout: 15_000 },
  );
  return String(await result.jsonValue());
}

const issues = (p: Page) => p.$$eval('[data-testid="import-issue"]', (els) => els.map((e) => e.textContent?.trim() ?? ''));

describe('options page import', () => {
  it('imports a valid file', async () => {
    const text = await importFile(SEED_PATH);
    expect(text).toMatch(/Imported 1 flow, 3 features and 6 pieces of guidance/);
    const flows = await adminSend<{ ok: true; flows: { id: string }[] }>(ext, { type: 'admin/flows/list' });
    expect(flows.flows.map((f) => f.id)).toEqual(['crm-first-deal']);
    const guidance = await adminSend<{ ok: true; guidance: { id: string }[] }>(ext, { type: 'admin/guidance/list' });
    expect(guidance.guidance).toHaveLength(6);
  });

  it('rejects an invalid file with the path and reason of each problem, and changes nothing', async () => {
    const seed = JSON.parse(readFileSync(SEED_PATH, 'utf8')) as { flows: Array<Record<string, unknown> & { steps: Array<Record<string, unknown>> }> };
    const flow = seed.flows[0]!;
    flow.name = 'Renamed by a bad import';
    flow.steps[2]!.title = '';
    flow.match = ['crm.example.com/deals'];
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(seed));
    await importFile(bad);
    const found = await issues(page);
    expect(found).toContain('flows.0.steps.2.title: a step needs a title');
    expect(found.some((t) => t.startsWith('flows.0.match.0: expected <scheme>://<host>'))).toBe(true);
    const flows = await adminSend<{ ok: true; flows: { name: string }[] }>(ext, { type: 'admin/flows/list' });
    expect(flows.flows.map((f) => f.name)).toEqual(['Create your first deal']);
  });

  it('reports a JSON syntax error with its position', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "format": "waymark-bundle",\n  "flows": [\n}');
    const text = await importFile(broken);
    expect(text).toMatch(/line 4/i);
  });

  it('the background rejects an invalid bundle even when a page skips validation', async () => {
    const r = await adminSend<{ ok: boolean; issues?: { path: string }[] }>(ext, {
      type: 'admin/bundle/import',
      bundle: { format: 'waymark-bundle', flows: [{ schemaVersion: 2, kind: 'flow', id: 'x' }] },
    });
    expect(r.ok).toBe(false);
    expect(r.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['flows.0.name', 'flows.0.steps']));
  });
});
