import type { SyncStatus } from '../src/messages/protocol';
import { formatDateTime, formatRelative } from './formatTime';
import { plural } from './plural';

const STATE_LABEL: Record<SyncStatus['state'], string> = {
  unconfigured: 'Not set up',
  idle: 'Up to date',
  retrying: 'Retrying',
  paused: 'Paused',
};

/** A next attempt: seconds for the near future ("just now" would say nothing); overdue is "due now". */
function upcoming(t: number): string {
  const s = Math.ceil((t - Date.now()) / 1000);
  if (s <= 0) return 'due now';
  return s < 60 ? `in ${s} s` : formatRelative(t);
}

function When({ t, testId, never = 'Never', future = false }: { t: number | null; testId: string; never?: string; future?: boolean }) {
  if (t === null) return <span data-testid={testId}>{never}</span>;
  return (
    <time dateTime={new Date(t).toISOString()} title={formatDateTime(t)} data-testid={testId}>
      {future ? upcoming(t) : formatRelative(t)}
    </time>
  );
}

/** Where sync stands: the queue, the counters, the last attempts and the next one. */
export function SyncStatusPanel({ status }: { status: SyncStatus }) {
  const s = status;
  return (
    <div data-testid="sync-status" data-state={s.state}>
      <p class="sync-state">
        <span class={`badge sync-badge-${s.state}`} data-testid="sync-status-state">
          {STATE_LABEL[s.state]}
        </span>
        {s.serverUrl ? <span class="muted mono small"> {s.serverUrl}</span> : null}
      </p>
      {s.pausedReason ? (
        <div class="notice notice-error" role="alert">
          <p class="notice-title">Sync is paused: {s.pausedReason}.</p>
          <p>Nothing is lost: events stay queued. Change the settings, or press Sync now to try again.</p>
        </div>
      ) : null}
      <dl class="sync-facts">
        <dt>Waiting to be sent</dt>
        <dd data-testid="sync-unsynced">{plural(s.unsynced, 'event')}</dd>
        {s.held.count > 0 ? (
          <>
            <dt>Waiting for a newer collector</dt>
            <dd data-testid="sync-held">
              {plural(s.held.count, 'event')} the collector does not know yet
              {s.held.types.length > 0 ? <span class="mono small"> ({s.held.types.join(', ')})</span> : null}
              <span class="block small muted">
                Kept, not lost: sent again when the collector is upgraded, <When t={s.held.retryAt} testId="sync-held-retry" future />, or on Sync now.
              </span>
            </dd>
          </>
        ) : null}
        <dt>Dropped (queue full)</dt>
        <dd data-testid="sync-dropped">{plural(s.dropped, 'event')}</dd>
        <dt>Sent</dt>
        <dd data-testid="sync-sent">
          {s.stored.toLocaleString()} stored, {s.duplicates.toLocaleString()} already there, {s.rejected.toLocaleString()} refused as invalid
        </dd>
        <dt>Last success</dt>
        <dd>
          <When t={s.lastSuccessAt} testId="sync-last-success" />
        </dd>
        <dt>Last failure</dt>
        <dd>
          <When t={s.lastFailureAt} testId="sync-last-failure" />
          {s.lastError && s.lastFailureAt !== null && (s.lastSuccessAt === null || s.lastFailureAt >= s.lastSuccessAt) ? (
            <span class="block small" data-testid="sync-last-error">
              {s.lastError}
              {s.failures > 1 ? ` (${s.failures} failures in a row)` : ''}
            </span>
          ) : null}
        </dd>
        <dt>Next attempt</dt>
        <dd>
          <When t={s.nextAttemptAt} testId="sync-next-attempt" never={s.state === 'paused' ? 'When the settings change' : '—'} future />
        </dd>
        <dt>Published flows</dt>
        <dd data-testid="sync-flows">
          {plural(s.flows.count, 'flow')} from the collector
          {s.flows.lastPullAt !== null ? (
            <span class="muted">
              {' '}
              · checked <When t={s.flows.lastPullAt} testId="sync-flows-pulled" />
            </span>
          ) : null}
        </dd>
      </dl>
    </div>
  );
}
