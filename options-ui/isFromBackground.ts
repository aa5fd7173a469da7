/** The parts of `chrome.runtime.MessageSender` the check reads. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * True when a message comes from this extension's own background (the service worker): our id, our
 * origin, and no tab (content scripts and pages open in tabs have one). A `picker/result` from anywhere
 * else is ignored.
 */
export function isFromBackground(sender: SenderLike, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && sender.tab === undefined && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}
