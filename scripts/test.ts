/**
 * `npm test`: every check, in the order a failure is cheapest to see. Typecheck and lint, the build
 * (with its size budgets), then the vitest projects one after another (unit, server, e2e), each writing
 * JSON results. The last line is `N passed, N failed` (`, N skipped` when any), over every test run;
 * a failed typecheck, lint or build counts as one failed check each.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

interface VitestJson {
  /** Per file; a file whose setup (beforeAll) failed has status `failed` and its tests only skipped. */
  testResults: { name: string; status: string; assertionResults: { status: string }[] }[];
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numTotalTests: number;
}

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status === 0;

let passed = 0;
let failed = 0;
let skipped = 0;
const failures: string[] = [];

for (const [name, args] of [
  ['typecheck', ['run', 'typecheck']],
  ['lint', ['run', 'lint']],
  ['build', ['run', 'build']],
  ['build:firefox', ['run', 'build:firefox']],
] as const) {
  console.log(`\n== ${name}`);
  if (!run('npm', [...args])) {
    failed++;
    failures.push(name);
  }
}

mkdirSync('test-results', { recursive: true });
const projects = (process.env.WAYMARK_TEST_PROJECTS ?? 'unit,server,e2e').split(',');
for (const project of projects) {
  if (project === 'e2e' && (failures.includes('build') || failures.includes('build:firefox'))) {
    console.log('\n== e2e skipped: the build failed');
    failed++;
    continue;
  }
  const out = `test-results/${project}.json`;
  rmSync(out, { force: true });
  console.log(`\n== vitest --project ${project}`);
  run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  if (!existsSync(out)) {
    failed++;
    failures.push(`${project} (no results)`);
    continue;
  }
  const r = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  if (r.numFailedTests > 0) failures.push(`${project}: ${r.numFailedTests} failed`);
  // A file that failed without a failed test (its setup threw, or it did not load) counts as one failure:
  // its tests were only reported as skipped.
  for (const f of r.testResults) {
    if (f.status !== 'failed' || f.assertionResults.some((a) => a.status === 'failed')) continue;
    failed++;
    failures.push(`${project}: ${f.name.replace(`${process.cwd()}/`, '')} failed before its tests ran`);
  }
  if (r.numTotalTests === 0) {
    failed++;
    failures.push(`${project}: no tests ran`);
  }
}

if (failures.length) console.log(`\nfailures: ${failures.join('; ')}`);
const summary = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
writeFileSync('test-results/summary.txt', `${summary}\n`);
console.log(summary);
process.exit(failed > 0 ? 1 : 0);
