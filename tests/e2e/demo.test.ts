import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

describe('npm run demo -- --check', () => {
  it('serves the demo app, seeds the flow through the options page, and shows its first step', async () => {
    // The same path as `npm run demo`, minus the install and build the test run already did.
    const child = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), ['scripts/demo.ts', '--check'], { cwd: ROOT, env: process.env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(out).toMatch(/demo check: the first step is shown on the demo app: "Open a contact"/);
    expect(code).toBe(0);
  });
});
