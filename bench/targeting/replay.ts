/**
 * Ranks the candidates of benchmark corpora again in Node, from dumps written by
 * `WAYMARK_BENCH_ACCURACY_ONLY=1 WAYMARK_BENCH_REPLAY=seed.json npm run bench:targeting`: a change to the
 * matcher (`src/targeting/`) is measured on several seeds in seconds. The dump holds what the page gave
 * (materialised fingerprints), so only the matcher is replayed, not the reading of the page; the browser
 * run stays the benchmark of record.
 *
 *   npx tsx bench/targeting/replay.ts a.json b.json [--list flips.json]
 *
 * Prints one row per dump and one for all, then one JSON line. `--list` writes each target's outcome
 * (to compare two versions of the matcher with a diff). `mismatched` counts targets whose replayed
 * status differs from the live one recorded in the dump: 0 when the matcher is the one that wrote it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { ElementFingerprint } from '../../src/schema/fingerprint';
import { ACCEPT_CONFIDENCE, rankWithAssessment } from '../../src/targeting';
import type { ReplayPage, ReplayTarget } from './pageEntry';

export interface ReplayPair extends ReplayPage {
  id: string;
  kind: string;
  applied: string[];
  targets: (ReplayTarget & { removed: boolean; besideCopy: boolean })[];
}

interface ReplayFile {
  seed: number;
  pairs: ReplayPair[];
}

interface Outcome {
  seed: number;
  pair: string;
  key: string;
  removed: boolean;
  status: 'found' | 'missing' | 'ambiguous';
  topIsOwn: boolean;
  chosenIsOwn: boolean;
  confidence: number;
  live: string;
}

/** `locate`'s verdict on ranked fingerprints (see `content-scripts/targeting/locate.ts`). */
function verdict(target: ElementFingerprint, fingerprints: ElementFingerprint[]): { status: Outcome['status']; top: number; confidence: number } {
  const { ranked, assessment } = rankWithAssessment(target, fingerprints);
  const top = ranked[0];
  if (top === undefined || assessment === null) return { status: 'missing', top: -1, confidence: 0 };
  const rect = fingerprints[top.index]?.rect;
  const rendered = rect !== undefined && (rect.width > 0 || rect.height > 0);
  if (assessment.confidence >= ACCEPT_CONFIDENCE && rendered) return { status: 'found', top: top.index, confidence: assessment.confidence };
  const plausible = rendered && Math.min(assessment.closeness, assessment.identity) >= ACCEPT_CONFIDENCE;
  return { status: plausible ? 'ambiguous' : 'missing', top: top.index, confidence: assessment.confidence };
}

function replayFile(file: ReplayFile): Outcome[] {
  const out: Outcome[] = [];
  for (const pair of file.pairs) {
    for (const t of pair.targets) {
      const fingerprints = t.candidates.map((i) => pair.fingerprints[i] as ElementFingerprint);
      const v = verdict(t.fingerprint, fingerprints);
      const own = t.removed ? -1 : t.own;
      out.push({ seed: file.seed, pair: pair.id, key: t.key, removed: t.removed, status: v.status, topIsOwn: own >= 0 && v.top === own, chosenIsOwn: v.status === 'found' && v.top === own && own >= 0, confidence: v.confidence, live: t.status });
    }
  }
  return out;
}

function figures(outcomes: readonly Outcome[]) {
  const present = outcomes.filter((o) => !o.removed);
  const answered = outcomes.filter((o) => o.status === 'found');
  const wrong = answered.filter((o) => !o.chosenIsOwn).length;
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    pairs: outcomes.length,
    top1: ratio(present.filter((o) => o.topIsOwn).length, present.length),
    coverage: ratio(present.filter((o) => o.status === 'found').length, present.length),
    wrong: ratio(wrong, answered.length),
    wrongAnswers: wrong,
    removedAbstained: ratio(outcomes.filter((o) => o.removed && o.status !== 'found').length, outcomes.filter((o) => o.removed).length),
    mismatched: outcomes.filter((o) => o.status !== o.live).length,
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const listAt = args.indexOf('--list');
  const list = listAt >= 0 ? args[listAt + 1] : undefined;
  const files = args.filter((_, i) => listAt < 0 || (i !== listAt && i !== listAt + 1));
  if (files.length === 0) throw new Error('usage: replay.ts dump.json [more.json] [--list outcomes.json]');
  const all: Outcome[] = [];
  const pct = (x: number) => `${(100 * x).toFixed(2)}%`.padEnd(9);
  console.log(`${'seed'.padEnd(12)}${'pairs'.padEnd(7)}${'top-1'.padEnd(9)}${'cover'.padEnd(9)}${'wrong'.padEnd(9)}${'wrong#'.padEnd(8)}${'rm abst'.padEnd(9)}mismatched`);
  const row = (name: string, f: ReturnType<typeof figures>) => console.log(`${name.padEnd(12)}${String(f.pairs).padEnd(7)}${pct(f.top1)}${pct(f.coverage)}${pct(f.wrong)}${String(f.wrongAnswers).padEnd(8)}${pct(f.removedAbstained)}${f.mismatched}`);
  for (const path of files) {
    const file = JSON.parse(await readFile(path, 'utf8')) as ReplayFile;
    const outcomes = replayFile(file);
    all.push(...outcomes);
    row(String(file.seed), figures(outcomes));
  }
  const total = figures(all);
  row('all', total);
  if (list) await writeFile(list, all.map((o) => JSON.stringify(o)).join('\n') + '\n');
  console.log(JSON.stringify({ bench: 'targeting-replay', files: files.length, ...total }));
}

await main();
