import { noIconStream, type IconStream } from './icons';
import type { ClassToken, HashScheme, IdScheme, Node, NodeMeta } from './model';
import type { Rng } from './rng';

/**
 * How one host application names and structures things. Each generated page draws one at random, so the
 * corpus covers CSS-in-JS hashes, CSS modules, BEM, utility classes, framework counter ids, test-id
 * conventions, label styles and web components in many combinations.
 */
export interface AppStyle {
  written: 'bem' | 'semantic' | 'utility' | 'none';
  hash: HashScheme | null;
  /** Ids on form controls. */
  controlIds: 'written' | IdScheme | 'none';
  /** Ember-style apps put a generated id on every component element. */
  everyId: IdScheme | null;
  testIdAttr: string | null;
  testIdRate: number;
  testIdFormat: 'kebab' | 'camel' | 'snake';
  names: boolean;
  labels: readonly ('for' | 'wrap' | 'aria' | 'placeholder' | 'adjacent')[];
  iconButtons: number;
  webComponents: boolean;
  /** Share of buttons rendered as `<div role=button>` or `<a role=button>`. */
  divButtons: number;
}

export function randomStyle(rng: Rng): AppStyle {
  const hash = rng.pick<HashScheme | null>([null, 'emotion', 'emotionLabel', 'cssModules', 'viteModules', 'styled', 'jss', 'stylex', 'svelte']);
  const labelStyles = rng.shuffle(['for', 'wrap', 'aria', 'placeholder', 'adjacent'] as const).slice(0, rng.int(1, 3));
  const testIdAttr = rng.chance(0.4) ? rng.pick(['data-testid', 'data-test', 'data-cy', 'data-qa', 'data-test-id']) : null;
  return {
    written: hash === 'stylex' || hash === 'emotion' ? rng.pick(['none', 'utility'] as const) : rng.pick(['bem', 'semantic', 'utility', 'none'] as const),
    hash,
    controlIds: rng.pick(['written', 'written', 'none', 'react', 'react19', 'angular', 'uuid', 'salesforce', 'radix'] as const),
    everyId: rng.chance(0.15) ? rng.pick(['ember', 'extjs'] as const) : null,
    testIdAttr,
    testIdRate: rng.pick([0.3, 0.6, 0.9]),
    testIdFormat: rng.pick(['kebab', 'camel', 'snake'] as const),
    names: rng.chance(0.7),
    labels: labelStyles,
    iconButtons: rng.pick([0, 0, 0.15, 0.3]),
    webComponents: rng.chance(0.3),
    divButtons: rng.pick([0, 0, 0.1, 0.3]),
  };
}

export interface Ctx {
  readonly rng: Rng;
  readonly style: AppStyle;
  /** Icon decisions draw from here, never from `rng`: see `IconStream`. */
  readonly icons: IconStream;
  uid(): number;
}

export function createCtx(rng: Rng, style: AppStyle, firstUid = 1, icons: IconStream = noIconStream()): Ctx {
  let next = firstUid;
  return { rng, style, icons, uid: () => next++ };
}

const words = (s: string) => s.replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ').filter(Boolean).map((w) => w.toLowerCase());
export const kebab = (s: string) => words(s).join('-');
export const camel = (s: string) => words(s).map((w, i) => (i === 0 ? w : w[0]?.toUpperCase() + w.slice(1))).join('');
export const snake = (s: string) => words(s).join('_');
const pascal = (s: string) => words(s).map((w) => (w[0]?.toUpperCase() ?? '') + w.slice(1)).join('');

const UTILITY: Record<string, string> = {
  button: 'inline-flex items-center px-3 py-1 rounded border text-sm',
  primary: 'inline-flex items-center px-3 py-1 rounded bg-blue-600 text-white text-sm',
  link: 'text-blue-700 hover:underline',
  field: 'border rounded px-2 py-1 w-full',
  tab: 'px-4 py-2 border-b-2',
  section: 'p-4 rounded-lg shadow bg-white',
  other: 'flex gap-2',
};

/**
 * Class tokens for an element of `component` playing `part` (a styling name like `button`) for
 * `purpose` (what it does, like `save`): real code names classes after the styling part mostly, after
 * the purpose sometimes.
 */
export function classesFor(ctx: Ctx, component: string, part: string, purpose: string, variant = 'default'): ClassToken[] {
  const { rng, style } = ctx;
  const local = rng.chance(0.3) ? `${purpose} ${part}` : part;
  const out: ClassToken[] = [];
  if (style.written === 'bem') {
    out.push({ kind: 'written', value: `${kebab(component)}__${kebab(local)}` });
    if (variant !== 'default') out.push({ kind: 'written', value: `${kebab(component)}__${kebab(local)}--${variant}` });
  } else if (style.written === 'semantic') {
    out.push({ kind: 'written', value: kebab(local) });
    if (part === 'button') out.push({ kind: 'written', value: 'btn' }, { kind: 'written', value: `btn-${variant === 'default' ? 'secondary' : variant}` });
  } else if (style.written === 'utility') {
    const key = part === 'button' && variant === 'primary' ? 'primary' : part in UTILITY ? part : 'other';
    for (const c of (UTILITY[key] ?? '').split(' ')) out.push({ kind: 'written', value: c });
  }
  if (style.hash !== null) {
    const base = style.hash === 'stylex' ? `${part}_${variant}` : `${pascal(component)}_${camel(local)}`;
    out.push({ kind: 'hashed', base, scheme: style.hash });
  }
  return out;
}

export function testIdValue(ctx: Ctx, purpose: string): string {
  const f = ctx.style.testIdFormat;
  return f === 'kebab' ? kebab(purpose) : f === 'camel' ? camel(purpose) : snake(purpose);
}

export interface ElOptions {
  component?: string;
  part?: string;
  purpose?: string;
  variant?: string;
  attrs?: Record<string, string>;
  text?: string;
  children?: Node[];
  meta?: NodeMeta;
  /** Add a test id (subject to the app's test-id rate). */
  testId?: boolean;
  id?: Node['id'];
  classes?: ClassToken[];
}

export function el(ctx: Ctx, tag: string, o: ElOptions = {}): Node {
  const component = o.component ?? 'App';
  const part = o.part ?? tag;
  const purpose = o.purpose ?? part;
  const attrs = { ...(o.attrs ?? {}) };
  if (o.testId && ctx.style.testIdAttr && ctx.rng.chance(ctx.style.testIdRate)) attrs[ctx.style.testIdAttr] = testIdValue(ctx, `${purpose} ${part}`);
  const node: Node = {
    uid: ctx.uid(),
    tag,
    classes: o.classes ?? (o.part ? classesFor(ctx, component, part, purpose, o.variant) : []),
    attrs,
    children: o.children ?? [],
    meta: o.meta ?? {},
  };
  const id = o.id ?? (ctx.style.everyId && o.part ? { kind: 'generated' as const, scheme: ctx.style.everyId, base: part } : undefined);
  if (id) node.id = id;
  if (o.text !== undefined) node.text = o.text;
  return node;
}

export const textNode = (ctx: Ctx, tag: string, text: string, meta: NodeMeta = {}) => el(ctx, tag, { text, meta });
