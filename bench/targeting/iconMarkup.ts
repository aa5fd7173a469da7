import type { IconConvention } from './icons';
import { iconName } from './iconVocab';
import { fnv } from './rng';

const SVG_NS = 'xmlns="http://www.w3.org/2000/svg"';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A deterministic stream of 32-bit numbers from `seed` (xorshift over its FNV hash). */
function numbers(seed: string): () => number {
  let h = fnv(seed) || 1;
  return () => {
    h ^= h << 13;
    h ^= h >>> 17;
    h ^= h << 5;
    return h >>> 0;
  };
}

/**
 * Path data for `icon` on a 24-unit grid (`scale` times that: Font Awesome draws on 512), the same on every page and release (a glyph's drawing is part
 * of the icon, not of the build): one to three strokes, each a move and a few relative lines, the way
 * Lucide's and Heroicons' paths read (`M3 6h18`, `m19 6-1 14H6L5 6`).
 */
export function pathsOf(icon: string, scale = 1): string[] {
  const n = numbers(`path:${icon}`);
  const coord = () => (2 + (n() % 21)) * scale;
  const delta = () => {
    const d = (n() % 17) - 8;
    return (d === 0 ? 4 : d) * scale;
  };
  const out: string[] = [];
  for (let i = 1 + (n() % 3); i > 0; i--) {
    let d = `M${coord()} ${coord()}`;
    for (let j = 1 + (n() % 3); j > 0; j--) {
      const c = n() % 4;
      d += c === 0 ? `h${delta()}` : c === 1 ? `v${delta()}` : c === 2 ? `l${delta()} ${delta()}` : `a2 2 0 0 1 ${delta()} ${delta()}`;
    }
    out.push(d);
  }
  return out;
}

function contentHash(seed: string, alphabet: string, length: number): string {
  const n = numbers(seed);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[n() % alphabet.length];
  return out;
}

/**
 * The markup of `icon` in `convention`, as the library renders it inside a control. `beside` says the
 * control has text too (design systems give the icon a spacing class then). `salt` is the build's: it
 * changes image files' content hashes. Every icon is `aria-hidden` (the control's name is its text or
 * its aria-label) and never carries the ground-truth marker. Icon names are plain `[a-z0-9_-]` words
 * (checked in `iconVocab`), so nothing here needs escaping.
 */
export function renderIcon(icon: string, convention: IconConvention, salt: string, beside: boolean): string {
  switch (convention.kind) {
    case 'none':
      return '';
    case 'sprite': {
      const href = convention.sheet === 'slds' ? `/assets/icons/utility-sprite/svg/symbols.svg#${iconName(icon, 'slds')}` : `#icon-${iconName(icon, 'generic')}`;
      const cls = convention.sheet === 'slds' ? (beside ? 'slds-button__icon slds-button__icon_left' : 'slds-button__icon') : 'icon';
      return `<svg class="${cls}" aria-hidden="true" focusable="false"><use ${convention.href}="${href}"></use></svg>`;
    }
    case 'font': {
      const f = convention.family;
      if (f === 'bi') return `<i class="bi bi-${iconName(icon, 'bi')}" aria-hidden="true"></i>`;
      if (f === 'icomoon') return `<span class="icon icon-${iconName(icon, 'generic')}" aria-hidden="true"></span>`;
      const prefix = f === 'fa4' ? 'fa' : f === 'fa5' ? 'fas' : 'fa-solid';
      return `<i class="${prefix} fa-${iconName(icon, 'fa')}" aria-hidden="true"></i>`;
    }
    case 'ligature': {
      const name = iconName(icon, 'material');
      if (convention.family === 'mat-icon') return `<mat-icon role="img" class="mat-icon notranslate material-icons mat-icon-no-color" aria-hidden="true" data-mat-icon-type="font">${name}</mat-icon>`;
      return `<span class="${convention.family}" aria-hidden="true">${name}</span>`;
    }
    case 'inlineSvg': {
      if (convention.flavor === 'fontawesome') {
        const name = iconName(icon, 'fa');
        return `<svg class="svg-inline--fa fa-${name}" aria-hidden="true" focusable="false" data-prefix="fas" data-icon="${name}" role="img" ${SVG_NS} viewBox="0 0 512 512"><path fill="currentColor" d="${pathsOf(icon, 21).join('')}"></path></svg>`;
      }
      const paths = pathsOf(icon);
      if (convention.flavor === 'lucide') {
        const body = paths.map((d) => `<path d="${d}"></path>`).join('');
        return `<svg ${SVG_NS} width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" class="lucide lucide-${iconName(icon, 'lucide')}" aria-hidden="true">${body}</svg>`;
      }
      return `<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.5" aria-hidden="true"><path stroke-linecap="round" stroke-linejoin="round" d="${paths.join('')}"></path></svg>`;
    }
    case 'img': {
      const name = iconName(icon, 'generic');
      if (convention.bundler === 'vite') return `<img src="/assets/${name}-${contentHash(`${salt}:${name}`, B64URL, 8)}.svg" alt="">`;
      return `<img src="/static/icons/${name}.${contentHash(`${salt}:${name}`, '0123456789abcdef', 6)}.svg" alt="">`;
    }
  }
}

/**
 * Sizes icons as the libraries' own stylesheets do (1em, aligned with the text); only pages with an icon
 * library get it, so a corpus without icons renders as before.
 */
export const ICON_CSS = `svg,img,i[class*="fa"],i.bi,.icon,.material-icons,.material-symbols-outlined,mat-icon{display:inline-block;width:1em;height:1em;vertical-align:-.125em;margin-right:.3em;overflow:hidden;font-size:inherit}
`;
