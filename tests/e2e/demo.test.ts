import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

describe('npm run demo -- --check', () => {
  it('serves the demo app, seeds the flow through the options page, shows its first step, and Insights over a sample population', async () => {
    // The same path as `npm run demo`, minus the install and build the test run already did.
    const child = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), ['scripts/demo.ts', '--check'], { cwd: ROOT, env: process.env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(out).toMatch(/demo check: the first step is shown on the demo app: "Open a contact"/);
    // The sample population reached the collector, and the champion's Insights page reads it.
    expect(out).toMatch(/sent a sample population to the collector for Insights: 300 people in 12 teams, \d+ events/);
    expect(out).toMatch(/demo check: Insights shows [\d,]+ active people in the last 4 weeks/);
    expect(code).toBe(0);
  });
});
