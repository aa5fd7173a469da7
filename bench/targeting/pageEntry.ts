/**
 * The code the benchmark injects into each page (bundled by vite as an IIFE): Waymark's content-script
 * targeting, the baseline, and the harness. Only the harness reads `data-bench-key`, to score answers.
 */
import type { ElementFingerprint } from '../../src/schema/fingerprint';
import { ACCEPT_CONFIDENCE, rankWithAssessment } from '../../src/targeting';
import { captureFingerprint, collectCandidates, fingerprintOf, locate } from '../../content-scripts/targeting';
import { candidateQuery } from '../../content-scripts/targeting/candidateQuery';
import { materialize } from '../../content-scripts/targeting/materialize';
import { resolveSelectorChain, selectorChainOf } from './baselineSelector';

const KEY = 'data-bench-key';

function* deepElements(root: Document | ShadowRoot): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deepElements(el.shadowRoot);
    if (el.localName === 'iframe') {
      const doc = (el as HTMLIFrameElement).contentDocument;
      if (doc) yield* deepElements(doc);
    }
  }
}

function findByKey(key: string): Element | null {
  for (const el of deepElements(document)) if (el.getAttribute(KEY) === key) return el;
  return null;
}

/** The key of what was chosen: a target key, `other` for an unmarked element, `none` for no answer. */
function verdict(el: Element | null | undefined): string {
  if (el === null || el === undefined) return 'none';
  return el.getAttribute(KEY) ?? 'other';
}

function plain(fp: ElementFingerprint): string {
  return JSON.stringify(materialize(fp));
}

export interface Captured {
  key: string;
  fingerprint: ElementFingerprint;
  selector: string[];
  /** `collectCandidates` built the same fingerprint as `fingerprintOf`. */
  consistent: boolean;
}

export interface Located {
  key: string;
  status: string;
  confidence: number;
  chosen: string;
  top: string;
  baseline: string;
  closeness: number;
  separation: number;
  identity: number;
  /** For studying failures (`WAYMARK_BENCH_DUMP`): the target and the two best candidates as read. */
  target: ElementFingerprint;
  best: ElementFingerprint[];
  /** The target's own element on release 2 as read, with its rank and score; absent when removed. */
  truth?: { fingerprint: ElementFingerprint; rank: number; score: number };
}

function capture(keys: string[]): Captured[] {
  const all = collectCandidates(document);
  return keys.map((key) => {
    const el = findByKey(key);
    if (el === null) throw new Error(`target ${key} not on the page`);
    // What the picker stores: the fingerprint and the identifying fields unique on this page.
    const fingerprint = captureFingerprint(el, document);
    const i = all.elements.indexOf(el);
    const collected = i < 0 ? undefined : all.fingerprints[i];
    return { key, fingerprint, selector: selectorChainOf(el), consistent: collected !== undefined && plain(collected) === plain(fingerprintOf(el)) };
  });
}

/** A plain copy without the given fields, as another tool that records fewer of them would pass. */
function without(fp: ElementFingerprint, drop: readonly string[]): ElementFingerprint {
  // `materialize` copies the fields every element has; `uniqueBy` is the capture's own.
  const out: Record<string, unknown> = { ...materialize(fp), ...(fp.uniqueBy === undefined ? {} : { uniqueBy: [...fp.uniqueBy] }) };
  for (const k of drop) delete out[k];
  return out as unknown as ElementFingerprint;
}

/**
 * Locates each captured target on this page. With `drop` (field names), ranks fingerprints without
 * those fields instead of locating live, as a tool calling `rankCandidates` on stored fingerprints
 * that lack them would: the answer is the best candidate when its confidence reaches `ACCEPT_CONFIDENCE`.
 */
function locateAll(items: Captured[], drop: readonly string[] = []): Located[] {
  return items.map(({ key, fingerprint: captured, selector }) => {
    const fingerprint = drop.length === 0 ? captured : without(captured, drop);
    const collected = collectCandidates(document, candidateQuery(fingerprint));
    const elements = collected.elements;
    const fingerprints = drop.length === 0 ? collected.fingerprints : collected.fingerprints.map((f) => without(f, drop));
    const { ranked, assessment } = rankWithAssessment(fingerprint, fingerprints);
    const top = ranked[0] === undefined ? null : elements[ranked[0].index];
    const accepted = (ranked[0]?.confidence ?? 0) >= ACCEPT_CONFIDENCE;
    const res = drop.length === 0 ? locate(fingerprint, document) : { status: accepted ? 'found' : 'missing', confidence: ranked[0]?.confidence ?? 0, element: accepted ? top : null };
    const own = elements.findIndex((e) => e.getAttribute(KEY) === key);
    const rank = ranked.findIndex((r) => r.index === own);
    const truth = own < 0 ? undefined : { fingerprint: materialize(fingerprints[own] as ElementFingerprint), rank, score: ranked[rank]?.score ?? 0 };
    return {
      truth,
      key,
      status: res.status,
      confidence: res.confidence,
      chosen: verdict(res.element),
      top: verdict(top),
      baseline: verdict(resolveSelectorChain(selector, document)),
      closeness: assessment?.closeness ?? 0,
      separation: assessment?.separation ?? 0,
      identity: assessment?.identity ?? 0,
      target: fingerprint,
      best: ranked.slice(0, 2).map((r) => materialize(fingerprints[r.index] as ElementFingerprint)),
    };
  });
}

/** One target of a replay dump: its captured fingerprint and its candidates as indexes into the page's. */
export interface ReplayTarget {
  key: string;
  fingerprint: ElementFingerprint;
  /** The candidates `locate` ranks for this target, in its order, as indexes into `ReplayPage.fingerprints`. */
  candidates: number[];
  /** Index into `candidates` of the target's own element; -1 when it was removed. */
  own: number;
  /** What `locate` answered live, to check that a replay reproduces it. */
  status: string;
}

export interface ReplayPage {
  fingerprints: ElementFingerprint[];
  targets: ReplayTarget[];
}

/**
 * Every candidate fingerprint of this page, read once and materialised, with each target's candidate
 * list as `locate` collects it: `bench/targeting/replay.ts` ranks them again in Node, so a change to the
 * matcher is measured on several corpora in seconds rather than a browser run per seed.
 */
function replayDump(items: Captured[]): ReplayPage {
  const all = collectCandidates(document);
  const indexOf = new Map<Element, number>(all.elements.map((e, i) => [e, i]));
  const fingerprints = all.fingerprints.map((f) => without(f, []));
  const targets = items.map(({ key, fingerprint }) => {
    const collected = collectCandidates(document, candidateQuery(fingerprint));
    const candidates = collected.elements.map((e) => {
      const i = indexOf.get(e);
      if (i === undefined) throw new Error(`candidate of ${key} not among the page's`);
      return i;
    });
    return { key, fingerprint, candidates, own: collected.elements.findIndex((e) => e.getAttribute(KEY) === key), status: locate(fingerprint, document).status };
  });
  return { fingerprints, targets };
}

/**
 * A DOM change that tells nothing about targets, as a host app makes all the time: `text`, the text of
 * a span the harness adds once (a clock, a counter), which the locator's kept state follows in place;
 * `element`, an element added to or removed from another span (a re-render), which the kept state
 * follows too (the records name what they touched); `row`, an empty row inserted above a grid's rows or
 * removed again, which moves the paths of every row below.
 */
function tick(i: number, kind: 'text' | 'element' | 'row'): void {
  if (kind === 'row') {
    // An empty row inserted above the grid's rows, then removed: every row below moves (its paths), none
    // changes. The grid is a table or a div with role=row children.
    const body = document.querySelector('tr:nth-child(10), [role=row]:nth-child(10)')?.parentElement;
    const first = body?.firstElementChild;
    if (first?.id === 'bench-tick-row') first.remove();
    else if (body && first) {
      const table = first.localName === 'tr';
      const row = document.createElement(table ? 'tr' : 'div');
      const cell = document.createElement(table ? 'td' : 'div');
      if (!table) {
        row.setAttribute('role', 'row');
        cell.setAttribute('role', 'gridcell');
      }
      row.id = 'bench-tick-row';
      row.append(cell);
      body.prepend(row);
    }
    void document.body.offsetHeight;
    return;
  }
  // One span for each kind: replacing the text of a span that holds an element would remove it.
  const id = `bench-tick-${kind}`;
  let span = document.getElementById(id);
  if (span === null) {
    span = document.createElement('span');
    span.id = id;
    document.body.append(span);
  }
  if (kind === 'text') span.textContent = String(i);
  else if (span.firstElementChild) span.firstElementChild.remove();
  else span.append(document.createElement('i'));
  // The browser lays the page out after a change before the next locate runs (trackTarget waits for
  // the batch): that layout is the host's cost, not the locator's, so it is left out of the timing.
  void document.body.offsetHeight;
}

/** Back-to-back locates per sample of an unchanged page; the fastest is the sample. */
const SHOTS = 3;

/**
 * Milliseconds per call, each call timed alone, after `warmup` untimed calls per target. `waymark`: the
 * page unchanged since the previous locate (what the locator kept stays valid: several targets located
 * on one page state, re-checks), each sample the fastest of `SHOTS` (`waymarkSingle`: the first shot alone). `cold`: right after an element was added or removed elsewhere (what a
 * tour's re-locate after a host-app re-render costs; the kept state drops only what the change touched). `afterText`: right after a text
 * change elsewhere, which the kept state follows in place.
 */
function timeLocate(
  items: Captured[],
  reps: number,
  warmup: number,
): { waymark: number[]; waymarkSingle: number[]; cold: number[]; afterText: number[]; afterRow: number[]; baseline: number[]; baselineSingle: number[] } {
  const waymark: number[] = [];
  const waymarkSingle: number[] = [];
  const cold: number[] = [];
  const afterText: number[] = [];
  const afterRow: number[] = [];
  const baseline: number[] = [];
  const baselineSingle: number[] = [];
  for (const { fingerprint, selector } of items) {
    for (let i = 0; i < warmup; i++) locate(fingerprint, document);
    for (let i = 0; i < reps; i++) {
      // The page is unchanged between these shots, so each does the same work: the fastest is what the
      // code costs, the spread above it is other processes taking our core (the single shot is kept too).
      let best = Infinity;
      let bestBase = Infinity;
      for (let shot = 0; shot < SHOTS; shot++) {
        const t0 = performance.now();
        locate(fingerprint, document);
        const t1 = performance.now();
        resolveSelectorChain(selector, document);
        const t2 = performance.now();
        if (shot === 0) {
          waymarkSingle.push(t1 - t0);
          baselineSingle.push(t2 - t1);
        }
        best = Math.min(best, t1 - t0);
        bestBase = Math.min(bestBase, t2 - t1);
      }
      waymark.push(best);
      baseline.push(bestBase);
    }
    for (let i = 0; i < reps; i++) {
      tick(i, 'element');
      const t0 = performance.now();
      locate(fingerprint, document);
      cold.push(performance.now() - t0);
      tick(i, 'text');
      const t1 = performance.now();
      locate(fingerprint, document);
      afterText.push(performance.now() - t1);
      tick(i, 'row');
      const t2 = performance.now();
      locate(fingerprint, document);
      afterRow.push(performance.now() - t2);
    }
  }
  return { waymark, waymarkSingle, cold, afterText, afterRow, baseline, baselineSingle };
}

/** What `repeatLocate` does before each locate (`…Only`: the change alone, to subtract). */
export type RepeatMode = 'warm' | 'cold' | 'text' | 'row' | 'coldOnly' | 'textOnly' | 'rowOnly';

const TICKS = { cold: 'element', coldOnly: 'element', text: 'text', textOnly: 'text', row: 'row', rowOnly: 'row' } as const;

/**
 * `reps` locates of one target in one task, for measuring their CPU time from outside. `cold`: each
 * after an element was added or removed (`tick`); `text`: each after a text change elsewhere; `row`: each after a row came or went above a grid's rows; the
 * `…Only` modes make the changes alone, to subtract.
 */
function repeatLocate(item: Captured, reps: number, mode: RepeatMode = 'warm'): void {
  for (let i = 0; i < reps; i++) {
    if (mode !== 'warm') tick(i, TICKS[mode]);
    if (!mode.endsWith('Only')) locate(item.fingerprint, document);
  }
}

function elementCount(): number {
  let n = 0;
  for (const _ of deepElements(document)) n++;
  return n;
}

const api = { capture, locateAll, replayDump, timeLocate, repeatLocate, elementCount, acceptConfidence: ACCEPT_CONFIDENCE };
export type BenchApi = typeof api;
(globalThis as unknown as { WaymarkBench: BenchApi }).WaymarkBench = api;
