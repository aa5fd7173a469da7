import type { SyncSettingsService } from '../sync/syncSettings';
import { createInsightsAccess } from './createInsightsAccess';

/** The `chrome.storage.local` key of the insights access (apart from the sync settings' key). */
export const INSIGHTS_ACCESS_KEY = 'waymark.insights';

/** The insights access wired to the extension's storage and network; the sync settings give the default URL. */
export function createChromeInsightsAccess(syncSettings: Pick<SyncSettingsService, 'load'>) {
  return createInsightsAccess({
    store: {
      async read() {
        return (await chrome.storage.local.get(INSIGHTS_ACCESS_KEY))[INSIGHTS_ACCESS_KEY];
      },
      write: (record) => chrome.storage.local.set({ [INSIGHTS_ACCESS_KEY]: record }),
      clear: () => chrome.storage.local.remove(INSIGHTS_ACCESS_KEY),
    },
    syncServerUrl: async () => (await syncSettings.load()).values.serverUrl,
    // Bound: a service worker's fetch called as a method of another object throws "Illegal invocation".
    fetch: globalThis.fetch.bind(globalThis),
  });
}
