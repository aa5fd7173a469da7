import { useEffect, useRef, useState } from 'preact/hooks';
import { PickerResultMessageSchema, type PickedElement, type PickerCancelReason, type PickerSession } from '../src/messages/picker';
import { send } from './api';
import { isFromBackground } from './isFromBackground';
import { rankPickerTabs, type RankedTab, type TabPreference } from './rankPickerTabs';

export type PickerState =
  | { phase: 'idle' }
  /** The tab chooser is open; `tabs` is null while they load. */
  | { phase: 'choosing'; tabs: RankedTab[] | null; error: string | null }
  | { phase: 'waiting'; sessionId: string; tabTitle: string }
  | { phase: 'picked'; pick: PickedElement; tabTitle: string }
  | { phase: 'ended'; message: string };

export interface Picker {
  state: PickerState;
  /** Opens the tab chooser (or refreshes its list). */
  choose(): void;
  /** Starts the picker in a tab. */
  start(tabId: number): void;
  /** Closes the chooser, or stops a picker that waits. */
  cancel(): void;
}

const CANCEL_TEXT: Record<PickerCancelReason, string> = {
  page: 'Picking was cancelled on the page.',
  admin: 'Picking was cancelled.',
  replaced: 'Picking moved to another element field.',
  'tab-closed': 'The tab was closed before an element was picked.',
};

/** While a picker waits, the session is also asked for this often (results are pushed; this is the fallback). */
const STATUS_POLL_MS = 1000;

/** The options page's own tab, so the background can bring the admin back here after the pick. */
async function ownTabId(): Promise<number | undefined> {
  try {
    return (await chrome.tabs.getCurrent())?.id;
  } catch {
    return undefined;
  }
}

/**
 * One "Pick on page" control's state. Results come from the background as a `picker/result` message
 * (checked: from our own background, well-formed, for this control's session); when the page was in
 * the background and may have missed it, the session is asked for again on return. A control that goes
 * away while its picker waits stops that picker.
 */
export function usePicker(pref: TabPreference, onPicked: (pick: PickedElement) => void): Picker {
  const [state, setState] = useState<PickerState>({ phase: 'idle' });
  // The latest callbacks and state, for listeners that outlive a render.
  const onPickedRef = useRef(onPicked);
  onPickedRef.current = onPicked;
  const stateRef = useRef(state);
  stateRef.current = state;

  const settle = (session: PickerSession) => {
    const cur = stateRef.current;
    if (cur.phase !== 'waiting' || cur.sessionId !== session.id || session.outcome === null) return;
    const outcome = session.outcome;
    if (outcome.kind === 'picked') {
      onPickedRef.current(outcome.pick);
      setState({ phase: 'picked', pick: outcome.pick, tabTitle: session.tabTitle });
    } else {
      setState({ phase: 'ended', message: CANCEL_TEXT[outcome.reason] });
    }
  };

  const waiting = state.phase === 'waiting';
  useEffect(() => {
    if (!waiting) return;
    const onMessage = (message: unknown, sender: chrome.runtime.MessageSender) => {
      if (!isFromBackground(sender, chrome.runtime.id, chrome.runtime.getURL(''))) return;
      const parsed = PickerResultMessageSchema.safeParse(message);
      if (parsed.success) settle(parsed.data.session);
    };
    const ask = () => void send({ type: 'admin/picker/status' }).then((r) => r.ok && r.session && settle(r.session));
    const onVisible = () => {
      if (document.visibilityState === 'visible') ask();
    };
    chrome.runtime.onMessage.addListener(onMessage);
    document.addEventListener('visibilitychange', onVisible);
    // And now and then while waiting: a result can miss this page (a pick made before the page was
    // waiting for it, a message Firefox did not deliver to a page that stayed visible).
    const poll = setInterval(ask, STATUS_POLL_MS);
    return () => {
      chrome.runtime.onMessage.removeListener(onMessage);
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(poll);
    };
  }, [waiting]);

  // Leaving the editor (or another step) while waiting: nobody would receive the pick.
  useEffect(
    () => () => {
      const cur = stateRef.current;
      if (cur.phase === 'waiting') void send({ type: 'admin/picker/cancel', sessionId: cur.sessionId });
    },
    [],
  );

  const choose = () => {
    setState({ phase: 'choosing', tabs: null, error: null });
    void send({ type: 'admin/picker/tabs' }).then((r) => {
      if (stateRef.current.phase !== 'choosing') return;
      setState(r.ok ? { phase: 'choosing', tabs: rankPickerTabs(r.tabs, pref), error: null } : { phase: 'choosing', tabs: [], error: r.error });
    });
  };

  const start = (tabId: number) => {
    if (stateRef.current.phase !== 'choosing') return;
    void (async () => {
      const r = await send({ type: 'admin/picker/start', tabId, returnTabId: await ownTabId() });
      const now = stateRef.current;
      if (now.phase !== 'choosing') {
        // Closed meanwhile: do not leave a picker running for nobody.
        if (r.ok) void send({ type: 'admin/picker/cancel', sessionId: r.session.id });
        return;
      }
      if (r.ok) setState({ phase: 'waiting', sessionId: r.session.id, tabTitle: r.session.tabTitle });
      else setState({ ...now, error: r.error });
    })();
  };

  const cancel = () => {
    const cur = stateRef.current;
    if (cur.phase === 'waiting') {
      void send({ type: 'admin/picker/cancel', sessionId: cur.sessionId });
      setState({ phase: 'ended', message: CANCEL_TEXT.admin });
    } else {
      setState({ phase: 'idle' });
    }
  };

  return { state, choose, start, cancel };
}
