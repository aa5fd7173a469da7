import { describe, expect, it } from 'vitest';
import { createCtx, randomStyle, type AppStyle } from '../../../bench/targeting/build';
import { generateCorpus } from '../../../bench/targeting/corpus';
import { renderIcon } from '../../../bench/targeting/iconMarkup';
import { releaseIcons, type IconConvention, type IconStream, type IconStyle } from '../../../bench/targeting/icons';
import { renderPage, type Node } from '../../../bench/targeting/model';
import { createRng, type Rng } from '../../../bench/targeting/rng';
import { button, navList } from '../../../bench/targeting/widgets';

const SEED = 20240611;
/** Two pages of each kind. */
const PAGES = 14;

/**
 * Removes every icon form the generator renders (and the glyph spans of apps without a library, and the
 * icon stylesheet), after decoding `srcdoc` frames.
 */
function stripIcons(html: string): string {
  return html
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&')
    .replace(/<svg[^>]*>.*?<\/svg>|<i class="[^"]*" aria-hidden="true"><\/i>|<span class="icon icon-[^"]*" aria-hidden="true"><\/span>|<span class="material-[^"]*" aria-hidden="true">[a-z_]*<\/span>|<mat-icon[^>]*>[a-z_]*<\/mat-icon>|<img src="[^"]*" alt="">/g, '')
    .replace(/<span class="icon" aria-hidden="true">[^<]*<\/span>|<span aria-hidden="true">[^<]*<\/span>/g, '')
    .replace(/svg,img,i\[class[^\n]*\n/g, '');
}

const ICON_MARKUP = /<svg|<mat-icon|material-icons|material-symbols|\/icons\/|class="(fa|fas|fa-solid|bi|icon) (fa|bi|icon)-/;

describe('icons in the targeting corpus', () => {
  it('without icon libraries (WAYMARK_BENCH_ICONS=0) no page has icon markup or an icon release', () => {
    for (const p of generateCorpus(SEED, PAGES, { icons: false })) {
      expect(p.icons).toBe('none');
      expect(ICON_MARKUP.test(p.r1) || ICON_MARKUP.test(p.r2)).toBe(false);
      expect(p.applied.filter((a) => a === 'reicon' || a === 'redesign')).toEqual([]);
      expect(p.targets.some((t) => t.icon)).toBe(false);
    }
  });

  it('icons draw from their own stream: without their markup the pages, targets and operators are those without icons', () => {
    const off = generateCorpus(SEED, PAGES, { icons: false });
    const on = generateCorpus(SEED, PAGES, { icons: true });
    expect(on.filter((p) => ICON_MARKUP.test(p.r1)).length).toBeGreaterThan(PAGES / 2);
    on.forEach((p, i) => {
      const q = off[i];
      expect(q).toBeDefined();
      if (q === undefined) return;
      expect(stripIcons(p.r1)).toBe(stripIcons(q.r1));
      expect(stripIcons(p.r2)).toBe(stripIcons(q.r2));
      expect(p.targets.map((t) => [t.key, t.removed, t.besideCopy])).toEqual(q.targets.map((t) => [t.key, t.removed, t.besideCopy]));
      expect(p.applied.filter((a) => a !== 'reicon' && a !== 'redesign')).toEqual(q.applied);
    });
  });

  it('never puts the ground-truth marker on an icon', () => {
    for (const p of generateCorpus(SEED, PAGES)) {
      for (const html of [p.r1, p.r2]) {
        expect(html).not.toMatch(/<(svg|i|img|mat-icon)\s[^>]*data-bench-key/);
        expect(html).not.toMatch(/<span class="(icon icon-|material-)[^>]*data-bench-key/);
      }
    }
  });
});

const fa6: IconConvention = { kind: 'font', family: 'fa6' };

function ctxWith(icons: Partial<IconStyle>, app: Partial<AppStyle> = {}) {
  const style: IconStyle = { convention: fa6, textButtons: 1, navMenus: 1, save: 'check', ...icons };
  const stream: IconStream = { rng: createRng(7), style, decided: new Map() };
  return createCtx(createRng(3), { ...randomStyle(createRng(5)), iconButtons: 0, divButtons: 0, ...app }, 1, stream);
}

const render = (nodes: Node[], icons: IconConvention, lang?: 'de') => renderPage({ title: 't', body: nodes }, { salt: 'r1', idOffset: 0, keys: new Set(), icons, ...(lang ? { lang } : {}) });

describe('icon choice', () => {
  it('follows the purpose in the library’s own names, and translation leaves it alone', () => {
    const ctx = ctxWith({});
    const nodes = [button(ctx, 'Row', 'Delete'), button(ctx, 'Row', 'Edit'), button(ctx, 'Card', 'Save'), button(ctx, 'Checkout', 'Continue')];
    expect(nodes.map((n) => n.icon)).toEqual(['trash', 'pencil', 'check', undefined]);
    const de = render(nodes, fa6, 'de');
    expect(de).toContain('<i class="fa-solid fa-trash" aria-hidden="true"></i>Löschen');
    expect(de).toContain('<i class="fa-solid fa-pen" aria-hidden="true"></i>Bearbeiten');
    expect(render(nodes, { kind: 'ligature', family: 'material-icons' })).toContain('<span class="material-icons" aria-hidden="true">delete</span>Delete');
  });

  it('gives an icon-only button its purpose’s icon instead of the glyph, and keeps the glyph without a library', () => {
    const withLib = button(ctxWith({}, { iconButtons: 1 }), 'Toolbar', 'Refresh');
    expect(render([withLib], fa6)).toMatch(/aria-label="Refresh"[^>]*><i class="fa-solid fa-arrows-rotate" aria-hidden="true"><\/i><\/button>/);
    const without = button(ctxWith({ convention: { kind: 'none' } }, { iconButtons: 1 }), 'Toolbar', 'Refresh');
    expect(render([without], { kind: 'none' })).toContain('<span class="icon" aria-hidden="true">◆</span></button>');
  });

  it('decides once per component and purpose, so rows share their icons', () => {
    const ctx = ctxWith({ textButtons: 0.5 });
    const rows = Array.from({ length: 30 }, () => [button(ctx, 'GridRow', 'Edit'), button(ctx, 'GridRow', 'Delete')]);
    for (const column of [0, 1]) expect(new Set(rows.map((r) => r[column]?.icon)).size).toBe(1);
  });

  it('puts icons on all of a menu’s links that have one, or on none', () => {
    const nav = navList(ctxWith({ navMenus: 1 }), 'MainNav', [['Home', '/'], ['Reports', '/r'], ['Acme Corp', '/a']]);
    const links = nav.children[0]?.children.map((li) => li.children[0]?.icon);
    expect(links).toEqual(['home', 'chart', undefined]);
    const bare = navList(ctxWith({ navMenus: 0 }), 'MainNav', [['Home', '/']]);
    expect(bare.children[0]?.children[0]?.children[0]?.icon).toBeUndefined();
  });
});

describe('icon markup and releases', () => {
  it('renders each convention as its library does; image file hashes change with the build', () => {
    expect(renderIcon('trash', { kind: 'sprite', href: 'href', sheet: 'inline' }, 'r1', true)).toBe('<svg class="icon" aria-hidden="true" focusable="false"><use href="#icon-trash"></use></svg>');
    expect(renderIcon('trash', { kind: 'sprite', href: 'xlink:href', sheet: 'slds' }, 'r1', false)).toContain('xlink:href="/assets/icons/utility-sprite/svg/symbols.svg#delete"');
    expect(renderIcon('trash', { kind: 'font', family: 'bi' }, 'r1', true)).toBe('<i class="bi bi-trash" aria-hidden="true"></i>');
    expect(renderIcon('trash-2', { kind: 'inlineSvg', flavor: 'lucide' }, 'r1', true)).toContain('class="lucide lucide-trash-2"');
    expect(renderIcon('pencil', { kind: 'inlineSvg', flavor: 'fontawesome' }, 'r1', true)).toMatch(/^<svg class="svg-inline--fa fa-pen" [^>]*data-icon="pen"[^>]*viewBox="0 0 512 512"><path fill="currentColor" d="M\d+ \d+[^"]*"><\/path><\/svg>$/);
    const plain = renderIcon('trash', { kind: 'inlineSvg', flavor: 'heroicons' }, 'r1', true);
    expect(plain).toMatch(/^<svg viewBox="0 0 24 24"[^>]*><path [^>]*d="M\d+ \d+[^"]*"><\/path><\/svg>$/);
    expect(renderIcon('trash', { kind: 'inlineSvg', flavor: 'heroicons' }, 'r2-5', true)).toBe(plain);
    expect(renderIcon('pencil', { kind: 'inlineSvg', flavor: 'heroicons' }, 'r1', true)).not.toBe(plain);
    const img = { kind: 'img', bundler: 'webpack' } as const;
    expect(renderIcon('trash', img, 'r1', true)).toMatch(/^<img src="\/static\/icons\/trash\.[0-9a-f]{6}\.svg" alt="">$/);
    expect(renderIcon('trash', img, 'r1', true)).toBe(renderIcon('trash', img, 'r1', false));
    expect(renderIcon('trash', img, 'r2-17', true)).not.toBe(renderIcon('trash', img, 'r1', true));
  });

  /** A stream whose every draw is `x`: `chance(p)` is `x < p`, `pick` takes the item at `x`. */
  const fixed = (x: number): Rng => ({
    next: () => x,
    int: (lo) => lo,
    chance: (p) => x < p,
    pick: (items) => items[Math.floor(x * items.length)] as (typeof items)[number],
    shuffle: (items) => items,
    fork: () => fixed(x),
  });
  const page = (): Node[] => [
    { uid: 1, tag: 'button', classes: [], attrs: {}, text: 'Delete', icon: 'trash', children: [], meta: { role: 'button', purpose: 'Delete' } },
    { uid: 2, tag: 'button', classes: [], attrs: {}, text: 'Help', icon: 'search', children: [], meta: { role: 'button', purpose: 'Search' } },
  ];

  it('a release may migrate the icon library and redesign glyphs, on the icon stream', () => {
    const style: IconStyle = { convention: fa6, textButtons: 1, navMenus: 0, save: 'save' };
    const changed = page();
    const r = releaseIcons({ rng: fixed(0), style, decided: new Map() }, changed);
    expect(r.applied).toEqual(['reicon', 'redesign']);
    expect(r.convention).not.toEqual(fa6);
    // Redesigned where a related icon exists; others keep their glyph.
    expect(changed.map((n) => n.icon)).toEqual(['trash-2', 'search']);
    const kept = page();
    expect(releaseIcons({ rng: fixed(0.99), style, decided: new Map() }, kept)).toEqual({ convention: fa6, applied: [] });
    expect(kept.map((n) => n.icon)).toEqual(['trash', 'search']);
    expect(releaseIcons({ rng: fixed(0), style: { ...style, convention: { kind: 'none' } }, decided: new Map() }, page()).applied).toEqual([]);
  });
});
