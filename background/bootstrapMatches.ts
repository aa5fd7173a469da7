import type { Docs } from './docs';
import { toRegistrationPattern } from '../src/rules/urlPattern';

/**
 * The browser match patterns of every host that some published flow, tagged feature or published
 * guidance document applies to.
 * The bootstrap is registered on these hosts only, so pages elsewhere never load any Waymark code.
 */
export function bootstrapMatches(docs: Pick<Docs, 'flows' | 'features' | 'guidance'>): string[] {
  const patterns = new Set<string>();
  const add = (p: string) => {
    const m = toRegistrationPattern(p);
    if (m) patterns.add(m);
  };
  for (const f of docs.flows) {
    if (f.status !== 'published') continue;
    f.match.forEach(add);
    for (const s of f.steps) if (s.page) add(s.page);
  }
  for (const f of docs.features) f.match.forEach(add);
  for (const g of docs.guidance) if (g.status === 'published') g.match.forEach(add);
  return [...patterns].sort();
}
