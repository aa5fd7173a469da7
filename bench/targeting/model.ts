import { ICON_CSS, renderIcon } from './iconMarkup';
import type { IconConvention } from './icons';
import { fnv } from './rng';
import { translate, type Language } from './vocab';

/**
 * The generator's page model: a tree rendered to HTML once per release. Class names and ids are kept
 * symbolic (a component's hashed class, a framework's counter id) so that a release can regenerate them
 * the way real build tools do, and every node has a `uid` that follows it across releases: the ground
 * truth, rendered as `data-bench-key` only on the nodes chosen as targets.
 */
export type HashScheme = 'emotion' | 'emotionLabel' | 'cssModules' | 'viteModules' | 'styled' | 'jss' | 'stylex' | 'svelte';
export type IdScheme = 'react' | 'react19' | 'ember' | 'angular' | 'uuid' | 'extjs' | 'salesforce' | 'radix';

export type ClassToken = { kind: 'written'; value: string } | { kind: 'hashed'; base: string; scheme: HashScheme };
export type IdSpec = { kind: 'written'; value: string } | { kind: 'generated'; scheme: IdScheme; base: string };

export interface Node {
  uid: number;
  tag: string;
  classes: ClassToken[];
  id?: IdSpec;
  /** Literal attributes; `placeholder`, `aria-label`, `title`, `alt` and `value` are translated. */
  attrs: Record<string, string>;
  /** Text rendered before the children. */
  text?: string;
  /**
   * The icon the element carries (a canonical name from `iconVocab`) in the release's icon convention:
   * on a control, rendered before its text (not a child node: the tree stays as without icons); on an
   * icon slot (`meta.iconSlot`), the slot renders as the icon's markup alone.
   */
  icon?: string;
  children: Node[];
  /** Content of an open declarative shadow root. */
  shadow?: Node[];
  /** Body of a same-origin `srcdoc` iframe. */
  frame?: Node[];
  /** `<label for>` and `aria-labelledby`, by uid: resolved to whatever id the target renders with. */
  refs?: { for?: number; labelledby?: number };
  meta: NodeMeta;
}

export interface NodeMeta {
  /** May be chosen as a benchmark target. */
  target?: boolean;
  /** A region that can receive moved elements and decoys (a card, a panel, a toolbar). */
  section?: boolean;
  /** Children can be reordered by a release. */
  reorder?: boolean;
  /** What the element is for, for mutation operators (e.g. 'button', 'field', 'link'). */
  role?: string;
  /** What a control does (its English name as the page was written), which its icon follows. */
  purpose?: string;
  /**
   * The glyph span of an icon-only control in an app with an icon library: rendered as `icon` instead of
   * itself (its text and attributes are kept for the operators, which must see the same tree).
   */
  iconSlot?: boolean;
}

export interface Page {
  title: string;
  body: Node[];
}

export interface Release {
  /** Changing the salt regenerates every hashed class. */
  salt: string;
  /** Where counter-based ids start (another release renders more or fewer components first). */
  idOffset: number;
  lang?: Language;
  /** Uids rendered with `data-bench-key`. */
  keys: ReadonlySet<number>;
  /** How icons are marked up; without one (or `none`) the page has no icon library. */
  icons?: IconConvention;
}

const B36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function encode(seed: string, alphabet: string, length: number): string {
  let h = fnv(seed);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += alphabet[h % alphabet.length];
    h = Math.imul(h ^ (h >>> 13), 2654435761) >>> 0;
    if (h === 0) h = fnv(seed + i);
  }
  return out;
}

/** Class names a hashed token renders to: build tools' real formats. */
export function renderHashed(t: { base: string; scheme: HashScheme }, salt: string): string[] {
  const seed = `${salt}:${t.scheme}:${t.base}`;
  const [component = 'C', local = 'root'] = t.base.split('_');
  switch (t.scheme) {
    case 'emotion':
      return [`css-${encode(seed, B36, 7)}`];
    case 'emotionLabel':
      return [`css-${encode(seed, B36, 6)}-${component}`];
    case 'cssModules':
      return [`${component}_${local}__${encode(seed, B64, 5)}`];
    case 'viteModules':
      return [`_${local}_${encode(seed, B36, 5)}_${(fnv(seed) % 180) + 3}`];
    case 'styled':
      return [`sc-${encode(seed, LETTERS, 6)}`, encode(seed + '2', LETTERS, 6)];
    case 'jss':
      return fnv(seed) % 2 === 0 ? [`makeStyles-${local}-${(fnv(seed) % 400) + 1}`] : [`jss${(fnv(seed) % 900) + 10}`];
    case 'stylex':
      return [0, 1, 2].map((i) => 'x' + encode(`${seed}:${i}`, B36, 7));
    case 'svelte':
      return [`svelte-${encode(seed, B36, 6)}`];
  }
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

const VOID = new Set(['input', 'img', 'br', 'hr', 'meta', 'link']);
const TRANSLATED = new Set(['placeholder', 'aria-label', 'title', 'alt', 'value']);

/** Assigns every node's rendered id in document order, one counter space per document. */
function assignIds(nodes: readonly Node[], release: Release, ids: Map<number, string>): void {
  const counters = new Map<string, number>();
  const next = (key: string) => {
    const n = counters.get(key) ?? 0;
    counters.set(key, n + 1);
    return n;
  };
  const visit = (n: Node) => {
    if (n.id?.kind === 'written') ids.set(n.uid, n.id.value);
    else if (n.id?.kind === 'generated') {
      const { scheme, base } = n.id;
      const o = release.idOffset;
      let id: string;
      if (scheme === 'react') id = `:r${(next('react') + o).toString(32)}:`;
      else if (scheme === 'react19') id = `«r${(next('react') + o).toString(32)}»`;
      else if (scheme === 'ember') id = `ember${next('ember') + 200 + o * 7}`;
      else if (scheme === 'angular') id = `mat-${base}-${next(base) + o}`;
      else if (scheme === 'extjs') id = `${base}-${next('ext') + 1010 + o * 3}`;
      else if (scheme === 'salesforce') id = `${base}-${next('sf') + 40 + o * 2}`;
      else if (scheme === 'radix') id = `radix-:r${(next('react') + o).toString(32)}:`;
      else {
        const h = encode(`${release.salt}:${n.uid}`, '0123456789abcdef', 32);
        id = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
      }
      ids.set(n.uid, id);
    }
    n.shadow?.forEach(visit);
    n.children.forEach(visit);
    if (n.frame) assignIds(n.frame, release, ids);
  };
  nodes.forEach(visit);
}

const PAGE_CSS = `
*{box-sizing:border-box}body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222}
header,nav,.bar,[role=toolbar]{display:flex;gap:6px;align-items:center;padding:6px 10px;flex-wrap:wrap}
nav a,nav button{padding:4px 8px}main{display:block;padding:10px}section,article,aside,fieldset,.card,[role=dialog]{display:block;margin:8px 0;padding:8px;border:1px solid #ddd}
aside{float:right;width:30%}table{border-collapse:collapse;width:100%}td,th{border:1px solid #eee;padding:3px 6px;text-align:left}
button,[role=button],[role=tab],[role=menuitem]{display:inline-block;padding:4px 10px;margin:2px;border:1px solid #999;background:#f4f4f4;cursor:pointer}
input,select,textarea{margin:2px 4px;padding:3px}label{margin-right:4px}ul,ol{margin:4px 0;padding-left:20px}li{margin:2px 0}
iframe{width:100%;height:260px;border:1px solid #ccc}[role=dialog]{background:#fff;box-shadow:0 2px 8px #0003}
h1{font-size:20px}h2{font-size:17px}h3{font-size:15px}h1,h2,h3,h4{margin:6px 0}.row{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
`;

/** The page stylesheet, with icon sizing when the app has an icon library. */
function pageCss(release: Release): string {
  return release.icons === undefined || release.icons.kind === 'none' ? PAGE_CSS : PAGE_CSS + ICON_CSS;
}

function renderNodes(nodes: readonly Node[], release: Release, ids: ReadonlyMap<number, string>): string {
  const tr = (s: string) => (release.lang ? translate(s, release.lang) : s);
  const icons = release.icons ?? { kind: 'none' };
  const render = (n: Node): string => {
    if (n.meta.iconSlot) return n.icon === undefined ? '' : renderIcon(n.icon, icons, release.salt, false);
    const attrs: string[] = [];
    const id = ids.get(n.uid);
    if (id !== undefined) attrs.push(`id="${escapeAttr(id)}"`);
    const classes = n.classes.flatMap((c) => (c.kind === 'written' ? [c.value] : renderHashed(c, release.salt)));
    if (classes.length > 0) attrs.push(`class="${escapeAttr(classes.join(' '))}"`);
    for (const [k, v] of Object.entries(n.attrs)) attrs.push(`${k}="${escapeAttr(TRANSLATED.has(k) ? tr(v) : v)}"`);
    const forId = n.refs?.for === undefined ? undefined : ids.get(n.refs.for);
    if (forId !== undefined) attrs.push(`for="${escapeAttr(forId)}"`);
    const byId = n.refs?.labelledby === undefined ? undefined : ids.get(n.refs.labelledby);
    if (byId !== undefined) attrs.push(`aria-labelledby="${escapeAttr(byId)}"`);
    if (release.keys.has(n.uid)) attrs.push(`data-bench-key="${n.uid}"`);
    if (n.frame) attrs.push(`srcdoc="${escapeAttr(renderDocument({ title: 'frame', body: n.frame }, release, ids))}"`);
    const open = `<${n.tag}${attrs.length ? ' ' + attrs.join(' ') : ''}>`;
    if (VOID.has(n.tag)) return open;
    const shadow = n.shadow ? `<template shadowrootmode="open"><style>${pageCss(release)}</style>${n.shadow.map(render).join('')}</template>` : '';
    const icon = n.icon === undefined ? '' : renderIcon(n.icon, icons, release.salt, n.text !== undefined);
    return `${open}${shadow}${icon}${n.text !== undefined ? escapeText(tr(n.text)) : ''}${n.children.map(render).join('')}</${n.tag}>`;
  };
  return nodes.map(render).join('\n');
}

function renderDocument(page: Page, release: Release, ids: ReadonlyMap<number, string>): string {
  const lang = release.lang ?? 'en';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeText(page.title)}</title><style>${pageCss(release)}</style></head><body>${renderNodes(page.body, release, ids)}</body></html>`;
}

export function renderPage(page: Page, release: Release): string {
  const ids = new Map<number, string>();
  assignIds(page.body, release, ids);
  return renderDocument(page, release, ids);
}

/** Every node with its parent's child list, depth first (shadow and frame content included). */
export function* allNodes(nodes: Node[]): Generator<{ node: Node; siblings: Node[] }> {
  for (const node of nodes) {
    yield { node, siblings: nodes };
    if (node.shadow) yield* allNodes(node.shadow);
    yield* allNodes(node.children);
    if (node.frame) yield* allNodes(node.frame);
  }
}

export function cloneTree<T>(value: T): T {
  return structuredClone(value);
}
