import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | { status: 'ready'; data: T; refreshing: boolean };

/**
 * Loads data from the background on mount and on `reload()`. While reloading, the data already shown
 * stays (with `refreshing`), and an answer that arrives after a newer request is ignored.
 */
export function useAdminData<T>(load: () => Promise<Result<T>>): [Loadable<T>, () => void] {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  const reload = useCallback(() => {
    const n = ++latest.current;
    setState((s) => (s.status === 'ready' ? { ...s, refreshing: true } : { status: 'loading' }));
    loader
      .current()
      .catch((e: unknown): Result<T> => ({ ok: false, error: e instanceof Error ? e.message : String(e) }))
      .then((r) => {
        if (n !== latest.current) return;
        setState(r.ok ? { status: 'ready', data: r.value, refreshing: false } : { status: 'error', error: r.error });
      });
  }, []);
  useEffect(() => {
    reload();
    // A late answer after unmount is dropped.
    return () => {
      latest.current++;
    };
  }, [reload]);
  return [state, reload];
}
