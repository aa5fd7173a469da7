/**
 * The options page's places, kept in the URL hash so that reloads, bookmarks and the browser's Back
 * button work: `#/flows`, `#/flows/new`, `#/flows/<id>`, `#/features`, `#/features/new`,
 * `#/features/<id>`, `#/import`, `#/activity`, `#/sync`. Anything else is the flow list.
 */
export type Route =
  | { page: 'flows' }
  | { page: 'flow'; id: string | null }
  | { page: 'features' }
  | { page: 'feature'; id: string | null }
  | { page: 'import' }
  | { page: 'activity' }
  | { page: 'sync' };

export type Section = 'flows' | 'features' | 'import' | 'activity' | 'sync';

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((p) => p !== '').map(safeDecode);
  const [head, id] = parts;
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
  switch (route.page) {
    case 'flow':
      return `#/flows/${route.id === null ? 'new' : encodeURIComponent(route.id)}`;
    case 'feature':
      return `#/features/${route.id === null ? 'new' : encodeURIComponent(route.id)}`;
    default:
      return `#/${route.page}`;
  }
}

/** The navigation section a route belongs to. */
export function sectionOf(route: Route): Section {
  return route.page === 'flow' ? 'flows' : route.page === 'feature' ? 'features' : route.page;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
