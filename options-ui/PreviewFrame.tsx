import { render, type ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface PreviewFrameProps {
  /** The stylesheet of what is previewed, as the host page gets it. */
  css: string;
  children: ComponentChildren;
  testId: string;
}

/**
 * Renders a preview in a shadow root of its own, as the overlay does on host pages, so that the options
 * page's CSS and the previewed component's cannot mix.
 */
export function PreviewFrame({ css, children, testId }: PreviewFrameProps) {
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
  return <div ref={hostRef} class="preview-host" data-testid={testId} />;
}
