import { analyzeToken, isGeneratedToken } from '../../src/targeting';
import { LIGATURE_ICON } from './domText';

/**
 * The element's own icon as a language-neutral name (the fingerprint's `icon`). Icon libraries mark
 * their icons in a handful of ways, and each says which icon it is without a word of the page's
 * language:
 * - SVG sprites: `<svg><use href="#icon-trash">` (or `xlink:href`, or an external sprite file's
 *   fragment, as Salesforce Lightning's `symbols.svg#delete`);
 * - Font Awesome's SVG mode: `<svg data-icon="trash">`; other libraries' `data-icon` alike;
 * - icon fonts and class-named SVGs: `fa-trash`, `bi-trash`, `glyphicon-trash`, `mdi-delete`,
 *   `lucide-trash-2`, `icon-trash`, `trash-icon`;
 * - ligature fonts: `<span class="material-icons">delete</span>` (Material Icons and Symbols), whose
 *   word is the icon's name drawn as a glyph;
 * - icon images: `<img src="/icons/trash.3f2a9c.svg">`, the file name without the content hash that
 *   bundlers add and change with every release;
 * - anything else drawn inline: `svg-` and a hash of its geometry (the same icon, the same path data).
 *
 * Only the element's own icon counts: the first one among its first descendants, not inside a nested
 * control (a toolbar's buttons each have theirs). Read for leading candidates only.
 */

/** How deep and how many descendants are looked at: an icon sits right inside its control. */
const MAX_DEPTH = 3;
const MAX_VISITED = 24;

/** Elements whose icons are theirs, not the container's. */
const CONTROLS = new Set(['button', 'a', 'input', 'select', 'textarea', 'details', 'summary']);

/**
 * An icon class: a library prefix and the icon's name (`fa-trash`, `bi-trash`, `glyphicon-trash`,
 * `mdi-delete`, `lucide-trash-2`, `icon-trash`, `#icon-trash`), or the name and `-icon`.
 */
const PREFIXED = /^[a-z]{1,10}[-_:](.+)$/;
const SUFFIXED = /^(.+)[-_]icon$/;
/** What an icon class says of how it is drawn, not which: `fa-solid`, `fa-lg`, `fa-fw`, `icon-sm`. */
const MODIFIER = /^(?:solid|regular|light|thin|duotone|brands|sharp|fw|[0-9]*x[sl]?|sm|md|lg|xl|spin|pulse|inverse|border|li|ul|small|large|button|wrapper|only|inline--fa)$/;
/** A content hash a bundler appended to a file name (`trash.3f2a9c`, `trash-3f2a9c1b`). */
const FILE_HASH = /[.\-_](?=[A-Za-z0-9]*\d)[A-Za-z0-9]{6,}$/;

export function iconOf(el: Element): string | undefined {
  let visited = 0;
  const walk = (node: Element, depth: number): string | undefined => {
    for (let child = node.firstElementChild; child !== null && visited < MAX_VISITED; child = child.nextElementSibling) {
      visited++;
      const own = iconName(child);
      if (own !== undefined) return own;
      if (depth < MAX_DEPTH && !CONTROLS.has(child.localName) && child.localName !== 'svg') {
        const inner = walk(child, depth + 1);
        if (inner !== undefined) return inner;
      }
    }
    return undefined;
  };
  return el.localName === 'svg' || el.localName === 'img' ? undefined : walk(el, 1);
}

/** The icon an element is, if it is one. */
function iconName(el: Element): string | undefined {
  const tag = el.localName;
  const data = el.getAttribute('data-icon') ?? el.getAttribute('data-mat-icon-name');
  if (data) return normalise(data);
  if (tag === 'img') return fileName(el.getAttribute('src') ?? '');
  // Icon components of web-component libraries (`<ion-icon name="trash">`, `<sl-icon>`,
  // `<lightning-icon icon-name="utility:delete">`, `<vaadin-icon icon="vaadin:trash">`), or Material's
  // `<md-icon>delete</md-icon>`, whose word is a ligature.
  if (tag.endsWith('-icon')) {
    const named = el.getAttribute('icon-name') ?? el.getAttribute('icon') ?? el.getAttribute('name');
    const src = el.getAttribute('src');
    return named ? normalise(named) : src ? fileName(src) : normalise(el.textContent ?? '');
  }
  const classes = el.getAttribute('class') ?? '';
  if (LIGATURE_ICON.test(classes)) return normalise(el.textContent ?? '');
  if (tag !== 'svg') {
    // An icon font's element is empty (the glyph comes from CSS): a class like `bi-weekly` on text is no icon.
    return classes === '' || (el.textContent ?? '').trim() !== '' ? undefined : classIcon(classes);
  }
  const named = classIcon(classes);
  if (named !== undefined) return named;
  const use = el.querySelector('use');
  const ref = use?.getAttribute('href') ?? use?.getAttribute('xlink:href');
  if (ref) {
    const hash = ref.indexOf('#');
    return hash >= 0 ? normalise(ref.slice(hash + 1)) : fileName(ref);
  }
  return geometryHash(el);
}

/**
 * The first class naming an icon, read without what looks generated (a hash, a CSS-module suffix, a
 * variant number: `lucide-trash-2` names the trash): a hashed class names nothing that lasts.
 */
function classIcon(classes: string): string | undefined {
  for (const raw of classes.split(/\s+/)) {
    const token = analyzeToken(raw).stable;
    const m = PREFIXED.exec(token) ?? SUFFIXED.exec(token);
    if (m?.[1] === undefined || !/^[a-z]/.test(m[1]) || MODIFIER.test(m[1]) || isGeneratedToken(m[1])) continue;
    const name = normalise(m[1]);
    if (name !== undefined) return name;
  }
  return undefined;
}

function fileName(src: string): string | undefined {
  const path = src.split(/[?#]/)[0] ?? '';
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.[a-z]{3,4}$/i, '');
  const name = base.replace(FILE_HASH, '');
  return name === '' || (name === base && FILE_HASH.test(`.${base}`)) ? undefined : normalise(name);
}

/**
 * Lower case, `_` as `-`, the library prefix of a sprite id folded (`icon-trash` is `trash`, as the
 * `fa-trash` class is): one icon, whichever way the app draws it.
 */
function normalise(name: string): string | undefined {
  let n = name.trim().toLowerCase().replace(/_/g, '-').replace(/^-+|-+$/g, '');
  const m = /^(?:icons?|ic|i|svg|sprite|utility|action|[a-z]+(?=:))[-:](.+)$/.exec(n);
  if (m?.[1] !== undefined) n = m[1];
  n = n.slice(0, 64);
  return n === '' || /\s/.test(n) ? undefined : n;
}

/** FNV-1a over the SVG's shapes' geometry (at most the first 2,000 characters). */
function geometryHash(svg: Element): string | undefined {
  let geometry = '';
  for (const shape of svg.querySelectorAll('path, circle, rect, line, polyline, polygon, ellipse')) {
    geometry += `${shape.localName}:${shape.getAttribute('d') ?? shape.getAttribute('points') ?? ''};`;
    if (geometry.length > 2000) break;
  }
  if (geometry === '') return undefined;
  let h = 0x811c9dc5;
  for (let i = 0; i < Math.min(geometry.length, 2000); i++) h = Math.imul(h ^ geometry.charCodeAt(i), 0x01000193);
  return `svg-${(h >>> 0).toString(36)}`;
}
