import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';

/** Puppeteer helpers for driving the options page's forms as an admin would, with the keyboard and mouse. */

/** Replaces the value of a text control by selecting it and typing, so every input event fires. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  const el = (await page.waitForSelector(selector))!;
  await el.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await el.click({ count: 3 });
  // A triple click selects one line of a textarea only.
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  if (text !== '') await page.keyboard.type(text);
}

/** Clicks an element after scrolling it to the middle of the viewport, clear of the sticky action bar. */
export async function clickInView(page: Page, selector: string): Promise<void> {
  const el = (await page.waitForSelector(selector))!;
  await el.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await el.click();
}

/** Chooses an option of a `<select>` by its visible text. */
export async function chooseOption(page: Page, selector: string, label: string): Promise<void> {
  const value = await page.$eval(
    selector,
    (el, l) => [...(el as HTMLSelectElement).options].find((o) => o.textContent?.trim() === l)?.value ?? null,
    label,
  );
  if (value === null) throw new Error(`no option “${label}” in ${selector}`);
  await page.select(selector, value);
}

/** The text of the issue summary after a failed save, one line per issue (`path: message`). */
export async function summaryIssues(page: Page): Promise<string[]> {
  await page.waitForSelector('[data-testid="issue-summary"]');
  return page.$$eval('[data-testid="issue"]', (els) => els.map((e) => e.textContent?.trim() ?? ''));
}

/** The error messages shown under the control with this id. */
export async function fieldErrors(page: Page, id: string): Promise<string[]> {
  return page.$eval(`#${id}`, (el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x.endsWith('-errors'));
    return ids.flatMap((x) => [...(document.getElementById(x)?.querySelectorAll('li') ?? [])].map((li) => li.textContent?.replace(/^⚠\s*/, '').trim() ?? ''));
  });
}

/** Waits for the status message a save or an action shows. */
export async function waitForFlash(page: Page, re: RegExp): Promise<string> {
  const h = await page.waitForFunction((src) => {
    const t = document.querySelector('[data-testid="flash"]')?.textContent ?? '';
    return new RegExp(src).test(t) ? t : null;
  }, { timeout: 10_000, polling: 100 }, re.source);
  return String(await h.jsonValue());
}

/** A file the browser finished downloading. */
export interface Download {
  name: string;
  text: string;
}

/**
 * Lets the page download into a fresh folder; `next()` waits for the next file there to complete and returns
 * its name and text, `take()` its text; `dispose()` removes the folder.
 */
export interface DownloadCapture {
  next(): Promise<Download>;
  take(): Promise<string>;
  dispose(): void;
}

export async function captureDownloads(page: Page): Promise<DownloadCapture> {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-download-'));
  const session = await page.createCDPSession();
  // Chromium reserves the file under its final name before writing it: read it only once the browser
  // says the download completed.
  let completed = 0;
  session.on('Browser.downloadProgress', (e: { state: string }) => {
    if (e.state === 'completed') completed++;
  });
  await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, eventsEnabled: true });
  const seen = new Set<string>();
  const next = async (): Promise<Download> => {
    const end = Date.now() + 10_000;
    for (;;) {
      const name = completed > seen.size ? readdirSync(dir).find((f) => !seen.has(f) && !f.endsWith('.crdownload')) : undefined;
      if (name) {
        seen.add(name);
        return { name, text: readFileSync(join(dir, name), 'utf8') };
      }
      if (Date.now() > end) throw new Error('no download arrived');
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return {
    next,
    take: async () => (await next()).text,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
