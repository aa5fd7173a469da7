import { getDb } from '../db';
import { createSyncEngine, SYNC_ALARM, type AlarmPort } from './createSyncEngine';
import { createSyncSettings, type SettingsStore } from './syncSettings';

/** The `chrome.storage.local` key of the settings saved on the options page. */
export const SETTINGS_KEY = 'waymark.sync';

/** Saved settings in `chrome.storage.local`, policy in `chrome.storage.managed`. */
export function chromeSettingsStore(): SettingsStore {
  return {
    async readSaved() {
      return (await chrome.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    },
    writeSaved: (record) => chrome.storage.local.set({ [SETTINGS_KEY]: record }),
    clearSaved: () => chrome.storage.local.remove(SETTINGS_KEY),
    async readManaged() {
      // Rejects where the browser has no policy support (or no managed_schema): no policy then.
      try {
        return await chrome.storage.managed.get(null);
      } catch {
        return {};
      }
    },
  };
}

/** The sync alarm; re-created only when its period changes (creating it again would restart its clock). */
export function chromeAlarms(): AlarmPort {
  return {
    async ensure(periodInMinutes) {
      const current = await chrome.alarms.get(SYNC_ALARM);
      if (current?.periodInMinutes === periodInMinutes) return;
      await chrome.alarms.create(SYNC_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
    },
  };
}

/** The sync engine wired to the extension's storage, alarms and network. */
export function createChromeSyncEngine(o: { onFlowsChanged: () => Promise<void> }) {
  const settings = createSyncSettings(chromeSettingsStore());
  const engine = createSyncEngine({
    db: getDb,
    settings,
    // Bound: a service worker's fetch called as a method of another object throws "Illegal invocation".
    fetch: globalThis.fetch.bind(globalThis),
    alarms: chromeAlarms(),
    version: chrome.runtime.getManifest().version,
    onFlowsChanged: o.onFlowsChanged,
  });
  return {
    ...engine,
    settings,
    /** For `chrome.storage.onChanged`: saved settings or policy changed. */
    onStorageChanged(changes: Record<string, chrome.storage.StorageChange>, area: string): void {
      if ((area === 'local' && SETTINGS_KEY in changes) || area === 'managed') void engine.settingsChanged();
    },
  };
}
export type ChromeSyncEngine = ReturnType<typeof createChromeSyncEngine>;
