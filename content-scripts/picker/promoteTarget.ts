import { INTERACTIVE_ROLES, INTERACTIVE_TAGS } from '../../src/targeting';

/** What the promotion rule reads of an element. */
export interface ElementFacts {
  /** Lower-case tag name. */
  tag: string;
  role: string | null;
  hasHref: boolean;
}

/** How far up from the element under the pointer an operable ancestor is looked for. */
export const MAX_PROMOTE = 5;

/** Containers that end the search: an operable element above them is not what the admin pointed at. */
const BOUNDARIES = new Set(['html', 'body', 'main', 'form', 'section', 'article', 'nav', 'header', 'footer', 'aside', 'table', 'ul', 'ol', 'dialog', 'iframe']);

/** Parts of an inline SVG drawing: pointing at one means pointing at the drawing (an icon). */
const SVG_PARTS = new Set(['path', 'g', 'circle', 'ellipse', 'rect', 'line', 'polyline', 'polygon', 'use', 'text', 'tspan', 'textpath', 'image', 'symbol', 'defs', 'mask', 'clippath', 'lineargradient', 'radialgradient', 'stop']);

/** What a fingerprint's `tag` may hold (its schema): SVG's camelCase names (`textPath`) do not qualify. */
const STORABLE_TAG = /^[a-z][a-z0-9-]{0,63}$/;

function operable(f: ElementFacts): boolean {
  if (f.tag === 'a') return f.hasHref;
  if (INTERACTIVE_TAGS.has(f.tag)) return true;
  const role = f.role?.trim().split(/\s+/)[0];
  return role !== undefined && INTERACTIVE_ROLES.has(role);
}

/**
 * Which element of `chain` the admin means: `chain[0]` is the element under the pointer, then its
 * ancestors nearest first (across shadow hosts). The icon or the <span> inside a button stands for the
 * button, since that is what a step points at and what survives a restyle; an operable element is taken
 * as it is; a part of an SVG drawing stands for the drawing; an element whose tag a fingerprint cannot
 * hold stands for its nearest ancestor that can. Returns an index into `chain`.
 */
export function promoteTarget(chain: readonly ElementFacts[]): number {
  let i = meant(chain);
  while (i < chain.length - 1 && !STORABLE_TAG.test((chain[i] as ElementFacts).tag)) i++;
  return i;
}

function meant(chain: readonly ElementFacts[]): number {
  const first = chain[0];
  if (first === undefined || operable(first)) return 0;
  let svg = -1;
  for (let i = 1; i < chain.length && i <= MAX_PROMOTE; i++) {
    const f = chain[i] as ElementFacts;
    if (BOUNDARIES.has(f.tag)) break;
    if (operable(f)) return i;
    if (f.tag === 'svg' && SVG_PARTS.has(first.tag.toLowerCase())) svg = i;
  }
  return svg >= 0 ? svg : 0;
}
