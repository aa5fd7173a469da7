import type { Guidance } from '../src/schema/guidance';
import { uniqueId } from './uniqueId';

/**
 * A copy to start a variant from: a new id (unique among every kind of guidance), "Copy of …", and a
 * draft, so it never goes live by accident. Checklist item ids are kept: they are unique per checklist.
 */
export function duplicateGuidance<G extends Guidance>(g: G, taken: ReadonlySet<string>, now: string): G {
  return {
    ...structuredClone(g),
    id: uniqueId(`${g.id.slice(0, 58)}-copy`, taken),
    name: `Copy of ${g.name}`.slice(0, 200),
    status: 'draft',
    updatedAt: now,
  };
}
