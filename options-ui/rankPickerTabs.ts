import type { PickerTab } from '../src/messages/picker';
import { matchUrl } from '../src/rules/urlPattern';

export interface RankedTab {
  tab: PickerTab;
  /** The tab's page is one the flow (or feature) applies to. */
  matches: boolean;
}

export interface TabPreference {
  /** The document's URL patterns. */
  match: readonly string[];
  /** A step's own page pattern, when it has one: a tab on that very page comes first. */
  page?: string;
}

/**
 * The open tabs in the order the chooser offers them: tabs on the step's page first, then tabs the
 * flow applies to, then the rest; the browser's order within each group. Empty patterns (a new flow)
 * match nothing.
 */
export function rankPickerTabs(tabs: readonly PickerTab[], pref: TabPreference): RankedTab[] {
  const patterns = pref.match.map((p) => p.trim()).filter((p) => p !== '');
  const page = pref.page?.trim() ?? '';
  const scored = tabs.map((tab, i) => {
    const inFlow = patterns.some((p) => matchUrl(p, tab.url));
    const onPage = page !== '' && matchUrl(page, tab.url);
    return { tab, matches: inFlow || onPage, score: (onPage ? 2 : 0) + (inFlow ? 1 : 0), i };
  });
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  return scored.map(({ tab, matches }) => ({ tab, matches }));
}
