import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/**
 * Bundles an entry as one IIFE with vite's JS API (library mode) into a temp dir and returns the code.
 * No new dependency: vite is already the project's bundler.
 */
export async function bundleIife(root: string, entry: string, name: string, minify = true): Promise<{ code: string; gzipBytes: number }> {
  const outDir = await mkdtemp(join(tmpdir(), 'waymark-bench-'));
  try {
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: true,
        minify,
        lib: { entry, formats: ['iife'], name, fileName: () => 'bundle.js' },
      },
    });
    const code = await readFile(join(outDir, 'bundle.js'), 'utf8');
    return { code, gzipBytes: gzipSync(code, { level: 9 }).length };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
