import { defineManifest } from '@crxjs/vite-plugin';
import pkg from '../package.json' with { type: 'json' };

/** The browsers Waymark builds for: `npm run build` (Chromium, `dist/`), `npm run build:firefox` (`dist-firefox/`). */
export type TargetBrowser = 'chrome' | 'firefox';

/**
 * The add-on id Firefox keys storage, policy (`3rdparty.Extensions.<id>` in policies.json) and updates on.
 * Chromium derives its id from the install path or key instead.
 */
export const GECKO_ID = 'waymark@waymark.dev';

/**
 * Permissions, and why each is needed:
 * - storage: settings and managed (enterprise policy) configuration;
 * - scripting: the bootstrap content script is registered at run time, only on the hosts that some
 *   published flow or tagged feature applies to;
 * - alarms: wakes the worker to sync events to the collector (MV3 workers are stopped when idle);
 * - host permissions for http(s): admins choose the host apps at run time, so they cannot be listed
 *   here. IT can narrow them by policy (runtime_allowed_hosts / runtime_blocked_hosts).
 *
 * Firefox runs the same background code as an event page (`background.scripts`, which crxjs writes
 * for `browser: 'firefox'`) instead of a service worker, and needs an add-on id. 128 is the oldest
 * ESR with everything used here (MV3 host permissions granted at install since 127,
 * `storage.session`, `scripting.registerContentScripts`).
 */
export function manifestFor(browser: TargetBrowser) {
  return defineManifest({
    manifest_version: 3,
    name: 'Waymark',
    version: pkg.version,
    description: 'Guidance inside the tools people already use: walkthroughs, tips and proven AI prompts.',
    ...(browser === 'firefox'
      ? {
          background: { scripts: ['background/index.ts'], type: 'module' },
          browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '128.0' } },
        }
      : { minimum_chrome_version: '116', background: { service_worker: 'background/index.ts', type: 'module' } }),
    options_ui: { page: 'options-ui/index.html', open_in_tab: true },
    // The toolbar popup: an admin on a host page picks an element there and makes a guide, tip… of it.
    action: { default_title: 'Waymark', default_popup: 'options-ui/popup.html' },
    permissions: ['storage', 'scripting', 'alarms'],
    host_permissions: ['http://*/*', 'https://*/*'],
    storage: { managed_schema: 'manifest/managed_schema.json' }, // public/manifest/: crxjs does not copy it, vite copies public/
  });
}

export default manifestFor('chrome');
