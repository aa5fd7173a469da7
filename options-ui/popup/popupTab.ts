/** The page the toolbar popup was opened over, when elements can be picked on it. */
export interface PopupTab {
  id: number;
  title: string;
  url: string;
}

/**
 * Which tab the popup acts on: the active tab of the popup's window, when it is an http(s) page (the
 * only pages the picker runs on). Null otherwise: a browser page, the extension's own pages, a file.
 */
export function popupTab(tab: Pick<chrome.tabs.Tab, 'id' | 'title' | 'url'> | undefined): PopupTab | null {
  if (!tab || tab.id === undefined || tab.id < 0 || tab.url === undefined || !/^https?:\/\//i.test(tab.url)) return null;
  return { id: tab.id, title: tab.title || tab.url, url: tab.url };
}
