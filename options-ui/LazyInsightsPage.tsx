import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorNotice, Loading } from './Status';

/**
 * `#/insights`, loaded on first visit: the charts (uPlot) and tables are a chunk of their own, so the
 * options page's first load does not carry them.
 */
export function LazyInsightsPage() {
  const [page, setPage] = useState<{ C: FunctionComponent } | { error: string } | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    import('./insights/InsightsPage').then(
      (m) => live && setPage({ C: m.InsightsPage }),
      (e: unknown) => live && setPage({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  if (page === null) return <Loading label="Loading insights…" />;
  if ('error' in page) return <ErrorNotice title="The insights page could not be loaded." message={page.error} onRetry={() => (setPage(null), setAttempt((a) => a + 1))} />;
  return <page.C />;
}
