import type { ElementFingerprint, Rect } from '../../src/schema/fingerprint';
import { implicitRole } from '../../src/targeting';
import { adjacentNamesOf } from './adjacentNames';
import { clip, visibleText } from './domText';
import { labelOf } from './elementLabel';
import { iconOf } from './iconOf';
import { createPathCache, pathsOf, type ElementPaths, type PathCache } from './elementPath';
import { createNeighborCache, neighborTextOf, type NeighborCache } from './neighborText';
import { ordinalOf } from './ordinalOf';
import { createScopeCache, scopeOf, type Scope, type ScopeCache } from './scopeOf';

/**
 * The attributes that carry test ids. Only these are read: other `data-*` attributes are application
 * state (and a benchmark's ground-truth marker must stay invisible to the matcher).
 */
export const TEST_ID_ATTRIBUTES = ['data-testid', 'data-test-id', 'data-test', 'data-cy', 'data-qa'] as const;


const BUTTON_INPUT_TYPES = new Set(['button', 'submit', 'reset', 'image']);
/** Elements on which browsers render `placeholder` and `alt`; elsewhere the attributes mean nothing. */
const HAS_PLACEHOLDER = new Set(['input', 'textarea']);
const HAS_ALT = new Set(['img', 'area', 'input']);
const MAX_TEXT = 200;
const MAX_LABELISH = 1024;
const WHITESPACE = /\s+/;

/** Caches shared by all fingerprints of one pass over a page (which must not change during the pass). */
export interface PassCaches {
  readonly paths: PathCache;
  readonly neighbors: NeighborCache;
  readonly scopes: ScopeCache;
}

export function createPassCaches(): PassCaches {
  return { paths: createPathCache(), neighbors: createNeighborCache(), scopes: createScopeCache() };
}

const tags = new Map<string, string>();

/** The schema's tag: lower case, `[a-z][a-z0-9-]*`, at most 64 characters (memoised: few distinct tags). */
function tagOf(el: Element): string {
  const local = el.localName;
  let tag = tags.get(local);
  if (tag === undefined) {
    tag = local.toLowerCase().replace(/[^a-z0-9-]/g, '-');
    if (!/^[a-z]/.test(tag)) tag = 'x-' + tag;
    tag = tag.slice(0, 64);
    if (tags.size < 1000) tags.set(local, tag);
  }
  return tag;
}

function attr(el: Element, name: string, max: number): string | undefined {
  const v = el.getAttribute(name);
  return v === null || v === '' ? undefined : v.length > max ? v.slice(0, max) : v;
}

/** Marks a memo slot not computed yet (`undefined` is a legitimate, frequent value). */
const NOT_YET: unique symbol = Symbol('not yet');
type Memo<T> = T | typeof NOT_YET;

/**
 * A fingerprint read from a live element on demand: each field is computed the first time it is read,
 * then kept. The ranker reads only the fields the target has, and reads the costly ones (paths,
 * neighbour text, geometry) only for candidates that can still win, so on a page of 10,000 elements most
 * fields of most candidates are never computed. Use `materialize` (`materialize.ts`) for a plain JSON copy.
 */
export class LiveFingerprint implements ElementFingerprint {
  readonly tag: string;
  readonly #el: Element;
  #caches: PassCaches;
  #scope: Scope | undefined;
  #id: Memo<string | undefined> = NOT_YET;
  #name: Memo<string | undefined> = NOT_YET;
  #classes: Memo<string[] | undefined> = NOT_YET;
  #role: Memo<string | undefined> = NOT_YET;
  #ariaLabel: Memo<string | undefined> = NOT_YET;
  #label: Memo<string | undefined> = NOT_YET;
  #placeholder: Memo<string | undefined> = NOT_YET;
  #title: Memo<string | undefined> = NOT_YET;
  #type: Memo<string | undefined> = NOT_YET;
  #href: Memo<string | undefined> = NOT_YET;
  #alt: Memo<string | undefined> = NOT_YET;
  #testId: Memo<string | undefined> = NOT_YET;
  #text: Memo<string | undefined> = NOT_YET;
  #neighborText: Memo<string | undefined> = NOT_YET;
  #adjacentNames: Memo<[string, string] | undefined> = NOT_YET;
  #lang: Memo<string | undefined> = NOT_YET;
  #ordinal: Memo<[number, number] | undefined> = NOT_YET;
  #icon: Memo<string | undefined> = NOT_YET;
  #paths: ElementPaths | undefined;
  #rect: Rect | undefined;

  /** `scope` may be passed by a walker that already knows it; otherwise it is looked up. */
  constructor(el: Element, caches: PassCaches, scope?: Scope) {
    this.tag = tagOf(el);
    this.#el = el;
    this.#caches = caches;
    this.#scope = scope;
  }

  /**
   * Readies the fingerprint for another pass over a page that has not changed since (see
   * `pageState.ts`): what the DOM says is kept, geometry and form state (an input's value, a select's
   * choice change without a mutation) are read afresh.
   */
  renew(caches: PassCaches, scope?: Scope): void {
    this.#caches = caches;
    this.#scope = scope;
    this.#rect = undefined;
    if (this.tag === 'input' || this.tag === 'select') this.#text = NOT_YET;
  }

  /**
   * Forgets what was read from text that may have changed (see `pageState.ts`): always what reads other
   * nodes and is read for the leaders only (the label, the neighbours' names, the rank among its kind
   * in its group, the nearest `lang`), and the element's own text and its neighbour text when asked.
   */
  forget(text: boolean, neighborText: boolean): void {
    this.#label = this.#adjacentNames = this.#ordinal = this.#lang = NOT_YET;
    // The icon is read from the element's subtree, as its text is.
    if (text) this.#text = this.#icon = NOT_YET;
    if (neighborText) this.#neighborText = NOT_YET;
  }

  get element(): Element {
    return this.#el;
  }

  get id(): string | undefined {
    if (this.#id === NOT_YET) this.#id = this.#el.id === '' ? undefined : this.#el.id.slice(0, 512);
    return this.#id;
  }
  get name(): string | undefined {
    if (this.#name === NOT_YET) this.#name = attr(this.#el, 'name', 512);
    return this.#name;
  }
  get classes(): string[] | undefined {
    if (this.#classes === NOT_YET) {
      const raw = this.#el.getAttribute('class');
      let out: string[] | undefined;
      if (raw !== null) {
        out = [];
        for (const c of raw.split(WHITESPACE)) if (c !== '' && c.length <= 256 && out.length < 64) out.push(c);
        if (out.length === 0) out = undefined;
      }
      this.#classes = out;
    }
    return this.#classes;
  }
  /** The explicit role's first token, else the implicit role of the tag. */
  get role(): string | undefined {
    if (this.#role === NOT_YET) {
      const explicit = this.#el.getAttribute('role')?.trim().split(WHITESPACE)[0];
      this.#role = (explicit || implicitRole(this.tag, this.type, this.href !== undefined))?.slice(0, 64);
    }
    return this.#role;
  }
  get ariaLabel(): string | undefined {
    if (this.#ariaLabel === NOT_YET) this.#ariaLabel = clip(this.#el.getAttribute('aria-label'), MAX_LABELISH);
    return this.#ariaLabel;
  }
  get label(): string | undefined {
    if (this.#label === NOT_YET) this.#label = labelOf(this.#el, this.#caches.neighbors.labels);
    return this.#label;
  }
  get placeholder(): string | undefined {
    if (this.#placeholder === NOT_YET) {
      // Only fields show a placeholder; not asking the others saves a DOM call per candidate.
      this.#placeholder = HAS_PLACEHOLDER.has(this.tag) ? clip(this.#el.getAttribute('placeholder'), MAX_LABELISH) : undefined;
    }
    return this.#placeholder;
  }
  get title(): string | undefined {
    if (this.#title === NOT_YET) this.#title = clip(this.#el.getAttribute('title'), MAX_LABELISH);
    return this.#title;
  }
  get type(): string | undefined {
    if (this.#type === NOT_YET) {
      const raw = this.#el.getAttribute('type');
      this.#type = raw === null || raw === '' ? undefined : raw.toLowerCase().slice(0, 64);
    }
    return this.#type;
  }
  get href(): string | undefined {
    if (this.#href === NOT_YET) this.#href = attr(this.#el, 'href', 2048);
    return this.#href;
  }
  get alt(): string | undefined {
    if (this.#alt === NOT_YET) this.#alt = HAS_ALT.has(this.tag) ? clip(this.#el.getAttribute('alt'), MAX_LABELISH) : undefined;
    return this.#alt;
  }
  get testId(): string | undefined {
    if (this.#testId === NOT_YET) {
      let v: string | undefined;
      for (const name of TEST_ID_ATTRIBUTES) if ((v = attr(this.#el, name, 512)) !== undefined) break;
      this.#testId = v;
    }
    return this.#testId;
  }
  /** What the user reads on the element itself; form fields' values are user data, not text. */
  get text(): string | undefined {
    if (this.#text === NOT_YET) {
      const el = this.#el;
      if (this.tag === 'input') {
        this.#text = BUTTON_INPUT_TYPES.has(this.type ?? '') ? clip((el as HTMLInputElement).value, MAX_TEXT) : undefined;
      } else if (this.tag === 'select') {
        const option = (el as HTMLSelectElement).selectedOptions?.[0];
        this.#text = option === undefined ? undefined : clip(option.text, MAX_TEXT);
      } else if (this.tag === 'textarea') {
        this.#text = undefined;
      } else {
        this.#text = visibleText(el, MAX_TEXT);
      }
    }
    return this.#text;
  }
  get neighborText(): string | undefined {
    if (this.#neighborText === NOT_YET) this.#neighborText = neighborTextOf(this.#el, this.label !== undefined, this.#caches.neighbors);
    return this.#neighborText;
  }
  /** Read only for the few leading candidates (see `compileTarget`'s evidence): a short DOM walk. */
  get adjacentNames(): [string, string] | undefined {
    if (this.#adjacentNames === NOT_YET) this.#adjacentNames = adjacentNamesOf(this.#el, (x) => new LiveFingerprint(x, this.#caches));
    return this.#adjacentNames;
  }
  /** The nearest `lang` in the element's tree, else around its shadow host: read for leaders only. */
  get lang(): string | undefined {
    if (this.#lang === NOT_YET) {
      let v: string | undefined;
      for (let node: Element | null = this.#el; node !== null && v === undefined; ) {
        v = attr(node.closest('[lang]') ?? node, 'lang', 64);
        const root = node.getRootNode();
        node = v === undefined && root.nodeType === 11 ? (root as ShadowRoot).host : null;
      }
      this.#lang = v;
    }
    return this.#lang;
  }
  /** Read only for the few leading candidates (see `compileTarget`'s evidence): a query or two. */
  get ordinal(): [number, number] | undefined {
    if (this.#ordinal === NOT_YET) this.#ordinal = ordinalOf(this.#el, (x) => new LiveFingerprint(x, this.#caches));
    return this.#ordinal;
  }
  /** Read only for the few leading candidates (see `iconSignal`): a few descendants looked at. */
  get icon(): string | undefined {
    if (this.#icon === NOT_YET) this.#icon = iconOf(this.#el);
    return this.#icon;
  }
  get xpath(): string | undefined {
    return (this.#paths ??= pathsOf(this.#el, this.#caches.paths)).xpath;
  }
  get indexPath(): string | undefined {
    return (this.#paths ??= pathsOf(this.#el, this.#caches.paths)).indexPath;
  }
  /** CSS pixels in the top document's viewport; empty for elements without a box (display: none). */
  get rect(): Rect {
    if (this.#rect === undefined) {
      const scope = this.#scopeOf();
      const r = this.#el.getBoundingClientRect();
      this.#rect = {
        x: Math.round(r.left + scope.offsetX),
        y: Math.round(r.top + scope.offsetY),
        width: Math.round(Math.max(0, r.width)),
        height: Math.round(Math.max(0, r.height)),
      };
    }
    return this.#rect;
  }
  get isButton(): boolean {
    const t = this.tag;
    return t === 'button' || (t === 'input' && BUTTON_INPUT_TYPES.has(this.type ?? '')) || this.role === 'button';
  }
  get framePath(): number[] | undefined {
    const p = this.#scopeOf().framePath;
    return p === undefined ? undefined : [...p];
  }
  get shadowPath(): string[] | undefined {
    const p = this.#scopeOf().shadowPath;
    return p === undefined ? undefined : [...p];
  }

  #scopeOf(): Scope {
    return (this.#scope ??= scopeOf(this.#el, this.#caches.scopes));
  }
}
