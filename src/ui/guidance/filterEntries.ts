/** One line of the launcher: a guide to start, a tip, a prompt helper or a checklist to open. */
export interface LauncherEntry {
  /** Unique in the list, e.g. `guide:crm-onboarding`. */
  key: string;
  kind: 'guide' | 'tip' | 'prompt' | 'checklist';
  title: string;
  detail: string;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The entries matching a search: every word of the query must start a word of the title or detail
 * (accents and case ignored). An empty query keeps everything, in order.
 */
export function filterEntries(entries: readonly LauncherEntry[], query: string): LauncherEntry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((e) => {
    const hay = fold(`${e.title} ${e.detail} ${KIND_LABEL[e.kind]}`).split(/[^\p{L}\p{N}]+/u);
    return words.every((w) => hay.some((h) => h.startsWith(w)));
  });
}

export const KIND_LABEL: Record<LauncherEntry['kind'], string> = { guide: 'Guide', tip: 'Tip', prompt: 'Prompt', checklist: 'Checklist' };
