import type { Flow } from '../src/schema/flow';
import { send } from './api';
import { ConfirmDialog } from './ConfirmDialog';
import { duplicateFlow } from './duplicateFlow';
import { formatDateTime, formatRelative } from './formatTime';
import { START_LABELS } from './labels';
import { plural } from './plural';
import { routeHref } from './route';
import { ErrorNotice, Loading } from './Status';
import { StatusBadge } from './StatusBadge';
import { useAdminData } from './useAdminData';
import { useListActions } from './useListActions';

/** `#/flows`: every stored flow with its status, and the actions on it. */
export function FlowsPage() {
  const [state, reload] = useAdminData(async () => {
    const r = await send({ type: 'admin/flows/list' });
    return r.ok ? { ok: true as const, value: r.flows } : r;
  });
  const { deleting, setDeleting, busy, actionError, duplicate, remove } = useListActions<Flow>({
    copy: (flow, taken) => duplicateFlow(flow, taken, new Date().toISOString()),
    save: async (flow) => {
      const r = await send({ type: 'admin/flows/save', flow });
      return r.ok ? { ok: true, saved: r.flow } : r;
    },
    remove: (id) => send({ type: 'admin/flows/delete', id }),
    reload,
  });

  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>Flows</h1>
        <a class="btn btn-primary" href={routeHref({ page: 'flow', id: null })} data-testid="new-flow">
          + New flow
        </a>
      </div>
      <p class="lead">Guided walkthroughs shown inside your web apps. Drafts are visible only here; published flows run for everyone on matching pages.</p>
      {actionError ? <ErrorNotice title="That did not work." message={actionError} /> : null}
      {state.status === 'loading' ? <Loading label="Loading flows…" /> : null}
      {state.status === 'error' ? <ErrorNotice title="The flows could not be loaded." message={state.error} onRetry={reload} /> : null}
      {state.status === 'ready' && state.data.length === 0 ? (
        <div class="empty">
          <p>No flows yet.</p>
          <p>
            <a href={routeHref({ page: 'flow', id: null })}>Create your first flow</a> or <a href="#/import">import a file</a>.
          </p>
        </div>
      ) : null}
      {state.status === 'ready' && state.data.length > 0 ? (
        <div class="table-wrap">
          <table class="table" data-testid="flow-list" aria-busy={state.refreshing ? 'true' : undefined}>
            <caption class="sr-only">{plural(state.data.length, 'flow')}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col" class="num">Version</th>
                <th scope="col" class="num">Steps</th>
                <th scope="col">Starts</th>
                <th scope="col">Updated</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...state.data]
                .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
                .map((f) => (
                  <tr key={f.id} data-testid="flow-row" data-flow-id={f.id}>
                    <th scope="row">
                      <a href={routeHref({ page: 'flow', id: f.id })} class="row-title">
                        {f.name}
                      </a>
                      <span class="muted mono small block">{f.id}</span>
                      {f.description ? <span class="muted small block">{f.description}</span> : null}
                    </th>
                    <td>
                      <StatusBadge status={f.status} />
                    </td>
                    <td class="num">v{f.version}</td>
                    <td class="num">{f.steps.length}</td>
                    <td>{START_LABELS[f.start]}</td>
                    <td>
                      <time dateTime={f.updatedAt} title={formatDateTime(f.updatedAt)}>
                        {formatRelative(f.updatedAt)}
                      </time>
                    </td>
                    <td class="actions">
                      <a class="btn btn-small" href={routeHref({ page: 'flow', id: f.id })} data-testid="flow-edit" aria-label={`Edit ${f.name}`}>
                        Edit
                      </a>
                      <button type="button" class="btn btn-small" disabled={busy === f.id} onClick={() => duplicate(f, state.data)} data-testid="flow-duplicate" aria-label={`Duplicate ${f.name}`}>
                        Duplicate
                      </button>
                      <button type="button" class="btn btn-small btn-danger" disabled={busy === f.id} onClick={() => setDeleting(f)} data-testid="flow-delete" aria-label={`Delete ${f.name}`}>
                        Delete
                      </button>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete “${deleting?.name ?? ''}”?`}
        confirmLabel="Delete flow"
        onConfirm={() => deleting && remove(deleting)}
        onCancel={() => setDeleting(null)}
      >
        <p>The flow is removed for everyone. Events already recorded for it stay in the activity log. This cannot be undone; export a copy first if you may need it again.</p>
      </ConfirmDialog>
    </>
  );
}
