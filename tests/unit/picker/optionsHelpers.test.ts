import { describe, expect, it } from 'vitest';
import { isFromBackground } from '../../../options-ui/isFromBackground';
import { pickVerdict } from '../../../options-ui/pickVerdict';
import { rankPickerTabs } from '../../../options-ui/rankPickerTabs';
import type { PickerTab } from '../../../src/messages/picker';

const tab = (tabId: number, url: string): PickerTab => ({ tabId, windowId: 1, title: `Tab ${tabId}`, url, active: false });

describe('rankPickerTabs', () => {
  const tabs = [tab(1, 'https://news.example.org/'), tab(2, 'http://127.0.0.1:5173/contacts'), tab(3, 'http://127.0.0.1:5173/contacts/c-1'), tab(4, 'https://mail.example.org/')];

  it('offers tabs on the step page first, then those the flow applies to, then the rest in browser order', () => {
    const ranked = rankPickerTabs(tabs, { match: ['http://127.0.0.1/*'], page: '*://*/contacts/*' });
    expect(ranked.map((r) => r.tab.tabId)).toEqual([3, 2, 1, 4]);
    expect(ranked.map((r) => r.matches)).toEqual([true, true, false, false]);
  });

  it('keeps the browser order when nothing matches, and ignores empty patterns', () => {
    const ranked = rankPickerTabs(tabs, { match: ['', '  '], page: '' });
    expect(ranked.map((r) => r.tab.tabId)).toEqual([1, 2, 3, 4]);
    expect(ranked.every((r) => !r.matches)).toBe(true);
  });
});

describe('pickVerdict', () => {
  it('says unique when the pick is found again, confidently', () => {
    expect(pickVerdict({ unambiguous: true, confidence: 0.934, similar: 1 })).toEqual({ tone: 'ok', text: 'Unique on this page · confidence 93%' });
  });
  it('counts look-alikes and says what to add', () => {
    expect(pickVerdict({ unambiguous: false, confidence: 0.02, similar: 2 })).toEqual({
      tone: 'warn',
      text: 'Ambiguous: 2 similar elements — add a label or text · confidence 2%',
    });
  });
  it('warns about an element with too little to recognise it by', () => {
    expect(pickVerdict({ unambiguous: false, confidence: 0.3, similar: 1 }).text).toMatch(/^Not recognised reliably on this page \(confidence 30%\)/);
  });
});

describe('isFromBackground', () => {
  const id = 'abcdefghijklmnopabcdefghijklmnop';
  const origin = `chrome-extension://${id}/`;
  it('accepts our service worker only', () => {
    expect(isFromBackground({ id, url: `${origin}service-worker-loader.js` }, id, origin)).toBe(true);
    // A content script of ours (it has a tab), another extension, a page of ours in a tab.
    expect(isFromBackground({ id, url: 'https://evil.example/', tab: {} }, id, origin)).toBe(false);
    expect(isFromBackground({ id: 'other', url: `chrome-extension://other/sw.js` }, id, origin)).toBe(false);
    expect(isFromBackground({ id, url: `${origin}options-ui/index.html`, tab: { id: 3 } }, id, origin)).toBe(false);
    expect(isFromBackground({ id }, id, origin)).toBe(false);
  });
});
