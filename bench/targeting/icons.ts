import { GENERIC_ICON, iconForPurpose, REDESIGNED } from './iconVocab';
import { allNodes, type Node } from './model';
import { createRng, fnv, type Rng } from './rng';

/**
 * How an app marks up its icons: the conventions real libraries and design systems render.
 * - `sprite`: an `<svg><use>` pointing into a symbol sheet, in the page (`#icon-trash`, with `href` or
 *   the older `xlink:href`) or an external file, as the Salesforce Lightning Design System does
 *   (`/assets/icons/utility-sprite/svg/symbols.svg#delete`).
 * - `font`: an empty element whose classes pick a glyph of an icon font: Font Awesome 4 / 5 / 6
 *   (`fa fa-trash`, `fas fa-trash`, `fa-solid fa-trash`), Bootstrap Icons (`bi bi-trash`) or an
 *   IcoMoon-style font (`icon icon-trash`).
 * - `ligature`: Material Icons / Material Symbols, where the icon's NAME is the element's text and the
 *   font draws it as a glyph (`<span class="material-icons">delete</span>`; Angular Material's
 *   `<mat-icon>`). The word is in the DOM and in textContent.
 * - `inlineSvg`: the path data inlined, as React icon packages render it: Lucide with its
 *   `lucide lucide-trash-2` classes, Heroicons-style markup with no name anywhere, or Font Awesome's
 *   SVG+JS mode, which replaces each `<i>` by `<svg class="svg-inline--fa fa-trash" data-icon="trash">`.
 * - `img`: an `<img>` of an SVG file whose name carries the bundler's content hash (webpack's
 *   `trash.3f2a9c.svg`, Vite's `trash-D4f2a9cB.svg`), which every build changes.
 * - `none`: no icon library; icon-only buttons keep the generator's `◆` glyph.
 */
export type IconConvention =
  | { kind: 'sprite'; href: 'href' | 'xlink:href'; sheet: 'inline' | 'slds' }
  | { kind: 'font'; family: 'fa4' | 'fa5' | 'fa6' | 'bi' | 'icomoon' }
  | { kind: 'ligature'; family: 'material-icons' | 'material-symbols-outlined' | 'mat-icon' }
  | { kind: 'inlineSvg'; flavor: 'lucide' | 'heroicons' | 'fontawesome' }
  | { kind: 'img'; bundler: 'webpack' | 'vite' }
  | { kind: 'none' };

/** One app's icon habits, drawn once per app from the icon stream. */
export interface IconStyle {
  convention: IconConvention;
  /** Share of text buttons (per component and purpose: rows share theirs) drawn with an icon beside the text. */
  textButtons: number;
  /** Share of navigation menus whose links carry icons. */
  navMenus: number;
  save: 'check' | 'save';
}

/**
 * The icon decisions of one page's release: a random stream of their own, so turning icons on changes
 * no other draw of the generator (structure, names, operators and targets stay as without icons).
 */
export interface IconStream {
  readonly rng: Rng;
  readonly style: IconStyle;
  /** Per `component:purpose`, whether its text buttons carry their icon. */
  readonly decided: Map<string, boolean>;
}

export const NO_ICONS: IconStyle = { convention: { kind: 'none' }, textButtons: 0, navMenus: 0, save: 'save' };

function randomConvention(rng: Rng): IconConvention {
  switch (rng.pick(['sprite', 'font', 'ligature', 'inlineSvg', 'img'] as const)) {
    case 'sprite':
      return rng.chance(0.35) ? { kind: 'sprite', href: rng.pick(['href', 'xlink:href'] as const), sheet: 'slds' } : { kind: 'sprite', href: rng.pick(['href', 'xlink:href'] as const), sheet: 'inline' };
    case 'font':
      return { kind: 'font', family: rng.pick(['fa4', 'fa5', 'fa6', 'bi', 'icomoon'] as const) };
    case 'ligature':
      return { kind: 'ligature', family: rng.pick(['material-icons', 'material-symbols-outlined', 'mat-icon'] as const) };
    case 'inlineSvg':
      return { kind: 'inlineSvg', flavor: rng.pick(['lucide', 'lucide', 'heroicons', 'fontawesome'] as const) };
    case 'img':
      return { kind: 'img', bundler: rng.pick(['webpack', 'vite'] as const) };
  }
}

/** `kind:variant`, for the report (`none`, `font:fa6`, `sprite:slds`, `inlineSvg:lucide`). */
export function conventionLabel(c: IconConvention): string {
  switch (c.kind) {
    case 'none':
      return 'none';
    case 'sprite':
      return `sprite:${c.sheet}`;
    case 'font':
    case 'ligature':
      return `${c.kind}:${c.family}`;
    case 'inlineSvg':
      return `inlineSvg:${c.flavor}`;
    case 'img':
      return `img:${c.bundler}`;
  }
}

const same = (a: IconConvention, b: IconConvention) => JSON.stringify(a) === JSON.stringify(b);

export function randomIconStyle(rng: Rng): IconStyle {
  return {
    convention: rng.chance(0.25) ? { kind: 'none' } : randomConvention(rng),
    textButtons: rng.pick([0, 0.3, 0.6, 0.9]),
    navMenus: rng.pick([0, 0.15, 0.3, 0.5]),
    save: rng.pick(['check', 'save'] as const),
  };
}

/**
 * The icon streams of one page, from its own seed (`label` names the page, e.g. `20240611:page-3`):
 * the app's style and one stream per release. With `enabled` false every app has no icon library.
 */
export function iconStreams(label: string, enabled: boolean): { r1: IconStream; r2: IconStream } {
  const root = createRng(fnv(`${label}:icons`));
  const style = enabled ? randomIconStyle(root) : NO_ICONS;
  return { r1: { rng: root.fork('r1'), style, decided: new Map() }, r2: { rng: root.fork('r2'), style, decided: new Map() } };
}

export const noIconStream = (): IconStream => ({ rng: createRng(0), style: NO_ICONS, decided: new Map() });

export const hasLibrary = (s: IconStream) => s.style.convention.kind !== 'none';

/** The icon a text button of `component` for `purpose` carries beside its text, if any. */
export function textButtonIcon(s: IconStream, component: string, purpose: string): string | undefined {
  const icon = iconForPurpose(purpose, s.style.save);
  if (!hasLibrary(s) || icon === undefined) return undefined;
  const key = `${component}:${purpose}`;
  let shown = s.decided.get(key);
  if (shown === undefined) {
    shown = s.rng.chance(s.style.textButtons);
    s.decided.set(key, shown);
  }
  return shown ? icon : undefined;
}

/** The icon of an icon-only control: its purpose's, or the generic one. */
export function iconOnlyIcon(s: IconStream, purpose: string | undefined): string {
  return (purpose === undefined ? undefined : iconForPurpose(purpose, s.style.save)) ?? GENERIC_ICON;
}

/** Whether the links of a navigation menu carry icons (all of a menu's links or none, as in real menus). */
export function navMenuIcons(s: IconStream): boolean {
  return hasLibrary(s) && s.rng.chance(s.style.navMenus);
}

/**
 * Makes the glyph span of an icon-only control render as `icon` in the app's library. The span stays in
 * the model as it is (text, attributes, uid), so every operator walks, draws and copies the same tree as
 * without an icon library; only its rendering changes.
 */
export function makeIconSlot(glyph: Node, icon: string): void {
  glyph.icon = icon;
  glyph.meta.iconSlot = true;
}

export const navLinkIcon = (s: IconStream, purpose: string) => iconForPurpose(purpose, s.style.save);

/**
 * The icon changes of a release, on release 2's model (mutated in place): a migration to another icon
 * library in about one release in eight (`reicon`: every icon's markup changes, and its names where the
 * libraries name glyphs differently), and in every release each glyph on the page redesigned with a
 * small probability (`redesign`: everywhere it is used). Returns release 2's convention and the names
 * of what was applied.
 */
export function releaseIcons(s: IconStream, nodes: Node[]): { convention: IconConvention; applied: string[] } {
  const applied: string[] = [];
  let convention = s.style.convention;
  if (convention.kind === 'none') return { convention, applied };
  if (s.rng.chance(0.12)) {
    let next = randomConvention(s.rng);
    for (let i = 0; i < 20 && same(next, convention); i++) next = randomConvention(s.rng);
    convention = next;
    applied.push('reicon');
  }
  const used: string[] = [];
  for (const { node } of allNodes(nodes)) if (node.icon !== undefined && !used.includes(node.icon)) used.push(node.icon);
  const redesign = new Map<string, string>();
  for (const icon of used) {
    const to = REDESIGNED[icon];
    if (to !== undefined && s.rng.chance(0.03)) redesign.set(icon, to);
  }
  if (redesign.size > 0) {
    for (const { node } of allNodes(nodes)) if (node.icon !== undefined) node.icon = redesign.get(node.icon) ?? node.icon;
    applied.push('redesign');
  }
  return { convention, applied };
}
