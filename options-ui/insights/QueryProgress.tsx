import { useEffect, useState } from 'preact/hooks';
import { INSIGHTS_KINDS, type InsightsKind } from '../../src/messages/insights';
import type { QueryStates } from './useInsightsQueries';

const LABELS: Record<InsightsKind, string> = {
  overview: 'Overview',
  stuck: 'Stuck list',
  flows: 'Flows',
  features: 'Features',
  prompts: 'Prompt helpers',
  teams: 'Teams',
};

const ORDER: InsightsKind[] = ['overview', 'stuck', 'flows', 'features', 'prompts', 'teams'];

/** Which queries are done, loading or failed: each with a word and a mark, not a colour. */
export function QueryProgress({ states, scopeText }: { states: QueryStates; scopeText: string }) {
  const total = INSIGHTS_KINDS.length;
  const finished = INSIGHTS_KINDS.filter((k) => states[k].status === 'done' || states[k].status === 'error').length;
  const failed = INSIGHTS_KINDS.filter((k) => states[k].status === 'error').length;
  if (INSIGHTS_KINDS.every((k) => states[k].status === 'idle')) return null;
  const busy = finished < total;
  return <ProgressView states={states} scopeText={scopeText} busy={busy} finished={finished} failed={failed} total={total} />;
}

function ProgressView({ states, scopeText, busy, finished, failed, total }: { states: QueryStates; scopeText: string; busy: boolean; finished: number; failed: number; total: number }) {
  // While a query runs, its elapsed time is shown and updated every second.
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!busy) return;
    const t = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(t);
  }, [busy]);
  return (
    <section class="query-progress" aria-label="Queries" data-testid="insights-progress" data-busy={busy ? 'true' : 'false'}>
      <p class="progress-line" role="status">
        {busy ? `Loading ${scopeText}: ${finished} of ${total} queries done` : `Showing ${scopeText}: ${total} of ${total} queries done${failed > 0 ? `, ${failed} failed` : ''}`}
        .
      </p>
      <progress max={total} value={finished} aria-hidden="true" />
      <ul class="progress-list">
        {ORDER.map((k) => {
          const s = states[k];
          const [mark, word] =
            s.status === 'done' ? ['✓', `done in ${(s.ms / 1000).toFixed(1)} s`] : s.status === 'error' ? ['✗', 'failed'] : s.status === 'loading'
                    ? ['…', `loading (${Math.max(0, Math.floor((now - s.since) / 1000))} s)`]
                    : ['–', 'not asked'];
          return (
            <li key={k} data-kind={k} data-state={s.status}>
              <span aria-hidden="true">{mark} </span>
              {LABELS[k]}: {word}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
