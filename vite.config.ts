import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import { manifestFor, type TargetBrowser } from './manifest/manifest.config.ts';

/** `vite build` builds for Chromium into `dist/`; `vite build --mode firefox` for Firefox into `dist-firefox/`. */
export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [crx({ manifest: manifestFor(browser), browser })],
    build: {
      outDir: browser === 'firefox' ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: browser === 'firefox' ? 'firefox128' : 'chrome116',
      // The size report reads this to tell eager from lazy code.
      manifest: true,
      sourcemap: false,
      modulePreload: false,
    },
    server: { cors: { origin: [/chrome-extension:\/\//, /moz-extension:\/\//] } },
  };
});
