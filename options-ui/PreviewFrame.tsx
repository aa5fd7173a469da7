import { render, type ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

interface PreviewFrameProps {
  /** The stylesheet of what is previewed, as the host page gets it. */
  css: string;
  children: ComponentChildren;
  testId: string;
}

/** Whether the options page is in its dark colour scheme, followed as it changes. */
function useDarkScheme(): boolean {
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = () => setDark(query.matches);
    query.addEventListener('change', onChange);
    onChange();
    return () => query.removeEventListener('change', onChange);
  }, []);
  return dark;
}

/**
 * Renders a preview in a shadow root of its own, as the overlay does on host pages, so that the options
 * page's CSS and the previewed component's cannot mix. In the options page's dark scheme the stage is a
 * dark page, and what is previewed takes its dark colours as it does on a dark host app (the host's
 * `data-scheme`, as the overlay's).
 */
export function PreviewFrame({ css, children, testId }: PreviewFrameProps) {
  const dark = useDarkScheme();
  const hostRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<ShadowRoot | null>(null);
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    rootRef.current = root;
    return () => render(null, root);
  }, []);
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    render(
      <>
        <style>{css}</style>
        {children}
      </>,
      root,
    );
  });
  return <div ref={hostRef} class="preview-host" data-testid={testId} data-scheme={dark ? 'dark' : 'light'} />;
}
