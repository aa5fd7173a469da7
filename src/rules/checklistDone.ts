import type { Checklist } from '../schema/guidance';

/** What has happened for this user: the flows they completed and the features they used. */
export interface Achievements {
  flowsCompleted: ReadonlySet<string>;
  featuresUsed: ReadonlySet<string>;
}

/** The ids of a checklist's items whose event has happened, in the checklist's order. */
export function checklistDone(c: Checklist, a: Achievements): string[] {
  return c.items
    .filter((it) => (it.completeOn.kind === 'flowCompleted' ? a.flowsCompleted.has(it.completeOn.flowId) : a.featuresUsed.has(it.completeOn.featureId)))
    .map((it) => it.id);
}
