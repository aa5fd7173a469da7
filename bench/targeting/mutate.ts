import { el, textNode, type Ctx } from './build';
import { hasLibrary, iconOnlyIcon, makeIconSlot, releaseIcons, type IconConvention } from './icons';
import { allNodes, type Node, type Page } from './model';
import type { Rng } from './rng';
import { hasEntry, LANGUAGES, rewordingsOf, type Language } from './vocab';

/**
 * The operators a host-app release applies, on the release-1 model (mutated in place on a copy). Each
 * page pair draws its own mix, from a cosmetic rebuild to a reorganisation, so the corpus spans easy and
 * hard releases. Operators never look at which nodes are targets, except `removeTargets` (which decides
 * the ground truth "gone") and decoys, which prefer look-alikes of targets because that is the case that
 * tests the abstain rule.
 */
export interface Mutation {
  page: Page;
  /** Release-2 rendering parameters. */
  salt: string;
  idOffset: number;
  lang: Language | undefined;
  /** Release 2's icon markup (another library after a `reicon`). */
  icons: IconConvention;
  /** Targets that no longer exist. */
  removed: Set<number>;
  /** Names of the operators applied, for the report. */
  applied: string[];
  /**
   * Targets whose unit a decoy copied and put right beside the original: only position tells the two
   * apart (unless a written id does), so abstaining is the right answer there. Reported as a bucket;
   * the headline figures count these pairs like any other.
   */
  besideCopies: Set<number>;
}

interface Placed {
  node: Node;
  parent: Node | null;
  list: Node[];
}

function placements(nodes: Node[], parent: Node | null = null, out: Placed[] = []): Placed[] {
  for (const node of nodes) {
    out.push({ node, parent, list: nodes });
    if (node.shadow) placements(node.shadow, node, out);
    placements(node.children, node, out);
    if (node.frame) placements(node.frame, node, out);
  }
  return out;
}

/** The element a target travels with: its field row, its toggle label, its list item. */
function unitOf(uid: number, all: Placed[]): Placed | undefined {
  const byNode = new Map(all.map((p) => [p.node, p]));
  const start = all.find((x) => x.node.uid === uid);
  let p = start;
  for (let up = 0; p !== undefined && up < 2; up++) {
    p = p.parent === null ? undefined : byNode.get(p.parent);
    if (p !== undefined && p.node.meta.role === 'unit') return p;
  }
  return start;
}

function contains(root: Node, node: Node): boolean {
  for (const { node: n } of allNodes([root])) if (n === node) return true;
  return false;
}

/** A deep copy with fresh uids (references inside the copy follow), as a second instance of a component. */
function cloneWithNewUids(ctx: Ctx, node: Node): Node {
  const copy = structuredClone(node);
  const map = new Map<number, number>();
  for (const { node: n } of allNodes([copy])) {
    const fresh = ctx.uid();
    map.set(n.uid, fresh);
    n.uid = fresh;
  }
  for (const { node: n } of allNodes([copy])) {
    if (n.refs?.for !== undefined) n.refs.for = map.get(n.refs.for) ?? n.refs.for;
    if (n.refs?.labelledby !== undefined) n.refs.labelledby = map.get(n.refs.labelledby) ?? n.refs.labelledby;
    // Ids are unique per document: a second instance gets its own.
    if (n.id?.kind === 'written') n.id = { kind: 'written', value: `${n.id.value}-${n.uid}` };
    if (ctx.rng.chance(0.5)) for (const k of Object.keys(n.attrs)) if (/^data-(test|cy|qa)/.test(k)) delete n.attrs[k];
  }
  return copy;
}

const UNWRAPPABLE = new Set(['li', 'tr', 'td', 'th', 'thead', 'tbody', 'option', 'legend', 'summary', 'html', 'body']);
const WRAP_PARENTS = new Set(['div', 'section', 'main', 'header', 'aside', 'article', 'form', 'fieldset', 'nav', 'label']);

function wrapSome(ctx: Ctx, page: Page, p: number): void {
  for (const { node, parent, list } of placements(page.body)) {
    if (UNWRAPPABLE.has(node.tag) || (parent !== null && !WRAP_PARENTS.has(parent.tag)) || !ctx.rng.chance(p)) continue;
    const i = list.indexOf(node);
    if (i < 0) continue;
    list[i] = el(ctx, ctx.rng.pick(['div', 'div', 'span', 'section']), { component: 'Wrapper', part: ctx.rng.pick(['root', 'container', 'inner', 'slot']), children: [node] });
  }
}

function reorder(ctx: Ctx, page: Page): void {
  for (const { node } of placements(page.body)) if (node.meta.reorder && ctx.rng.chance(0.6)) ctx.rng.shuffle(node.children);
}

function reword(rng: Rng, page: Page, p: number): void {
  for (const { node } of placements(page.body)) {
    if (node.text !== undefined && rng.chance(p)) {
      const alts = rewordingsOf(node.text.trim());
      if (alts.length > 0) node.text = rng.pick(alts);
    }
    for (const k of ['aria-label', 'placeholder', 'title']) {
      const v = node.attrs[k];
      if (v !== undefined && rng.chance(p)) {
        const alts = rewordingsOf(v);
        if (alts.length > 0) node.attrs[k] = rng.pick(alts);
      }
    }
  }
}

function moveSome(ctx: Ctx, page: Page, uids: readonly number[], count: number): void {
  for (let k = 0; k < count; k++) {
    const all = placements(page.body);
    const candidates = all.filter((p) => p.node.meta.target && uids.includes(p.node.uid));
    const from = unitOf(ctx.rng.pick(candidates.length ? candidates : all).node.uid, all);
    if (from === undefined) continue;
    const sections = all.filter((p) => p.node.meta.section && !contains(from.node, p.node) && p.node.children !== from.list);
    if (sections.length === 0) continue;
    const to = ctx.rng.pick(sections).node;
    from.list.splice(from.list.indexOf(from.node), 1);
    to.children.splice(ctx.rng.int(0, to.children.length), 0, from.node);
  }
}

/**
 * Adds look-alikes: copies of targets (or of other controls) elsewhere, sometimes right beside the
 * original. Returns the uids copied: removing one of those in the same release would leave its copy as
 * its replacement, which is a move, not a removal, so `removeTargets` leaves them alone.
 */
function addDecoys(ctx: Ctx, page: Page, uids: readonly number[], count: number, beside: Set<number>): Set<number> {
  const copied = new Set<number>();
  for (let k = 0; k < count; k++) {
    const all = placements(page.body);
    const pool = all.filter((p) => p.node.meta.target && (uids.includes(p.node.uid) || ctx.rng.chance(0.3)));
    if (pool.length === 0) return copied;
    const original = unitOf(ctx.rng.pick(pool).node.uid, all);
    if (original === undefined) continue;
    for (const { node } of allNodes([original.node])) copied.add(node.uid);
    const copy = cloneWithNewUids(ctx, original.node);
    if (ctx.rng.chance(0.25)) {
      // Right next to it: a genuine look-alike that only position tells apart.
      original.list.splice(original.list.indexOf(original.node) + ctx.rng.int(0, 1), 0, copy);
      for (const { node } of allNodes([original.node])) beside.add(node.uid);
    } else {
      const sections = all.filter((p) => p.node.meta.section && !contains(original.node, p.node));
      if (sections.length === 0) continue;
      const to = ctx.rng.pick(sections).node;
      to.children.splice(ctx.rng.int(0, to.children.length), 0, copy);
    }
  }
  return copied;
}

function churnAttributes(ctx: Ctx, page: Page): void {
  for (const { node } of placements(page.body)) {
    for (const k of Object.keys(node.attrs)) if (/^data-(test|cy|qa)/.test(k) && ctx.rng.chance(0.25)) delete node.attrs[k];
    // A text button becomes an icon button that keeps its name as aria-label: with an icon library,
    // the icon of its purpose (the one it may already carry beside its text).
    if (node.meta.role === 'button' && node.text !== undefined && ctx.rng.chance(0.08)) {
      node.attrs['aria-label'] = node.text;
      delete node.text;
      const glyph = el(ctx, 'span', { attrs: { 'aria-hidden': 'true' }, text: '●' });
      if (hasLibrary(ctx.icons)) {
        makeIconSlot(glyph, node.icon ?? iconOnlyIcon(ctx.icons, node.meta.purpose));
        delete node.icon;
      }
      node.children.push(glyph);
    }
  }
}

const FRESH_NAMES = ['Nimbus', 'Quartz', 'Zephyr', 'Orbit', 'Vertex', 'Lumen', 'Cobalt', 'Juniper', 'Solstice', 'Tundra'];

/**
 * Gives a copied row or item its own data, as a new record would have: other numbers, another name. Its
 * controls keep their labels ("Edit", "Delete"): new rows bring look-alikes, not twins.
 */
function freshen(ctx: Ctx, root: Node): void {
  const digits = (s: string) => s.replace(/\d/g, () => String(ctx.rng.int(0, 9)));
  for (const { node } of allNodes([root])) {
    if (node.text !== undefined && node.text.trim() !== '') {
      if (/\d/.test(node.text)) node.text = digits(node.text);
      else if (!hasEntry(node.text.trim())) node.text = `${ctx.rng.pick(FRESH_NAMES)} ${node.text.split(' ').slice(1).join(' ')}`.trim();
    }
    for (const k of ['href', 'aria-label', 'title']) {
      const v = node.attrs[k];
      if (v !== undefined) node.attrs[k] = digits(v);
    }
  }
}

function insertContent(ctx: Ctx, page: Page): void {
  const all = placements(page.body);
  const main = all.find((p) => p.node.tag === 'main')?.node ?? page.body[0];
  if (main && ctx.rng.chance(0.7)) {
    main.children.unshift(
      el(ctx, 'div', {
        component: 'Banner',
        part: 'banner',
        attrs: { role: 'status' },
        children: [textNode(ctx, 'strong', ctx.rng.pick(['Scheduled maintenance on Sunday', 'New: dark mode is here', 'Your trial ends in 3 days'])), el(ctx, 'button', { text: 'Dismiss' }), el(ctx, 'a', { attrs: { href: '/news' }, text: 'Learn more' })],
      }),
    );
  }
  // New records at the top of data lists (grids, message lists, activity and deal lists): everything
  // below shifts. Navigation lists are not data: a release adds a menu item with a new label, not a row.
  for (const { node, parent } of placements(page.body)) {
    const dataList = node.tag === 'tbody' || node.attrs.role === 'grid' || (node.tag === 'ul' && parent?.tag !== 'nav');
    if (dataList && node.children.length > 1 && ctx.rng.chance(0.5)) {
      const template = node.children[node.children.length - 1];
      if (!template) continue;
      for (let i = ctx.rng.int(1, 3); i > 0; i--) {
        const row = cloneWithNewUids(ctx, template);
        freshen(ctx, row);
        node.children.splice(ctx.rng.int(0, 1), 0, row);
      }
    }
  }
}

function retag(ctx: Ctx, page: Page): void {
  for (const { node } of placements(page.body)) {
    if (node.meta.role !== 'button' && node.meta.role !== 'link') continue;
    if (!ctx.rng.chance(0.06)) continue;
    if (node.tag === 'button') {
      node.tag = ctx.rng.chance(0.5) ? 'a' : 'div';
      node.attrs.role = 'button';
      node.attrs.tabindex = '0';
      delete node.attrs.type;
    } else if (node.tag === 'a' && node.meta.role === 'link') {
      node.tag = 'button';
      delete node.attrs.href;
      node.attrs.type = 'button';
    } else {
      node.tag = 'button';
      delete node.attrs.role;
      delete node.attrs.tabindex;
    }
  }
}

function removeTargets(ctx: Ctx, page: Page, uids: readonly number[], p: number, keep: ReadonlySet<number>): Set<number> {
  const removed = new Set<number>();
  for (const uid of uids) {
    if (!ctx.rng.chance(p) || keep.has(uid)) continue;
    const unit = unitOf(uid, placements(page.body));
    if (unit === undefined) continue;
    unit.list.splice(unit.list.indexOf(unit.node), 1);
    removed.add(uid);
  }
  return removed;
}

/** Applies a random release to a copy of `page`. `ctx` must allocate uids beyond release 1's. */
export function mutate(ctx: Ctx, source: Page, targets: readonly number[], removeRate: number): Mutation {
  const { rng } = ctx;
  const page = structuredClone(source);
  const applied: string[] = [];
  const apply = (name: string, p: number, op: () => void) => {
    if (rng.chance(p)) {
      op();
      applied.push(name);
    }
  };
  const rehash = rng.chance(0.75);
  if (rehash) applied.push('rehash');
  apply('wrap', 0.5, () => wrapSome(ctx, page, rng.pick([0.05, 0.15, 0.3])));
  apply('reorder', 0.45, () => reorder(ctx, page));
  apply('reword', 0.4, () => reword(rng, page, rng.pick([0.15, 0.3, 0.5])));
  apply('move', 0.35, () => moveSome(ctx, page, targets, rng.int(1, 3)));
  let copied = new Set<number>();
  const besideCopies = new Set<number>();
  apply('decoy', 0.5, () => (copied = addDecoys(ctx, page, targets, rng.int(1, 3), besideCopies)));
  apply('churn', 0.3, () => churnAttributes(ctx, page));
  apply('insert', 0.5, () => insertContent(ctx, page));
  apply('retag', 0.2, () => retag(ctx, page));
  const removed = removeTargets(ctx, page, targets, removeRate, copied);
  if (removed.size > 0) applied.push('remove');
  const lang = rng.chance(0.1) ? rng.pick(LANGUAGES) : undefined;
  if (lang) applied.push(`translate:${lang}`);
  // Last, on the icon stream: whatever the operators above left on the page.
  const icons = releaseIcons(ctx.icons, page.body);
  applied.push(...icons.applied);
  return { page, salt: rehash ? `r2-${rng.int(0, 1e9)}` : 'r1', idOffset: rehash ? rng.int(1, 40) : 0, lang, icons: icons.convention, removed, applied, besideCopies };
}
