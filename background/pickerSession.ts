import { z } from 'zod';
import pickerScript from '../content-scripts/picker/picker.ts?script';
import {
  pickedEditorHash,
  PickerNextSchema,
  PickerSessionSchema,
  type PickerNext,
  type PickerCancelReason,
  type PickerOutcome,
  type PickerResultMessage,
  type PickerSession,
  type PickerStopMessage,
  type PickerTab,
} from '../src/messages/picker';

/*
 * The element picker's one session at a time. Its state lives in chrome.storage.session, not in
 * memory: the worker may be stopped while the admin looks for the element, and a pick that arrives
 * after a restart must still find its session. Session storage is cleared with the browser session and
 * is not readable by content scripts (its default access level).
 */

const KEY = 'waymark.picker';
/** Bump when the stored shape changes; a record of another version is dropped (it is ephemeral anyway). */
const VERSION = 1;

const StoredSchema = z.strictObject({
  v: z.literal(VERSION),
  session: PickerSessionSchema,
  returnTabId: z.number().int().min(0).optional(),
  then: PickerNextSchema.optional(),
});
type Stored = z.infer<typeof StoredSchema>;

const isWebUrl = (url: string | undefined): url is string => url !== undefined && /^https?:\/\//i.test(url);

async function load(): Promise<Stored | null> {
  const got = await chrome.storage.session.get(KEY);
  const parsed = StoredSchema.safeParse(got[KEY]);
  return parsed.success ? parsed.data : null;
}

async function save(rec: Stored): Promise<void> {
  await chrome.storage.session.set({ [KEY]: rec });
}

/** Session changes are read-modify-write on storage: one at a time, so a pick and a cancel cannot cross. */
let chain: Promise<unknown> = Promise.resolve();
function serial<T>(f: () => Promise<T>): Promise<T> {
  const run = chain.then(f);
  chain = run.catch(() => undefined);
  return run;
}

/** Tells every frame of the tab to stop picking. The tab may be gone, or have no picker left: fine. */
async function stopTab(tabId: number): Promise<void> {
  const msg: PickerStopMessage = { type: 'picker/stop' };
  await chrome.tabs.sendMessage(tabId, msg).catch(() => undefined);
}

/** Tells the extension's pages how a session ended. No page listening (the options page was closed) is fine. */
async function announce(session: PickerSession): Promise<void> {
  const msg: PickerResultMessage = { type: 'picker/result', session };
  await chrome.runtime.sendMessage(msg).catch(() => undefined);
}

/** Brings a tab and its window to the front; best effort (the tab may have been closed meanwhile). */
async function bringToFront(tabId: number): Promise<void> {
  try {
    const tab = await chrome.tabs.update(tabId, { active: true });
    if (tab?.windowId !== undefined) await chrome.windows.update(tab.windowId, { focused: true });
  } catch {
    // Nothing to bring back.
  }
}

async function inject(tabId: number): Promise<void> {
  // Every frame: the picker must reach same-origin iframes, which run their own copy. Frames the
  // extension may not access are skipped by the browser; the top frame failing rejects.
  await chrome.scripting.executeScript({ target: { tabId, allFrames: true }, files: [pickerScript] });
}

/** Which session an ending applies to: a pick from a tab must come from the session's tab. */
interface EndMatch {
  tabId?: number;
  sessionId?: string;
}

/**
 * Ends the running session with `outcome`: stores it, stops the pickers left in the tab, tells the
 * extension's pages, and after a pick brings the admin back to the page that started it. Returns the
 * ended session, or null when no running session matches (it had already ended, or belongs elsewhere).
 */
export function endSession(outcome: PickerOutcome, match: EndMatch = {}): Promise<PickerSession | null> {
  return serial(async () => {
    const rec = await load();
    if (!rec || rec.session.outcome !== null) return null;
    if (match.tabId !== undefined && rec.session.tabId !== match.tabId) return null;
    if (match.sessionId !== undefined && rec.session.id !== match.sessionId) return null;
    const session: PickerSession = { ...rec.session, outcome };
    await save({ ...rec, session });
    await stopTab(session.tabId);
    await announce(session);
    if (outcome.kind === 'picked' && rec.returnTabId !== undefined) await bringToFront(rec.returnTabId);
    if (outcome.kind === 'picked' && rec.then !== undefined) await openEditor(rec.then, session);
    return session;
  });
}

/** Opens the options page on a new document made from the pick, beside the tab it was picked in. */
async function openEditor(next: PickerNext, session: PickerSession): Promise<void> {
  const url = chrome.runtime.getURL(`options-ui/index.html${pickedEditorHash(next, session.id)}`);
  try {
    const tab = await chrome.tabs.get(session.tabId).catch(() => null);
    await chrome.tabs.create({ url, ...(tab ? { windowId: tab.windowId, index: tab.index + 1 } : {}) });
  } catch {
    // The window went away meanwhile: the pick is kept in the session, the popup can be opened again.
  }
}

export type StartResult = { ok: true; session: PickerSession } | { ok: false; error: string };

/**
 * Starts a session in `tabId`: a session still running elsewhere ends as `replaced`, the picker is
 * injected into every frame, and the tab is brought to the front so the admin can point at the element.
 */
export async function startSession(tabId: number, returnTabId: number | undefined, then?: PickerNext): Promise<StartResult> {
  let tab: chrome.tabs.Tab;
  try {
    tab = await chrome.tabs.get(tabId);
  } catch {
    return { ok: false, error: 'That tab is no longer open. Choose another one.' };
  }
  if (!isWebUrl(tab.url)) return { ok: false, error: 'Elements can be picked only on web pages (http or https).' };
  await endSession({ kind: 'cancelled', reason: 'replaced' });
  const session: PickerSession = { id: crypto.randomUUID(), tabId, tabTitle: (tab.title ?? '').slice(0, 1024), startedAt: Date.now(), outcome: null };
  // Stored before injecting: a quick click must find its session.
  await serial(() => save({ v: VERSION, session, ...(returnTabId !== undefined ? { returnTabId } : {}), ...(then !== undefined ? { then } : {}) }));
  try {
    await inject(tabId);
  } catch (e) {
    // Nothing runs in the tab: forget the session rather than leave one waiting for a click.
    await serial(() => chrome.storage.session.remove(KEY));
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `Waymark could not run on that page (${why}).` };
  }
  await bringToFront(tabId);
  return { ok: true, session };
}

/** The current or last session. */
export async function currentSession(): Promise<PickerSession | null> {
  return (await load())?.session ?? null;
}

export function cancelSession(reason: PickerCancelReason, match: EndMatch = {}): Promise<PickerSession | null> {
  return endSession({ kind: 'cancelled', reason }, match);
}

/**
 * The open web pages, in the order the browser lists them. Without the `tabs` permission the browser
 * fills in `url` and `title` only for pages the extension has host access to: exactly the http(s)
 * pages the picker can run on, so no further permission is needed.
 */
export async function pickableTabs(): Promise<PickerTab[]> {
  const tabs = await chrome.tabs.query({});
  const out: PickerTab[] = [];
  for (const t of tabs) {
    if (t.id === undefined || t.id < 0 || !isWebUrl(t.url)) continue;
    out.push({ tabId: t.id, windowId: t.windowId, title: t.title ?? t.url, url: t.url, active: t.active });
  }
  return out;
}

/**
 * Keeps a session in step with its tab: a closed tab ends it; a page that finished loading again (a
 * full navigation or a reload wipes the picker) gets the picker again, so the admin can move to the
 * right page and still pick. Registered at the worker's top level, as MV3 requires.
 */
export function watchPickerTabs(): void {
  chrome.tabs.onRemoved.addListener((tabId) => {
    void cancelSession('tab-closed', { tabId });
  });
  chrome.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'complete') return;
    void (async () => {
      const rec = await load();
      if (!rec || rec.session.outcome !== null || rec.session.tabId !== tabId) return;
      // A second injection into a page that still has its picker is a no-op (the picker guards itself).
      await inject(tabId).catch(() => undefined);
    })();
  });
}
