import { EVENT_TYPES, type WaymarkEvent } from '../src/schema/event';
import { send } from './api';
import { formatDateTime, formatPrecise } from './formatTime';
import { EVENT_LABELS } from './labels';
import { plural } from './plural';
import { ErrorNotice, Loading } from './Status';
import { useAdminData } from './useAdminData';

const RECENT = 50;

/** `#/activity`: the local event log, read-only. */
export function ActivityPage() {
  const [state, reload] = useAdminData(async () => {
    const r = await send({ type: 'admin/activity', limit: RECENT });
    return r.ok ? { ok: true as const, value: r.activity } : r;
  });
  return (
    <section data-testid="activity">
      <div class="page-head">
        <h1 tabIndex={-1}>Activity</h1>
        <button type="button" class="btn" onClick={reload} disabled={state.status === 'loading' || (state.status === 'ready' && state.refreshing)} data-testid="activity-refresh">
          {state.status === 'ready' && state.refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <p class="lead">
        What this browser has recorded. Events hold ids and counters only: which flow, step or feature, when, and a random per-install user id. Never page text, and never
        what people type.
      </p>
      {state.status === 'loading' ? <Loading label="Loading activity…" /> : null}
      {state.status === 'error' ? <ErrorNotice title="The activity could not be loaded." message={state.error} onRetry={reload} /> : null}
      {state.status === 'ready' ? (
        <div aria-busy={state.refreshing ? 'true' : undefined}>
          <h2 class="section-title">Events by type</h2>
          <table class="table counts" data-testid="activity-counts">
            <caption class="sr-only">Number of events of each type</caption>
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col" class="num">Count</th>
              </tr>
            </thead>
            <tbody>
              {EVENT_TYPES.map((t) => (
                <tr key={t} data-testid="activity-count" data-event-type={t}>
                  <th scope="row">
                    {EVENT_LABELS[t]} <span class="muted mono small">{t}</span>
                  </th>
                  <td class="num">{(state.data.counts[t] ?? 0).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td class="num">{state.data.total.toLocaleString()}</td>
              </tr>
            </tfoot>
          </table>

          <h2 class="section-title">Latest {RECENT} events</h2>
          {state.data.recent.length === 0 ? (
            <p class="empty">No events recorded yet. They appear here when people see flows or use tagged features.</p>
          ) : (
            <div class="table-wrap">
              <table class="table" data-testid="activity-recent">
                <caption class="sr-only">The {plural(state.data.recent.length, 'latest event')}, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Type</th>
                    <th scope="col">Flow</th>
                    <th scope="col">Step</th>
                    <th scope="col">Feature</th>
                    <th scope="col">First use</th>
                  </tr>
                </thead>
                <tbody>
                  {[...state.data.recent]
                    .sort((a, b) => b.seq - a.seq)
                    .map((e) => (
                      <EventRow key={e.id} e={e} />
                    ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ) : null}
    </section>
  );
}

function EventRow({ e }: { e: WaymarkEvent }) {
  const flow = 'flowId' in e ? `${e.flowId} v${e.flowVersion}` : '—';
  const step = 'stepId' in e ? `${e.stepId} (#${e.stepIndex + 1})` : '—';
  const feature = e.type === 'feature_used' ? e.featureId : '—';
  const first = e.type === 'feature_used' ? (e.firstUse ? 'Yes' : 'No, a repeat') : '—';
  return (
    <tr data-testid="activity-event" data-event-type={e.type}>
      <td>
        <time dateTime={new Date(e.ts).toISOString()} title={formatDateTime(e.ts)}>
          {formatPrecise(e.ts)}
        </time>
      </td>
      <td>
        {EVENT_LABELS[e.type]}
        {e.type === 'target_missing' ? <span class="muted small block">waited {(e.waitedMs / 1000).toFixed(1)} s</span> : null}
      </td>
      <td class="mono small">{flow}</td>
      <td class="mono small">{step}</td>
      <td class="mono small">{feature}</td>
      <td>{first}</td>
    </tr>
  );
}
