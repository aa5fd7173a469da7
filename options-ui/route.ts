import type { GuidanceKind } from '../src/schema/guidance';
import { GUIDANCE_INFO, KIND_OF_SLUG, type GuidanceSlug } from './guidanceKinds';

/**
 * The options page's places, kept in the URL hash so that reloads, bookmarks and the browser's Back
 * button work: `#/flows`, `#/flows/new`, `#/flows/<id>`, `#/features`, `#/features/new`,
 * `#/features/<id>`, the same three for each kind of guidance (`#/prompts`, `#/tips`, `#/beacons`,
 * `#/checklists`), `#/import`, `#/activity`, `#/sync`, `#/insights`. Anything else is the flow list.
 * `#/flows/<id>/step/<stepId>` opens the flow editor at that step (the insights' "Edit the step").
 * `#/<list>/new/pick/<sessionId>` opens a new one with the element picked from the toolbar popup in it
 * (`pickedEditorHash`, src/messages/picker.ts).
 */
export type Route =
  | { page: 'flows' }
  | { page: 'flow'; id: string | null; step?: string; pick?: string }
  | { page: 'features' }
  | { page: 'feature'; id: string | null; pick?: string }
  | { page: 'guidance'; kind: GuidanceKind }
  | { page: 'guidanceItem'; kind: GuidanceKind; id: string | null; pick?: string }
  | { page: 'import' }
  | { page: 'activity' }
  | { page: 'sync' }
  | { page: 'insights' };

export type Section = 'flows' | 'features' | GuidanceSlug | 'import' | 'activity' | 'sync' | 'insights';

const isSlug = (s: string | undefined): s is GuidanceSlug => s !== undefined && Object.hasOwn(KIND_OF_SLUG, s);

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((p) => p !== '').map(safeDecode);
  const [head, id, sub, stepId] = parts;
  // `new/pick/<session>`: a new document from a pick.
  const pick = id === 'new' && sub === 'pick' && stepId !== undefined ? { pick: stepId } : {};
  if (isSlug(head)) {
    const kind = KIND_OF_SLUG[head];
    return id === undefined ? { page: 'guidance', kind } : { page: 'guidanceItem', kind, id: id === 'new' ? null : id, ...pick };
  }
  switch (head) {
    case 'flows':
      if (id === undefined) return { page: 'flows' };
      if (id !== 'new' && sub === 'step' && stepId !== undefined) return { page: 'flow', id, step: stepId };
      return { page: 'flow', id: id === 'new' ? null : id, ...pick };
    case 'features':
      return id === undefined ? { page: 'features' } : { page: 'feature', id: id === 'new' ? null : id, ...pick };
    case 'import':
      return { page: 'import' };
    case 'activity':
      return { page: 'activity' };
    case 'sync':
      return { page: 'sync' };
    case 'insights':
      return { page: 'insights' };
    default:
      return { page: 'flows' };
  }
}

export function routeHref(route: Route): string {
  const item = (id: string | null, pick?: string) => (id !== null ? encodeURIComponent(id) : pick !== undefined ? `new/pick/${encodeURIComponent(pick)}` : 'new');
  switch (route.page) {
    case 'flow':
      if (route.id !== null && route.step !== undefined) return `#/flows/${encodeURIComponent(route.id)}/step/${encodeURIComponent(route.step)}`;
      return `#/flows/${item(route.id, route.pick)}`;
    case 'feature':
      return `#/features/${item(route.id, route.pick)}`;
    case 'guidance':
      return `#/${GUIDANCE_INFO[route.kind].slug}`;
    case 'guidanceItem':
      return `#/${GUIDANCE_INFO[route.kind].slug}/${item(route.id, route.pick)}`;
    default:
      return `#/${route.page}`;
  }
}

/** The navigation section a route belongs to. */
export function sectionOf(route: Route): Section {
  switch (route.page) {
    case 'flow':
      return 'flows';
    case 'feature':
      return 'features';
    case 'guidance':
    case 'guidanceItem':
      return GUIDANCE_INFO[route.kind].slug;
    default:
      return route.page;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
