import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundledPages, type BundledPages } from './support/bundledPage';
import { captureByKey, locateByKey } from './support/locateByKey';
import { html } from './support/pageServer';

/**
 * Icons as the fingerprint reads them (`icon`, see `content-scripts/targeting/iconOf.ts`), in the
 * markup of the icon libraries host apps use, and what they are worth on a translated page whose
 * toolbar buttons also traded places: the words changed, the icons did not. In real Chromium, from
 * capture (as the picker does) to locate.
 */

const TRASH_PATH = 'M3 6h18M8 6V4h8v2m-9 0 1 14h8l1-14';
const PEN_PATH = 'M4 20h4L19 9l-4-4L4 16v4z';

const CONVENTIONS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Icons</title></head><body>
<svg style="display:none"><symbol id="icon-trash" viewBox="0 0 24 24"><path d="${TRASH_PATH}"/></symbol></svg>
<button data-key="sprite"><svg class="icon" aria-hidden="true"><use href="#icon-trash"></use></svg> Delete</button>
<button data-key="xlink"><svg aria-hidden="true"><use xlink:href="#icon-trash"></use></svg> Delete</button>
<button data-key="external"><svg aria-hidden="true"><use href="/assets/icons/utility-sprite/svg/symbols.svg#delete"></use></svg> Delete</button>
<button data-key="font"><i class="fa-solid fa-trash fa-fw" aria-hidden="true"></i> Delete</button>
<button data-key="bootstrap"><i class="bi bi-trash"></i> Delete</button>
<button data-key="fa-svg"><svg class="svg-inline--fa" data-prefix="fas" data-icon="trash" aria-hidden="true"><path d="${TRASH_PATH}"/></svg> Delete</button>
<button data-key="lucide"><svg class="lucide lucide-trash-2" viewBox="0 0 24 24"><path d="${TRASH_PATH}"/></svg> Delete</button>
<button data-key="ligature"><span class="material-icons" aria-hidden="true">delete</span> Delete</button>
<button data-key="symbols"><span class="notranslate material-symbols-outlined">delete_forever</span></button>
<button data-key="img"><img src="/static/icons/trash.3f2a9c81.svg" alt=""> Delete</button>
<button data-key="ion"><ion-icon name="trash-outline" aria-hidden="true"></ion-icon> Delete</button>
<button data-key="lightning"><lightning-icon icon-name="utility:delete" size="x-small"></lightning-icon> Delete</button>
<button data-key="vaadin"><vaadin-icon icon="vaadin:trash"></vaadin-icon> Delete</button>
<button data-key="md"><md-icon aria-hidden="true">delete</md-icon> Delete</button>
<button data-key="inline-a"><svg viewBox="0 0 24 24"><path d="${TRASH_PATH}"/></svg> Delete</button>
<button data-key="inline-b"><span><svg viewBox="0 0 24 24"><path d="${TRASH_PATH}"/></svg></span> Remove</button>
<button data-key="inline-c"><svg viewBox="0 0 24 24"><path d="${PEN_PATH}"/></svg> Edit</button>
<button data-key="plain">Delete</button>
<button data-key="word-class"><span class="bi-weekly">Every other week</span></button>
<button data-key="hashed"><span class="css-1x2y3z _icon_9wkgw_120"></span> Delete</button>
<div data-key="toolbar"><button><i class="fa fa-pen"></i> Edit</button><button><i class="fa fa-trash"></i> Delete</button></div>
</body></html>`;

interface Words {
  title: string;
  toolbar: [string, string, string, string];
}

const EN: Words = { title: 'Reports', toolbar: ['Create report', 'Share', 'Download', 'Filter'] };
const DE: Words = { title: 'Berichte', toolbar: ['Bericht erstellen', 'Teilen', 'Herunterladen', 'Filtern'] };
const ICONS = ['plus', 'share', 'download', 'filter'];

/**
 * One release of a toolbar whose buttons carry Font Awesome icons; `order` lists the buttons by their
 * place (the release can swap two), `salt` regenerates classes. Every button has the same classes.
 */
function toolbar(lang: string, w: Words, salt: string, order = [0, 1, 2, 3]): string {
  const buttons = order
    .map((i) => `<button type="button" class="btn css-${salt}" data-key="tool-${i}"><i class="fa fa-${ICONS[i]}" aria-hidden="true"></i> ${w.toolbar[i]}</button>`)
    .join('');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${w.title}</title></head><body>
<h1>${w.title}</h1><div class="toolbar-${salt}">${buttons}</div></body></html>`;
}

const PAGES: Record<string, string> = {
  '/conventions': CONVENTIONS,
  '/en': toolbar('en', EN, 'a1'),
  '/de': toolbar('de', DE, 'q7'),
  '/de-swapped': toolbar('de', DE, 'q7', [0, 2, 1, 3]),
  '/de-swapped-without-download': toolbar('de', DE, 'q7', [0, 1, 3]),
  // A second download button (another section's) after the toolbar: the icon is no longer the target's alone.
  '/de-swapped-two-downloads': toolbar('de', DE, 'q7', [0, 2, 1, 3]).replace('</body>', `<h2>Archiv</h2><button type="button" class="btn css-q7"><i class="fa fa-download" aria-hidden="true"></i> Archiv herunterladen</button></body>`),
};

type Captured = { icon?: string; text?: string; uniqueBy?: string[] };

let pages: BundledPages;
let page: Page;

beforeAll(async () => {
  pages = await openBundledPages('content-scripts/targeting/index.ts', 'WaymarkTargeting', Object.fromEntries(Object.entries(PAGES).map(([path, body]) => [path, html(body)])));
  page = pages.page;
});

afterAll(async () => {
  await pages?.close();
});

const capture = (keys: string[]) => captureByKey<Captured>(page, keys);
const locateAll = (fps: unknown[]) => locateByKey(page, fps);

describe('the icon a fingerprint records', () => {
  it('reads the icon name from sprites, icon fonts, Font Awesome and Lucide SVGs, ligatures, hashed image files and icon components (variant numbers and hashes left out)', async () => {
    await pages.open('/conventions');
    const keys = ['sprite', 'xlink', 'external', 'font', 'bootstrap', 'fa-svg', 'lucide', 'ligature', 'symbols', 'img', 'ion', 'lightning', 'vaadin', 'md'];
    const icons = (await capture(keys)).map((f) => f.icon);
    expect(Object.fromEntries(keys.map((k, i) => [k, icons[i]]))).toEqual({
      sprite: 'trash',
      xlink: 'trash',
      external: 'delete',
      font: 'trash',
      bootstrap: 'trash',
      'fa-svg': 'trash',
      lucide: 'trash',
      ligature: 'delete',
      symbols: 'delete-forever',
      img: 'trash',
      ion: 'trash-outline',
      lightning: 'delete',
      vaadin: 'trash',
      md: 'delete',
    });
  });

  it('names an inline SVG by its geometry: the same drawing the same icon, another drawing another', async () => {
    await pages.open('/conventions');
    const [a, b, c] = await capture(['inline-a', 'inline-b', 'inline-c']);
    expect(a?.icon).toMatch(/^svg-[0-9a-z]+$/);
    expect(b?.icon).toBe(a?.icon);
    expect(c?.icon).toMatch(/^svg-[0-9a-z]+$/);
    expect(c?.icon).not.toBe(a?.icon);
  });

  it('records no icon for a button without one, a word class on text, a container of controls, or hashed classes', async () => {
    await pages.open('/conventions');
    const fps = await capture(['plain', 'word-class', 'toolbar', 'hashed']);
    expect(fps.map((f) => f.icon)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('does not read a ligature icon’s word as the button’s text', async () => {
    await pages.open('/conventions');
    const [ligature, md] = await capture(['ligature', 'md']);
    expect(ligature?.text).toBe('Delete');
    expect(md?.text).toBe('Delete');
  });
});

describe('a translated toolbar whose buttons also traded places', () => {
  it('anchors to the button with the target’s icon, not to the one that took its place', async () => {
    await pages.open('/en');
    const keys = ['tool-1', 'tool-2'];
    const fps = await capture(keys);
    expect(fps.map((f) => f.uniqueBy?.includes('icon'))).toEqual([true, true]);
    await pages.open('/de-swapped');
    expect(await locateAll(fps)).toEqual(keys.map((k) => ['found', k]));
    // Unswapped, the same buttons are found by the place they hold, as without icons.
    await pages.open('/de');
    expect(await locateAll(fps)).toEqual(keys.map((k) => ['found', k]));
  });

  it('does not anchor a removed button, nor pick between two that carry its icon', async () => {
    await pages.open('/en');
    const fps = await capture(['tool-2']);
    await pages.open('/de-swapped-without-download');
    expect(await locateAll(fps)).toEqual([['missing', null]]);
    await pages.open('/de-swapped-two-downloads');
    const [[status]] = (await locateAll(fps)) as [[string, string | null]];
    expect(status).not.toBe('found');
  });
});
