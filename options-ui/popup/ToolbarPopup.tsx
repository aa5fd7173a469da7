import { useEffect, useState } from 'preact/hooks';
import type { PickerNext } from '../../src/messages/picker';
import { send } from '../api';
import { popupTab, type PopupTab } from './popupTab';

/** What the popup offers to make from an element of the page, in the order shown. */
const MAKES: ReadonlyArray<{ next: PickerNext; label: string; hint: string }> = [
  { next: 'flow', label: 'A guide', hint: 'a walkthrough whose first step points at it' },
  { next: 'tip', label: 'A smart tip', hint: 'help beside a field' },
  { next: 'prompt', label: 'A prompt helper', hint: 'proven prompts where people type' },
  { next: 'feature', label: 'A tracked feature', hint: 'count first and repeat use' },
  { next: 'beacon', label: 'A beacon', hint: 'a pulse that draws the eye to it' },
];

/**
 * The toolbar popup, for admins on a host page: pick an element of this page and make something of it
 * (the options page opens with the element filled in once it is picked), or open the Waymark admin.
 * The popup closes when the page takes the focus, so the background carries the pick on.
 */
export function ToolbarPopup() {
  const [tab, setTab] = useState<PopupTab | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void chrome.tabs.query({ active: true, currentWindow: true }).then(
      ([t]) => setTab(popupTab(t)),
      () => setTab(null),
    );
  }, []);

  const pick = async (next: PickerNext) => {
    if (!tab || busy) return;
    setBusy(true);
    setError(null);
    const r = await send({ type: 'admin/picker/start', tabId: tab.id, then: next });
    setBusy(false);
    if (r.ok) window.close();
    else setError(r.error);
  };
  const openAdmin = () => {
    void chrome.runtime.openOptionsPage();
    window.close();
  };
  // Anyone can see what this browser recorded about them: the Activity page, one click away.
  const openActivity = () => {
    void chrome.tabs.create({ url: chrome.runtime.getURL('options-ui/index.html#/activity') });
    window.close();
  };

  return (
    <main class="popup" data-testid="toolbar-popup">
      <h1 class="popup-title">
        <span aria-hidden="true">◆</span> Waymark
      </h1>
      {tab === undefined ? <p class="muted">Looking at this tab…</p> : null}
      {tab === null ? (
        <p class="muted" data-testid="popup-no-page">
          Open a page of your host app (http or https) to pick an element on it.
        </p>
      ) : null}
      {tab ? (
        <section aria-labelledby="popup-pick-heading">
          <h2 id="popup-pick-heading" class="popup-heading">
            Pick an element on “{tab.title}” for…
          </h2>
          <ul class="popup-list">
            {MAKES.map((m) => (
              <li key={m.next}>
                <button type="button" class="popup-btn" disabled={busy} onClick={() => void pick(m.next)} data-testid={`popup-pick-${m.next}`}>
                  <span class="popup-btn-label">{m.label}</span>
                  <span class="popup-btn-hint">{m.hint}</span>
                </button>
              </li>
            ))}
          </ul>
          <p class="muted popup-note">Then click the element on the page (Esc cancels). The editor opens with it filled in.</p>
        </section>
      ) : null}
      {error ? (
        <p class="popup-error" role="alert" data-testid="popup-error">
          {error}
        </p>
      ) : null}
      <p class="popup-links">
        <button type="button" class="popup-link" onClick={openActivity} data-testid="popup-open-activity">
          What Waymark records about you
        </button>
        <button type="button" class="popup-link" onClick={openAdmin} data-testid="popup-open-admin">
          Open the Waymark admin
        </button>
      </p>
    </main>
  );
}
