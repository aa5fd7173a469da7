import type { HostPageId } from './hostPages';

/**
 * What runs on the page: no Waymark code; no Waymark code but one page-world observer with the options
 * of the overlay's shared one (`domChanges.ts`) and an empty callback, what the browser charges for
 * watching the page at all; the bootstrap with nothing to show; a walkthrough step shown.
 */
export type Condition = 'without' | 'observer' | 'extension' | 'step';
export const CONDITIONS: readonly Condition[] = ['without', 'observer', 'extension', 'step'];

/** One measured window of one page under one condition. */
export interface WindowResult {
  readonly page: HostPageId;
  readonly condition: Condition;
  readonly round: number;
  /** Renderer main-thread CPU (thread time) per wall second of page activity, ms. */
  readonly cpuMsPerSec: number;
  /** The page's own units of work per second (tokens, cells, messages). */
  readonly workPerSec: number;
  /** Layouts and style recalculations per second on the renderer main thread. */
  readonly layoutsPerSec: number;
  readonly recalcsPerSec: number;
  /** Step windows: the highlight was over the target at the start and at the end of the window. */
  readonly anchored: boolean | null;
  /** Step windows: the highlight's position written per second, and times the step lost its target. */
  readonly repositionsPerSec: number | null;
  readonly lost: number | null;
}

export interface Row {
  readonly page: HostPageId;
  readonly condition: Condition;
  readonly cpuMsPerSec: number;
  readonly cpuMin: number;
  readonly cpuMax: number;
  /** Median over rounds of this window's CPU minus the same round's `without` window: ms per second. */
  readonly overheadMsPerSec: number;
  /** `overheadMsPerSec` over the median `without` CPU, a fraction. */
  readonly overheadRatio: number;
  /**
   * The overhead at the same amount of page work: the round's CPU per unit of work (token, cell,
   * message) minus the `without` window's, times the `without` window's work per second; median over
   * rounds. Windows that run at once share the cores, so one may do a few per cent more of the page's
   * work than another in the same seconds (and spend that much more CPU on it): this takes that out.
   */
  readonly overheadAtPaceMsPerSec: number;
  readonly overheadAtPaceRatio: number;
  readonly workPerSec: number;
  /** Work per second over the `without` median: 1 when the page kept its pace. */
  readonly paceRatio: number;
  readonly layoutsPerSec: number;
  readonly recalcsPerSec: number;
  /** Fraction of step windows anchored (null for the other conditions). */
  readonly anchoredRate: number | null;
  readonly repositionsPerSec: number | null;
  readonly lost: number | null;
}

export const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/**
 * Rows per page and condition. The overhead is taken round by round (each round measures the three
 * conditions of a page back to back, so a change in machine load hits them alike), then the median.
 */
export function summarise(windows: readonly WindowResult[]): Row[] {
  const pages = [...new Set(windows.map((w) => w.page))];
  const rows: Row[] = [];
  for (const page of pages) {
    const of = (c: Condition) => windows.filter((w) => w.page === page && w.condition === c);
    const base = of('without');
    if (base.length === 0) throw new Error(`${page}: no window without the extension to compare with`);
    const baseCpu = median(base.map((w) => w.cpuMsPerSec));
    const baseWork = median(base.map((w) => w.workPerSec));
    for (const condition of CONDITIONS) {
      const ws = of(condition);
      if (ws.length === 0) continue;
      const cpu = ws.map((w) => w.cpuMsPerSec);
      const diffs = ws.flatMap((w) => {
        const b = base.find((x) => x.round === w.round);
        return b ? [w.cpuMsPerSec - b.cpuMsPerSec] : [];
      });
      const overhead = condition === 'without' ? 0 : median(diffs);
      const perWork = (w: WindowResult) => (w.workPerSec > 0 ? w.cpuMsPerSec / w.workPerSec : 0);
      const atPace = ws.flatMap((w) => {
        const b = base.find((x) => x.round === w.round);
        return b ? [(perWork(w) - perWork(b)) * b.workPerSec] : [];
      });
      const overheadAtPace = condition === 'without' ? 0 : median(atPace);
      const step = condition === 'step';
      const sum = (xs: readonly (number | null)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);
      rows.push({
        page,
        condition,
        cpuMsPerSec: median(cpu),
        cpuMin: Math.min(...cpu),
        cpuMax: Math.max(...cpu),
        overheadMsPerSec: overhead,
        overheadRatio: baseCpu > 0 ? overhead / baseCpu : 0,
        overheadAtPaceMsPerSec: overheadAtPace,
        overheadAtPaceRatio: baseCpu > 0 ? overheadAtPace / baseCpu : 0,
        workPerSec: median(ws.map((w) => w.workPerSec)),
        paceRatio: baseWork > 0 ? median(ws.map((w) => w.workPerSec)) / baseWork : 0,
        layoutsPerSec: median(ws.map((w) => w.layoutsPerSec)),
        recalcsPerSec: median(ws.map((w) => w.recalcsPerSec)),
        anchoredRate: step ? ws.filter((w) => w.anchored === true).length / ws.length : null,
        repositionsPerSec: step ? median(ws.map((w) => w.repositionsPerSec ?? 0)) : null,
        lost: step ? sum(ws.map((w) => w.lost)) : null,
      });
    }
  }
  return rows;
}

const LABEL: Record<Condition, string> = { without: 'without Waymark', observer: 'an observer alone', extension: 'extension, nothing shown', step: 'walkthrough step shown' };

/** The table: one line per page and condition. */
export function formatTable(rows: readonly Row[], unitOf: (page: HostPageId) => string): string {
  const head = `${'page'.padEnd(10)}${'condition'.padEnd(26)}${'CPU ms/s'.padStart(9)}${'min-max'.padStart(13)}${'overhead'.padStart(10)}${'ratio'.padStart(8)}${'at pace'.padStart(9)}${'ratio'.padStart(8)}${'work/s'.padStart(16)}${'pace'.padStart(7)}${'layouts/s'.padStart(11)}${'anchored'.padStart(10)}${'moves/s'.padStart(9)}${'lost'.padStart(6)}`;
  const lines = rows.map((r) => {
    const ms = (x: number) => x.toFixed(1);
    return `${r.page.padEnd(10)}${LABEL[r.condition].padEnd(26)}${ms(r.cpuMsPerSec).padStart(9)}${`${ms(r.cpuMin)}-${ms(r.cpuMax)}`.padStart(13)}${(r.condition === 'without' ? '' : `${r.overheadMsPerSec >= 0 ? '+' : ''}${ms(r.overheadMsPerSec)}`).padStart(10)}${(r.condition === 'without' ? '' : `${(100 * r.overheadRatio).toFixed(1)}%`).padStart(8)}${(r.condition === 'without' ? '' : `${r.overheadAtPaceMsPerSec >= 0 ? '+' : ''}${ms(r.overheadAtPaceMsPerSec)}`).padStart(9)}${(r.condition === 'without' ? '' : `${(100 * r.overheadAtPaceRatio).toFixed(1)}%`).padStart(8)}${`${r.workPerSec.toFixed(1)} ${unitOf(r.page)}`.padStart(16)}${r.paceRatio.toFixed(3).padStart(7)}${r.layoutsPerSec.toFixed(1).padStart(11)}${(r.anchoredRate === null ? '' : `${Math.round(100 * r.anchoredRate)}%`).padStart(10)}${(r.repositionsPerSec === null ? '' : r.repositionsPerSec.toFixed(1)).padStart(9)}${(r.lost === null ? '' : String(r.lost)).padStart(6)}`;
  });
  return [head, ...lines].join('\n');
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

/**
 * The JSON figures, per page: the shown step's overhead at the same page work (ms per second and as a
 * fraction of the page's own CPU; the verdict's figure, see `overheadAtPaceMsPerSec`) and raw, the bare
 * extension's and an observer's alone, the page's pace with the step shown (a fraction of its pace
 * without), the share of step windows anchored; and whether every page met the target: strictly
 * (`targetMet`), and within the run's noise (`targetMetWithinNoise`), read off the bootstrap alone,
 * which runs no code once the page has loaded, so whatever it measures on a page is the noise there.
 */
export function jsonFigures(rows: readonly Row[], targetMsPerSec: number): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = {};
  let met = true;
  let withinNoise = true;
  const noiseOf = (page: string) => Math.abs(rows.find((r) => r.page === page && r.condition === 'extension')?.overheadAtPaceMsPerSec ?? 0);
  for (const r of rows) {
    if (r.condition === 'without') {
      out[`${r.page}BaseCpuMsPerSec`] = round4(r.cpuMsPerSec);
    } else if (r.condition === 'observer') {
      out[`${r.page}ObserverAloneMsPerSec`] = round4(r.overheadAtPaceMsPerSec);
    } else if (r.condition === 'extension') {
      out[`${r.page}ExtensionOverheadMsPerSec`] = round4(r.overheadAtPaceMsPerSec);
      out[`${r.page}ExtensionOverheadRatio`] = round4(r.overheadAtPaceRatio);
    } else {
      out[`${r.page}StepOverheadMsPerSec`] = round4(r.overheadAtPaceMsPerSec);
      out[`${r.page}OverheadRatio`] = round4(r.overheadAtPaceRatio);
      out[`${r.page}StepOverheadRawMsPerSec`] = round4(r.overheadMsPerSec);
      out[`${r.page}PaceWithStep`] = round4(r.paceRatio);
      out[`${r.page}AnchoredRate`] = round4(r.anchoredRate ?? 0);
      const anchoredAll = (r.anchoredRate ?? 0) >= 1;
      if (r.overheadAtPaceMsPerSec > targetMsPerSec || !anchoredAll) met = false;
      if (r.overheadAtPaceMsPerSec > targetMsPerSec + noiseOf(r.page) || !anchoredAll) withinNoise = false;
    }
  }
  out.targetStepOverheadMsPerSec = targetMsPerSec;
  out.targetMet = met;
  out.targetMetWithinNoise = withinNoise;
  return out;
}
