import type { AdminHandlers, ContentHandlers } from './handlerMaps';
import { cancelSession, currentSession, endSession, pickableTabs, startSession } from '../pickerSession';

type PickerAdminType = 'admin/picker/tabs' | 'admin/picker/start' | 'admin/picker/cancel' | 'admin/picker/status';
type PickerContentType = 'picker/picked' | 'picker/cancelled';

/** The options page's side of the element picker. */
export function pickerAdminHandlers(): Pick<AdminHandlers, PickerAdminType> {
  return {
    async 'admin/picker/tabs'() {
      return { ok: true, tabs: await pickableTabs() };
    },

    async 'admin/picker/start'(req) {
      return startSession(req.tabId, req.returnTabId, req.then);
    },

    async 'admin/picker/cancel'(req) {
      await cancelSession('admin', req.sessionId !== undefined ? { sessionId: req.sessionId } : {});
      return { ok: true };
    },

    async 'admin/picker/status'() {
      return { ok: true, session: await currentSession() };
    },
  };
}

/**
 * The picker's reports from the page. The dispatcher has checked that the sender is our content script
 * in a tab and that the fingerprint is valid; a report counts only for the session running in that tab.
 */
export function pickerContentHandlers(): Pick<ContentHandlers, PickerContentType> {
  return {
    async 'picker/picked'(req, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false, error: 'not sent from a tab' };
      const { type: _type, ...pick } = req;
      // The browser's word for the frame's address beats the page's.
      const frameUrl = sender.url ?? pick.frameUrl;
      const ended = await endSession({ kind: 'picked', pick: { ...pick, frameUrl } }, { tabId });
      return ended ? { ok: true } : { ok: false, error: 'no element picker is running in this tab' };
    },

    async 'picker/cancelled'(_req, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false, error: 'not sent from a tab' };
      await cancelSession('page', { tabId });
      return { ok: true };
    },
  };
}
