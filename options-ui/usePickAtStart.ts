import { useEffect, useState } from 'preact/hooks';
import type { PickedElement } from '../src/messages/picker';
import { send } from './api';

/** A pick an editor opened with (`#/<list>/new/pick/<session>`), and the tab it was made in. */
export interface PickAtStart {
  pick: PickedElement;
  tabTitle: string;
}

export type PickAtStartState = { status: 'none' } | { status: 'loading' } | { status: 'ready'; value: PickAtStart } | { status: 'gone' };

/**
 * Reads the pick of picker session `sessionId` (made from the toolbar popup) from the background.
 * `gone`: that session is no longer the last one, or ended without a pick (the browser was restarted,
 * or another pick started since): the editor then opens empty and says so.
 */
export function usePickAtStart(sessionId: string | undefined): PickAtStartState {
  const [state, setState] = useState<PickAtStartState>(sessionId === undefined ? { status: 'none' } : { status: 'loading' });
  useEffect(() => {
    if (sessionId === undefined) return;
    let live = true;
    void send({ type: 'admin/picker/status' }).then((r) => {
      if (!live) return;
      const s = r.ok ? r.session : null;
      if (s && s.id === sessionId && s.outcome?.kind === 'picked') setState({ status: 'ready', value: { pick: s.outcome.pick, tabTitle: s.tabTitle } });
      else setState({ status: 'gone' });
    });
    return () => {
      live = false;
    };
  }, [sessionId]);
  return state;
}
