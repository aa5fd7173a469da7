import type { z } from 'zod';
import { AdminRequestSchemas, ContentRequestSchemas, type Failure } from '../src/messages/protocol';
import { zodIssues } from '../src/schema/migrate';
import type { AdminHandlers } from './handlers/admin';
import type { ContentHandlers } from './handlers/content';
import { isFromContentScript, isFromExtensionPage } from './senders';

type Handler = (req: unknown, sender: chrome.runtime.MessageSender) => Promise<unknown>;
type Route = { schema: z.ZodTypeAny; handler: Handler; allowed: (s: chrome.runtime.MessageSender) => boolean };

/**
 * Builds the message router: a map from message type to its schema, its handler and who may send it.
 * Every message is checked for its sender and its shape before any handler sees it.
 */
export function createDispatch(content: ContentHandlers, admin: AdminHandlers) {
  const routes = new Map<string, Route>();
  for (const [type, schema] of Object.entries(ContentRequestSchemas)) {
    routes.set(type, { schema, handler: content[type as keyof ContentHandlers] as Handler, allowed: isFromContentScript });
  }
  for (const [type, schema] of Object.entries(AdminRequestSchemas)) {
    routes.set(type, { schema, handler: admin[type as keyof AdminHandlers] as Handler, allowed: isFromExtensionPage });
  }

  return async function dispatch(message: unknown, sender: chrome.runtime.MessageSender): Promise<unknown> {
    const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    const route = typeof type === 'string' ? routes.get(type) : undefined;
    if (!route) return { ok: false, error: `unknown message type ${JSON.stringify(type)}` } satisfies Failure;
    if (!route.allowed(sender)) return { ok: false, error: `"${type}" is not accepted from this sender` } satisfies Failure;
    const parsed = route.schema.safeParse(message);
    if (!parsed.success) return { ok: false, error: `invalid "${type}" message`, issues: zodIssues(parsed.error) } satisfies Failure;
    try {
      // Handlers that act on the sending tab (the picker's) read it from the sender, never the message.
      return await route.handler(parsed.data, sender);
    } catch (e) {
      console.error(`waymark: "${type}" failed`, e);
      return { ok: false, error: e instanceof Error ? e.message : String(e) } satisfies Failure;
    }
  };
}
