import type { ComponentChildren } from 'preact';
import type { InsightsFailureReason, InsightsKind, InsightsResponses } from '../../src/messages/insights';
import { ErrorNotice, Loading } from '../Status';
import type { QueryState } from './useInsightsQueries';

type Unsuppressed<K extends InsightsKind> = Extract<InsightsResponses[K], { suppressed: false }>;

const TITLES: Record<InsightsFailureReason, string> = {
  'no-access': 'Insights are not set up.',
  unauthorized: 'The collector did not accept the champion token.',
  forbidden: 'This token may not read insights.',
  rejected: 'The collector refused the query.',
  unavailable: 'The collector is unavailable.',
  network: 'The collector could not be reached.',
  timeout: 'The collector took too long to answer.',
  invalid: 'The collector gave an answer Waymark cannot read.',
};

/** The notice for a scope below the minimum group size: the rule, never a number of people. */
export function SuppressedNotice({ team, minGroupSize, reason }: { team: string | null; minGroupSize: number; reason: string }) {
  return (
    <div class="notice notice-suppressed" role="status" data-testid="suppressed">
      <p class="notice-title">
        <span aria-hidden="true">⊘ </span>
        {team === null ? 'The whole tenant' : `Team “${team}”`} has fewer than {minGroupSize} active people in this range, so no numbers are shown.
      </p>
      <p class="small">{reason}</p>
    </div>
  );
}

/**
 * One query's part of the page: loading, failed (with the reason in words and a retry), suppressed
 * (no numbers at all), or its content.
 */
export function Answer<K extends InsightsKind>({
  state,
  what,
  onRetry,
  children,
}: {
  state: QueryState<K>;
  what: string;
  onRetry: () => void;
  children: (response: Unsuppressed<K>) => ComponentChildren;
}) {
  switch (state.status) {
    case 'idle':
      return null;
    case 'loading':
      return <Loading label={`Loading ${what}…`} />;
    case 'error':
      return (
        <div data-testid="query-error" data-reason={state.reason ?? 'unknown'}>
          <ErrorNotice title={state.reason ? TITLES[state.reason] : `The ${what} could not be loaded.`} message={state.error} onRetry={onRetry} />
        </div>
      );
    case 'done': {
      const r = state.response;
      if (r.suppressed) return <SuppressedNotice team={r.scope.team} minGroupSize={r.scope.minGroupSize} reason={r.reason} />;
      return <>{children(r as Unsuppressed<K>)}</>;
    }
  }
}
