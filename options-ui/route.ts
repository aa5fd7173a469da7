/**
 * The options page's places, kept in the URL hash so that reloads, bookmarks and the browser's Back
 * button work: `#/flows`, `#/flows/new`, `#/flows/<id>`, `#/features`, `#/features/new`,
 * `#/features/<id>`, `#/import`, `#/activity`, `#/sync`, `#/insights`. Anything else is the flow list.
 * `#/flows/<id>/step/<stepId>` opens the flow editor at that step (the insights' "Edit the step").
 */
export type Route =
  | { page: 'flows' }
  | { page: 'flow'; id: string | null; step?: string }
  | { page: 'features' }
  | { page: 'feature'; id: string | null }
  | { page: 'import' }
  | { page: 'activity' }
  | { page: 'sync' }
  | { page: 'insights' };

export type Section = 'flows' | 'features' | 'import' | 'activity' | 'sync' | 'insights';

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((p) => p !== '').map(safeDecode);
  const [head, id, sub, stepId] = parts;
  switch (head) {
    case 'flows':
      if (id === undefined) return { page: 'flows' };
      if (id !== 'new' && sub === 'step' && stepId !== undefined) return { page: 'flow', id, step: stepId };
      return { page: 'flow', id: id === 'new' ? null : id };
    case 'features':
      return id === undefined ? { page: 'features' } : { page: 'feature', id: id === 'new' ? null : id };
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
  switch (route.page) {
    case 'flow':
      if (route.id !== null && route.step !== undefined) return `#/flows/${encodeURIComponent(route.id)}/step/${encodeURIComponent(route.step)}`;
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
