import type { ContentRequest, Responses } from '../src/messages/protocol';

/** False once the extension was reloaded or removed: this script's context is then invalidated. */
export function runtimeAlive(): boolean {
  return typeof chrome !== 'undefined' && chrome.runtime?.id !== undefined;
}

export class ContextGone extends Error {
  constructor() {
    super('the extension context was invalidated');
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends a request to the background and returns its reply. The worker may be stopped at any moment (MV3);
 * a send that fails is retried with backoff, which also wakes the worker. Mutating requests carry an
 * `opId`, so a retry of a request that was applied but not answered changes nothing.
 */
export async function send<T extends ContentRequest>(req: T): Promise<Responses[T['type']]> {
  let lastError = 'no reply';
  // About 25 s of retries in all: long enough for a stopped worker to start again under load.
  for (let attempt = 0; attempt < 12; attempt++) {
    if (!runtimeAlive()) throw new ContextGone();
    try {
      const reply = (await chrome.runtime.sendMessage(req)) as Responses[T['type']] | undefined;
      if (reply !== undefined) return reply;
    } catch (e) {
      lastError = e instanceof Error ? e.message : String(e);
      if (!runtimeAlive()) throw new ContextGone();
    }
    await sleep(Math.min(100 * 2 ** attempt, 3000));
  }
  return { ok: false, error: lastError } as Responses[T['type']];
}
