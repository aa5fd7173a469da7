import { createCtx, randomStyle, type AppStyle } from './build';
import { conventionLabel, iconStreams } from './icons';
import { allNodes, renderPage, type Page } from './model';
import { mutate } from './mutate';
import { checkoutPage } from './pages/checkout';
import { crmPage } from './pages/crm';
import { dashboardPage } from './pages/dashboard';
import { erpGridPage } from './pages/erpGrid';
import { kanbanPage } from './pages/kanban';
import { settingsPage } from './pages/settings';
import { webmailPage } from './pages/webmail';
import { createRng, type Rng } from './rng';
import type { Ctx } from './build';

export const PAGE_KINDS: Record<string, (ctx: Ctx) => Page> = {
  crm: crmPage,
  erpGrid: (ctx) => erpGridPage(ctx),
  webmail: webmailPage,
  settings: settingsPage,
  checkout: checkoutPage,
  dashboard: dashboardPage,
  kanban: kanbanPage,
};

export interface PagePair {
  id: string;
  kind: string;
  r1: string;
  r2: string;
  /**
   * `besideCopy`: a copy of the target was put right beside it (see `Mutation.besideCopies`);
   * `control`: a button or a link; `icon`: it carries an icon in release 1.
   */
  targets: { key: string; removed: boolean; besideCopy: boolean; control: boolean; icon: boolean }[];
  applied: string[];
  /** Release 1's icon convention, as `kind` or `kind:variant` (`none`, `font:fa6`, `sprite:slds`). */
  icons: string;
}

/** Generation options. */
export interface CorpusOptions {
  /**
   * Icon libraries in the apps (`WAYMARK_BENCH_ICONS`). Off, every app has none and the pages are
   * byte for byte those of the generator before icons.
   * @default true
   */
  icons?: boolean;
}


/** Share of targets a release removes: the pairs where the right answer is to abstain. */
const REMOVE_RATE = 0.1;
const TARGETS_PER_PAGE = 10;

function maxUid(page: Page): number {
  let m = 0;
  for (const { node } of allNodes(page.body)) m = Math.max(m, node.uid);
  return m;
}

/**
 * One page pair. `iconLabel` seeds the page's icon stream, apart from `rng`: icon decisions never move
 * a draw of the structure, names, operators or targets.
 */
function makePair(id: string, kind: string, rng: Rng, build: (ctx: Ctx) => Page, style: AppStyle, targetCount: number, removeRate: number, iconLabel: string, o: CorpusOptions): PagePair {
  const icons = iconStreams(iconLabel, o.icons ?? true);
  const page = build(createCtx(rng.fork('r1'), style, 1, icons.r1));
  const pool = [...allNodes(page.body)].filter(({ node }) => node.meta.target).map(({ node }) => node.uid);
  const targets = rng.shuffle(pool).slice(0, targetCount);
  const byUid = new Map([...allNodes(page.body)].map(({ node }) => [node.uid, node]));
  const m = mutate(createCtx(rng.fork('r2'), style, maxUid(page) + 1, icons.r2), page, targets, removeRate);
  const r1Icons = icons.r1.style.convention;
  return {
    id,
    kind,
    r1: renderPage(page, { salt: 'r1', idOffset: 0, keys: new Set(targets), icons: r1Icons }),
    r2: renderPage(m.page, { salt: m.salt, idOffset: m.idOffset, lang: m.lang, keys: new Set(targets.filter((t) => !m.removed.has(t))), icons: m.icons }),
    targets: targets.map((t) => {
      const node = byUid.get(t);
      const control = node?.meta.role === 'button' || node?.meta.role === 'link';
      return { key: String(t), removed: m.removed.has(t), besideCopy: !m.removed.has(t) && m.besideCopies.has(t), control, icon: node?.icon !== undefined };
    }),
    applied: m.applied,
    icons: conventionLabel(r1Icons),
  };
}

/** The corpus: `pages` page pairs cycling through the page kinds, each with its own app style. */
export function generateCorpus(seed: number, pages: number, o: CorpusOptions = {}): PagePair[] {
  const root = createRng(seed);
  const kinds = Object.keys(PAGE_KINDS);
  const out: PagePair[] = [];
  for (let i = 0; i < pages; i++) {
    const kind = kinds[i % kinds.length] as string;
    const rng = root.fork(`page-${i}`);
    out.push(makePair(`p${i}`, kind, rng, PAGE_KINDS[kind] as (ctx: Ctx) => Page, randomStyle(rng), TARGETS_PER_PAGE, REMOVE_RATE, `${seed}:page-${i}`, o));
  }
  return out;
}

/**
 * The timing page: an ERP grid of about 10,000 elements (in a hashed-class style), and its next release.
 * No target is removed here: it measures speed, not accuracy.
 */
export function generateBigPage(seed: number, rows: number, targets: number, o: CorpusOptions = {}): PagePair {
  const rng = createRng(seed).fork('big');
  const style: AppStyle = { ...randomStyle(rng), hash: 'emotion', written: 'utility', webComponents: false };
  return makePair('big', 'erpGrid', rng, (ctx) => erpGridPage(ctx, rows), style, targets, 0, `${seed}:big`, o);
}
