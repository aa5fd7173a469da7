import { createDispatch } from './dispatch';
import { getDocs, invalidateDocs } from './docs';
import { adminHandlers } from './handlers/admin';
import { contentHandlers } from './handlers/content';
import { getUserId } from './identity';
import { watchPickerTabs } from './pickerSession';
import { bootstrapMatches, syncBootstrap } from './registration';
import { createChromeSyncEngine } from './sync/chromeSyncEngine';
import { createWriter } from './writer';

/*
 * The service worker: the only owner of state. MV3 stops idle workers at any time, so every listener is
 * registered synchronously at the top level, and nothing that matters lives only in memory: each answer
 * is sent after the change it reports has been committed to IndexedDB.
 */
const writer = createWriter({ userId: getUserId });

async function refreshBootstrap(): Promise<void> {
  await syncBootstrap(bootstrapMatches(await getDocs()));
}

// Syncs the event log to the collector and pulls its published flows (see background/sync/).
const sync = createChromeSyncEngine({
  onFlowsChanged: async () => {
    invalidateDocs();
    await refreshBootstrap();
  },
});

// Guidance may be meant for some teams only: the team comes from the sync settings or the policy.
const team = async () => (await sync.settings.load()).values.team;
const dispatch = createDispatch(contentHandlers(writer, { team }), adminHandlers(writer, refreshBootstrap, sync));

chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  dispatch(message, sender).then(sendResponse, (e: unknown) => sendResponse({ ok: false, error: String(e) }));
  return true;
});

chrome.runtime.onInstalled.addListener(() => void refreshBootstrap());
chrome.runtime.onStartup.addListener(() => void refreshBootstrap());
// The element picker's session follows its tab (closed: cancelled; reloaded: picker injected again).
watchPickerTabs();
// The alarm wakes a stopped worker to sync; settings or policy changes restart sync at once; each worker
// start catches up on a sync that came due while it was stopped.
chrome.alarms.onAlarm.addListener((alarm) => sync.onAlarm(alarm.name));
chrome.storage.onChanged.addListener((changes, area) => sync.onStorageChanged(changes, area));
chrome.runtime.onStartup.addListener(() => void sync.trigger('soon'));
void sync.trigger('due');
