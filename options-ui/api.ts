import type { AdminRequest, Failure, RequestOf, Responses } from '../src/messages/protocol';

/**
 * The options page's only way to state: typed admin messages to the background, which owns storage
 * and validates every request again. A send never throws: a rejected promise, an empty reply (no
 * listener, worker stopped mid-request) or a reply of the wrong shape all become `{ ok: false, error }`.
 */
export type AdminType = AdminRequest['type'];

/** Delivers one message and resolves with the raw reply (`chrome.runtime.sendMessage` in the page). */
export type Transport = (request: AdminRequest) => Promise<unknown>;

export type Send = <K extends AdminType>(request: RequestOf<K>) => Promise<Responses[K]>;

function failure(error: string): Failure {
  return { ok: false, error };
}

function describeError(e: unknown): string {
  const msg = e instanceof Error ? e.message : typeof e === 'string' ? e : 'unknown error';
  if (/Receiving end does not exist|Could not establish connection/i.test(msg)) {
    return 'The Waymark background service is not running. Reload the extension and try again.';
  }
  if (/Extension context invalidated/i.test(msg)) return 'Waymark was updated or reloaded. Reload this page.';
  return `Could not reach the Waymark background service: ${msg}`;
}

export function createClient(transport: Transport): Send {
  return async <K extends AdminType>(request: RequestOf<K>): Promise<Responses[K]> => {
    let reply: unknown;
    try {
      reply = await transport(request);
    } catch (e) {
      return failure(describeError(e)) as Responses[K];
    }
    if (typeof reply !== 'object' || reply === null || typeof (reply as { ok?: unknown }).ok !== 'boolean') {
      return failure(`The background gave no answer to "${(request as AdminRequest).type}". It may have been restarted: try again.`) as Responses[K];
    }
    const r = reply as { ok: boolean; error?: unknown };
    if (!r.ok && typeof r.error !== 'string') return { ...r, error: 'The request failed (no reason given).' } as Responses[K];
    // The background is part of this extension and replies with the typed `Responses`; the shape
    // checks above only guard against a missing or foreign reply.
    return reply as Responses[K];
  };
}

function chromeTransport(request: AdminRequest): Promise<unknown> {
  const runtime = globalThis.chrome?.runtime;
  if (!runtime?.sendMessage) {
    return Promise.reject(new Error('this page is not running inside the Waymark extension'));
  }
  return runtime.sendMessage(request);
}

/** Sends an admin message to the background and resolves with its typed reply. */
export const send: Send = createClient(chromeTransport);
