import type { PromptInsight } from '../schema/insights';
import { scope, type InsightsInput } from './insightsScope';
import { byteOrder } from './insightWindow';

export const emptyPromptInsight = (templateId: string): PromptInsight => ({
  templateId,
  uses: 0,
  users: 0,
  reuses: 0,
  reusers: 0,
  thumbsUp: 0,
  thumbsDown: 0,
});

/** Per prompt template, the reference: uses, re-uses, thumbs up and down in the range. Sorted by id. */
export function promptInsights(input: InsightsInput & { templateId?: string }): PromptInsight[] {
  const { inRange } = scope(input);
  const acc = new Map<string, { p: PromptInsight; byUser: Map<string, number> }>();
  const get = (id: string) => {
    let a = acc.get(id);
    if (!a) acc.set(id, (a = { p: emptyPromptInsight(id), byUser: new Map() }));
    return a;
  };
  for (const e of inRange) {
    if (e.type === 'prompt_used') {
      const a = get(e.templateId);
      a.p.uses++;
      a.byUser.set(e.userId, (a.byUser.get(e.userId) ?? 0) + 1);
    } else if (e.type === 'prompt_rated') {
      const a = get(e.templateId);
      if (e.rating === 'up') a.p.thumbsUp++;
      else a.p.thumbsDown++;
    }
  }
  const ids = input.templateId !== undefined ? [input.templateId] : [...acc.keys()].sort(byteOrder);
  return ids.map((id) => {
    const a = acc.get(id);
    if (!a) return emptyPromptInsight(id);
    const users = a.byUser.size;
    return { ...a.p, users, reuses: a.p.uses - users, reusers: [...a.byUser.values()].filter((n) => n >= 2).length };
  });
}
