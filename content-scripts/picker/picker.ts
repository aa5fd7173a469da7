import type { PickerStopMessage } from '../../src/messages/picker';
import { PICKER_TAG } from './isOurNode';
import { notify, runtimeAlive } from './notify';
import { startPicker } from './startPicker';

/*
 * The element picker's entry. The background injects it on demand into every frame of the tab the admin
 * chose (`chrome.scripting.executeScript`); nothing of it loads otherwise. crxjs's loader imports this
 * module and calls `onExecute` on every injection, while the module itself is evaluated once per frame:
 * so the picker starts in `onExecute`, and a second injection into a frame that still picks does nothing.
 */

let stopActive: (() => void) | null = null;

function isStop(message: unknown): message is PickerStopMessage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'picker/stop';
}

/** The background stops every frame of the tab when the admin picked in one of them, or cancelled. */
function onMessage(message: unknown, sender: chrome.runtime.MessageSender): void {
  // Only our own background or pages can message a content script; checked all the same.
  if (sender.id !== chrome.runtime.id || !isStop(message)) return;
  stopActive?.();
}

export function onExecute(): void {
  if (stopActive !== null || !runtimeAlive()) return;
  // A host left by a picker whose extension context was invalidated (the extension was reloaded).
  for (const stale of document.querySelectorAll(PICKER_TAG)) stale.remove();
  chrome.runtime.onMessage.addListener(onMessage);
  stopActive = startPicker({
    win: window,
    alive: runtimeAlive,
    // Only an explicit refusal keeps the picker going; no answer at all means the extension is gone.
    report: async (r) => (await notify(r))?.ok !== false,
    onStopped: () => {
      stopActive = null;
      if (runtimeAlive()) chrome.runtime.onMessage.removeListener(onMessage);
    },
  });
}
