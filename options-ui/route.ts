import type { GuidanceKind } from '../src/schema/guidance';
import { GUIDANCE_INFO, KIND_OF_SLUG, type GuidanceSlug } from './guidanceKinds';

/**
 * The options page's places, kept in the URL hash so that reloads, bookmarks and the browser's Back
 * button work: `#/flows`, `#/flows/new`, `#/flows/<id>`, `#/features`, `#/features/new`,
 * `#/features/<id>`, the same three for each kind of guidance (`#/prompts`, `#/tips`, `#/beacons`,
 * `#/checklists`), `#/import`, `#/activity`, `#/sync`. Anything else is the flow list.
 */
export type Route =
  | { page: 'flows' }
  | { page: 'flow'; id: string | null }
  | { page: 'features' }
  | { page: 'feature'; id: string | null }
  | { page: 'guidance'; kind: GuidanceKind }
  | { page: 'guidanceItem'; kind: GuidanceKind; id: string | null }
  | { page: 'import' }
  | { page: 'activity' }
  | { page: 'sync' };

export type Section = 'flows' | 'features' | GuidanceSlug | 'import' | 'activity' | 'sync';

const isSlug = (s: string | undefined): s is GuidanceSlug => s !== undefined && Object.hasOwn(KIND_OF_SLUG, s);

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((p) => p !== '').map(safeDecode);
  const [head, id] = parts;
  if (isSlug(head)) {
    const kind = KIND_OF_SLUG[head];
    return id === undefined ? { page: 'guidance', kind } : { page: 'guidanceItem', kind, id: id === 'new' ? null : id };
  }
  switch (head) {
    case 'flows':
      return id === undefined ? { page: 'flows' } : { page: 'flow', id: id === 'new' ? null : id };
    case 'features':
      return id === undefined ? { page: 'features' } : { page: 'feature', id: id === 'new' ? null : id };
    case 'import':
      return { page: 'import' };
    case 'activity':
      return { page: 'activity' };
    case 'sync':
      return { page: 'sync' };
    default:
      return { page: 'flows' };
  }
}

export function routeHref(route: Route): string {
  const item = (id: string | null) => (id === null ? 'new' : encodeURIComponent(id));
  switch (route.page) {
    case 'flow':
      return `#/flows/${item(route.id)}`;
    case 'feature':
      return `#/features/${item(route.id)}`;
    case 'guidance':
      return `#/${GUIDANCE_INFO[route.kind].slug}`;
    case 'guidanceItem':
      return `#/${GUIDANCE_INFO[route.kind].slug}/${item(route.id)}`;
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
