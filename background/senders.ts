/**
 * Who may send what. Content-script messages come from a tab of a web page; admin messages only from
 * this extension's own pages. Messages from other extensions never reach `onMessage` (no
 * `externally_connectable`), but the id is checked anyway.
 */
export function isFromContentScript(sender: chrome.runtime.MessageSender): boolean {
  return (
    sender.id === chrome.runtime.id &&
    sender.tab !== undefined &&
    typeof sender.url === 'string' &&
    /^https?:\/\//.test(sender.url)
  );
}

export function isFromExtensionPage(sender: chrome.runtime.MessageSender): boolean {
  return sender.id === chrome.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(chrome.runtime.getURL(''));
}
