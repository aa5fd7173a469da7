import type { Located } from './pageEntry';

/** One target pair's outcome, with the labels the breakdowns group by. */
export interface Outcome extends Located {
  removed: boolean;
  /** A copy of the target sits right beside it in release 2: only position tells them apart. */
  besideCopy: boolean;
  kind: string;
  applied: string[];
  /** The target carries an icon in release 1. */
  icon: boolean;
  /** Release 1's icon convention (`PagePair.icons`). */
  icons: string;
}

export interface Rates {
  pairs: number;
  present: number;
  removed: number;
  top1: number;
  coverage: number;
  /** Wrong elements among answers (an answer on a removed target is wrong). */
  wrong: number;
  /** Wrong elements among all pairs. */
  wrongOfPairs: number;
  removedAbstained: number;
  baselineTop1: number;
  baselineCoverage: number;
  baselineWrong: number;
  baselineWrongOfPairs: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function rates(outcomes: readonly Outcome[]): Rates {
  const present = outcomes.filter((o) => !o.removed);
  const removed = outcomes.filter((o) => o.removed);
  const answered = outcomes.filter((o) => o.status === 'found');
  const wrong = answered.filter((o) => o.removed || o.chosen !== o.key);
  const baseAnswered = outcomes.filter((o) => o.baseline !== 'none');
  const baseWrong = baseAnswered.filter((o) => o.removed || o.baseline !== o.key);
  return {
    pairs: outcomes.length,
    present: present.length,
    removed: removed.length,
    top1: ratio(present.filter((o) => o.top === o.key).length, present.length),
    coverage: ratio(present.filter((o) => o.status === 'found').length, present.length),
    wrong: ratio(wrong.length, answered.length),
    wrongOfPairs: ratio(wrong.length, outcomes.length),
    removedAbstained: ratio(removed.filter((o) => o.status !== 'found').length, removed.length),
    baselineTop1: ratio(present.filter((o) => o.baseline === o.key).length, present.length),
    baselineCoverage: ratio(present.filter((o) => o.baseline !== 'none').length, present.length),
    baselineWrong: ratio(baseWrong.length, baseAnswered.length),
    baselineWrongOfPairs: ratio(baseWrong.length, outcomes.length),
  };
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const pad = (s: string, n: number) => s.padEnd(n);

export function printTable(r: Rates, timing: { median: number; p95: number; singleMedian: number; singleP95: number; baseSingleP95: number; coldMedian: number; coldP95: number; textMedian: number; textP95: number; baseMedian: number; baseP95: number; elements: number }): void {
  const rows: [string, string, string][] = [
    ['top-1 accuracy (present targets)', pct(r.top1), pct(r.baselineTop1)],
    ['coverage at ACCEPT_CONFIDENCE', pct(r.coverage), pct(r.baselineCoverage)],
    ['wrong elements among answers', pct(r.wrong), pct(r.baselineWrong)],
    ['wrong elements among all pairs', pct(r.wrongOfPairs), pct(r.baselineWrongOfPairs)],
    ['removed targets abstained', pct(r.removedAbstained), '-'],
    [`median locate, ${timing.elements} elements`, `${timing.median.toFixed(2)} ms`, `${timing.baseMedian.toFixed(3)} ms`],
    [`p95 locate, ${timing.elements} elements`, `${timing.p95.toFixed(2)} ms`, `${timing.baseP95.toFixed(3)} ms`],
    ['p95 locate, one shot per sample', `${timing.singleP95.toFixed(2)} ms`, `${timing.baseSingleP95.toFixed(3)} ms`],
    ['median locate after a text change', `${timing.textMedian.toFixed(2)} ms`, '-'],
    ['p95 locate after a text change', `${timing.textP95.toFixed(2)} ms`, '-'],
    ['median locate after an element came/went', `${timing.coldMedian.toFixed(2)} ms`, '-'],
    ['p95 locate after an element came/went', `${timing.coldP95.toFixed(2)} ms`, '-'],
  ];
  console.log(`\n${r.pairs} target pairs: ${r.present} present in release 2, ${r.removed} removed\n`);
  console.log(`${pad('', 40)}${pad('Waymark', 12)}unique-selector baseline`);
  for (const [name, a, b] of rows) console.log(`${pad(name, 40)}${pad(a, 12)}${b}`);
}

/** Rates per group (page kind, or each operator a pair's release applied). */
export function printBreakdown(title: string, outcomes: readonly Outcome[], groupsOf: (o: Outcome) => string[]): void {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) for (const g of groupsOf(o)) groups.set(g, [...(groups.get(g) ?? []), o]);
  console.log(`\n${pad(title, 16)}${pad('pairs', 7)}${pad('top-1', 8)}${pad('cover', 8)}${pad('wrong', 8)}${pad('base top-1', 11)}base wrong`);
  for (const [g, list] of [...groups].sort()) {
    const r = rates(list);
    console.log(`${pad(g, 16)}${pad(String(r.pairs), 7)}${pad(pct(r.top1), 8)}${pad(pct(r.coverage), 8)}${pad(pct(r.wrong), 8)}${pad(pct(r.baselineTop1), 11)}${pct(r.baselineWrong)}`);
  }
}
