import { createContext } from 'preact';
import { useContext, useEffect } from 'preact/hooks';

export interface AppServices {
  /** Shows a message in the page's status area until the admin moves on to another page. */
  flash(text: string, forHash?: string): void;
  /** Marks the current page as holding unsaved changes (or not), so that leaving it asks first. */
  setDirty(dirty: boolean): void;
}

export const AppContext = createContext<AppServices>({ flash: () => undefined, setDirty: () => undefined });

export const useApp = (): AppServices => useContext(AppContext);

/** Keeps the app's unsaved-changes guard in step with `dirty`, and clears it when the page goes. */
export function useUnsavedGuard(dirty: boolean): void {
  const { setDirty } = useApp();
  useEffect(() => {
    setDirty(dirty);
  }, [dirty, setDirty]);
  useEffect(() => () => setDirty(false), [setDirty]);
}
