import { useEffect, useRef, useState } from 'preact/hooks';
import { parseRoute, type Route } from './route';

/**
 * The current route, from the URL hash. When `canLeave` says no (unsaved changes the admin chose to
 * keep), the hash is put back without a new history entry and the page stays.
 */
export function useRoute(canLeave: () => boolean): { route: Route; hash: string } {
  const [hash, setHash] = useState(location.hash);
  const accepted = useRef(location.hash);
  const guard = useRef(canLeave);
  guard.current = canLeave;
  useEffect(() => {
    const onChange = () => {
      if (location.hash === accepted.current) return;
      if (!guard.current()) {
        history.replaceState(null, '', accepted.current === '' ? location.pathname + location.search : accepted.current);
        return;
      }
      accepted.current = location.hash;
      setHash(location.hash);
    };
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return { route: parseRoute(hash), hash };
}

/** Goes to a route; the same guard applies as for links. */
export function navigate(href: string): void {
  location.hash = href.replace(/^#/, '');
}
