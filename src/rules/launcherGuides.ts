import type { Flow, Step } from '../schema/flow';
import { stepOnPage } from './flowRuntime';

/** A flow the launcher offers to start. */
export interface LauncherGuide {
  id: string;
  name: string;
  description: string;
}

/**
 * The published flows meant to be started by the user (`launcher` or `manual`) whose first step is on
 * this page, so that starting one shows it at once. Sorted by name.
 */
export function launcherGuides(flows: readonly Flow[], url: string): LauncherGuide[] {
  return flows
    .filter((f) => f.status === 'published' && f.start !== 'auto' && stepOnPage(f, f.steps[0] as Step, url))
    .map((f) => ({ id: f.id, name: f.name, description: f.description }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
