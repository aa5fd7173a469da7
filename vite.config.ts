import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest/manifest.config.ts';

export default defineConfig({
  plugins: [crx({ manifest })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome116',
    // The size report reads this to tell eager from lazy code.
    manifest: true,
    sourcemap: false,
    modulePreload: false,
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
});
