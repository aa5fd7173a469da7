import type { ContentRequests, Reply } from '../../src/messages/protocol';

export type PickerReport = ContentRequests['picker/picked'] | ContentRequests['picker/cancelled'];

export function runtimeAlive(): boolean {
  return typeof chrome !== 'undefined' && chrome.runtime?.id !== undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends the picker's report to the background and resolves with its reply, or null when none came: the
 * extension is gone, or the worker did not answer after a few tries (MV3 stops idle workers; a failed
 * send wakes it). A copy of `content-scripts/runtime.ts`'s loop, kept small, because importing that
 * module would make the eagerly loaded bootstrap share a chunk with the picker.
 */
export async function notify(report: PickerReport): Promise<Reply<object> | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!runtimeAlive()) return null;
    try {
      const reply = (await chrome.runtime.sendMessage(report)) as Reply<object> | undefined;
      if (reply !== undefined) return reply;
    } catch {
      if (!runtimeAlive()) return null;
    }
    await sleep(100 * 2 ** attempt);
  }
  return null;
}
