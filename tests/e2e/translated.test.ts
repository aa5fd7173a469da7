import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundledPages, type BundledPages } from './support/bundledPage';
import { captureByKey, locateByKey } from './support/locateByKey';
import { html } from './support/pageServer';

/**
 * A step authored on the English UI plays for a user whose UI is in German: every name, label and
 * heading is translated, and the release regenerated classes and ids (nothing stable to hold on to).
 * What survives is structure: the element's rank among its kind in its group, its path, its language
 * (`lang`). In real Chromium, from capture (as the picker does) to locate.
 */

interface Words {
  reports: string;
  toolbar: [string, string, string, string];
  profile: string;
  first: string;
  last: string;
  email: string;
}

const EN: Words = { reports: 'Reports', toolbar: ['Create report', 'Share', 'Download', 'Filter'], profile: 'Profile', first: 'First name', last: 'Last name', email: 'Email' };
const DE: Words = { reports: 'Berichte', toolbar: ['Bericht erstellen', 'Teilen', 'Herunterladen', 'Filtern'], profile: 'Profil', first: 'Vorname', last: 'Nachname', email: 'E-Mail' };

/** One release of the page: `salt` regenerates classes and ids; `drop` leaves a toolbar button out. */
function pageOf(lang: string, w: Words, salt: string, drop?: number): string {
  const buttons = w.toolbar
    .map((label, i) => (i === drop ? '' : `<button type="button" class="btn css-${salt}${i}" data-key="tool-${i}">${label}</button>`))
    .join('');
  const field = (label: string, key: string, i: number) =>
    `<div class="row-${salt}"><label for="f-${salt}-${i}">${label}</label> <input id="f-${salt}-${i}" type="text" class="in-${salt}" data-key="${key}"></div>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${w.reports}</title></head><body>
<h1>${w.reports}</h1>
<div class="toolbar-${salt}">${buttons}</div>
<h2>${w.profile}</h2>
<form>${field(w.first, 'first', 0)}${field(w.last, 'last', 1)}${field(w.email, 'email', 2)}</form>
</body></html>`;
}

const PAGES: Record<string, string> = {
  '/en': pageOf('en', EN, 'a1'),
  '/de': pageOf('de', DE, 'q7'),
  '/de-without-download': pageOf('de', DE, 'q7', 2),
};


let pages: BundledPages;
let page: Page;

beforeAll(async () => {
  pages = await openBundledPages('content-scripts/targeting/index.ts', 'WaymarkTargeting', Object.fromEntries(Object.entries(PAGES).map(([path, body]) => [path, html(body)])));
  page = pages.page;
});

afterAll(async () => {
  await pages?.close();
});

const open = (path: string) => pages.open(path);

const capture = (keys: string[]) => captureByKey(page, keys);
const locateAll = (fps: unknown[]) => locateByKey(page, fps);

describe('a step authored in English, played on the German UI of the next release', () => {
  it('records the language and the rank among its kind in its group', async () => {
    await open('/en');
    const [download, last] = (await capture(['tool-2', 'last'])) as { lang?: string; ordinal?: [number, number] }[];
    expect(download?.lang).toBe('en');
    expect(download?.ordinal).toEqual([2, 4]);
    expect(last?.lang).toBe('en');
    expect(last?.ordinal).toEqual([1, 3]);
  });

  it('finds translated elements by the place they hold, with other classes and ids', async () => {
    await open('/en');
    const keys = ['tool-0', 'tool-2', 'tool-3', 'first', 'last'];
    const fps = await capture(keys);
    await open('/de');
    expect(await locateAll(fps)).toEqual(keys.map((k) => ['found', k]));
  });

  it('does not anchor to the neighbour that slid into a removed button’s place', async () => {
    await open('/en');
    const fps = await capture(['tool-2']);
    await open('/de-without-download');
    const [[status, key]] = (await locateAll(fps)) as [[string, string | null]];
    expect(status).not.toBe('found');
    expect(key).toBeNull();
  });
});
