import { defineManifest } from '@crxjs/vite-plugin';
import pkg from '../package.json' with { type: 'json' };

/**
 * Permissions, and why each is needed:
 * - storage: settings and managed (enterprise policy) configuration;
 * - scripting: the bootstrap content script is registered at run time, only on the hosts that some
 *   published flow or tagged feature applies to;
 * - alarms: wakes the worker to sync events to the collector (MV3 workers are stopped when idle);
 * - host permissions for http(s): admins choose the host apps at run time, so they cannot be listed
 *   here. IT can narrow them by policy (runtime_allowed_hosts / runtime_blocked_hosts).
 */
export default defineManifest({
  manifest_version: 3,
  name: 'Waymark',
  version: pkg.version,
  description: 'Guidance inside the tools people already use: walkthroughs, tips and proven AI prompts.',
  minimum_chrome_version: '116',
  background: { service_worker: 'background/index.ts', type: 'module' },
  options_ui: { page: 'options-ui/index.html', open_in_tab: true },
  action: { default_title: 'Waymark' },
  permissions: ['storage', 'scripting', 'alarms'],
  host_permissions: ['http://*/*', 'https://*/*'],
  storage: { managed_schema: 'manifest/managed_schema.json' }, // public/manifest/: crxjs does not copy it, vite copies public/
});
