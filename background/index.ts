import { createDispatch } from './dispatch';
import { getDocs } from './docs';
import { adminHandlers } from './handlers/admin';
import { contentHandlers } from './handlers/content';
import { getUserId } from './identity';
import { bootstrapMatches, syncBootstrap } from './registration';
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

const dispatch = createDispatch(contentHandlers(writer), adminHandlers(writer, refreshBootstrap));

chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  dispatch(message, sender).then(sendResponse, (e: unknown) => sendResponse({ ok: false, error: String(e) }));
  return true;
});

chrome.runtime.onInstalled.addListener(() => void refreshBootstrap());
chrome.runtime.onStartup.addListener(() => void refreshBootstrap());
