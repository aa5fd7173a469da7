import { useState } from 'preact/hooks';
import type { Feature } from '../src/schema/flow';
import { describeTarget } from '../src/ui/describeTarget';
import { send } from './api';
import { useApp } from './appContext';
import { ConfirmDialog } from './ConfirmDialog';
import { formatDateTime, formatRelative } from './formatTime';
import { USE_MODES } from './labels';
import { plural } from './plural';
import { routeHref } from './route';
import { ErrorNotice, Loading } from './Status';
import { useAdminData } from './useAdminData';

/** `#/features`: the tagged features of the host apps whose use is counted. */
export function FeaturesPage() {
  const { flash } = useApp();
  const [state, reload] = useAdminData(async () => {
    const r = await send({ type: 'admin/features/list' });
    return r.ok ? { ok: true as const, value: r.features } : r;
  });
  const [deleting, setDeleting] = useState<Feature | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const remove = async (f: Feature) => {
    setDeleting(null);
    setActionError(null);
    const r = await send({ type: 'admin/features/delete', id: f.id });
    if (!r.ok) return setActionError(`“${f.name}” could not be deleted: ${r.error}`);
    flash(`Deleted “${f.name}”.`);
    reload();
  };

  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>Features</h1>
        <a class="btn btn-primary" href={routeHref({ page: 'feature', id: null })} data-testid="new-feature">
          + New feature
        </a>
      </div>
      <p class="lead">Tag the parts of your apps whose adoption you want to see. Each use records a “feature used” event, marked as a person’s first use or a repeat.</p>
      {actionError ? <ErrorNotice title="That did not work." message={actionError} /> : null}
      {state.status === 'loading' ? <Loading label="Loading features…" /> : null}
      {state.status === 'error' ? <ErrorNotice title="The features could not be loaded." message={state.error} onRetry={reload} /> : null}
      {state.status === 'ready' && state.data.length === 0 ? (
        <div class="empty">
          <p>No features tagged yet.</p>
          <p>
            <a href={routeHref({ page: 'feature', id: null })}>Tag a feature</a>.
          </p>
        </div>
      ) : null}
      {state.status === 'ready' && state.data.length > 0 ? (
        <div class="table-wrap">
          <table class="table" data-testid="feature-list">
            <caption class="sr-only">{plural(state.data.length, 'feature')}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Counts as a use</th>
                <th scope="col">Target</th>
                <th scope="col">Pages</th>
                <th scope="col">Updated</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...state.data]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((f) => (
                  <tr key={f.id} data-testid="feature-row" data-feature-id={f.id}>
                    <th scope="row">
                      <a href={routeHref({ page: 'feature', id: f.id })} class="row-title">
                        {f.name}
                      </a>
                      <span class="muted mono small block">{f.id}</span>
                    </th>
                    <td>{USE_MODES.find((u) => u.value === f.use)?.label ?? f.use}</td>
                    <td class="mono small">{describeTarget(f.target, 30)}</td>
                    <td class="mono small">
                      {f.match[0]}
                      {f.match.length > 1 ? <span class="muted"> +{f.match.length - 1}</span> : null}
                    </td>
                    <td>
                      <time dateTime={f.updatedAt} title={formatDateTime(f.updatedAt)}>
                        {formatRelative(f.updatedAt)}
                      </time>
                    </td>
                    <td class="actions">
                      <a class="btn btn-small" href={routeHref({ page: 'feature', id: f.id })} data-testid="feature-edit" aria-label={`Edit ${f.name}`}>
                        Edit
                      </a>
                      <button type="button" class="btn btn-small btn-danger" onClick={() => setDeleting(f)} data-testid="feature-delete" aria-label={`Delete ${f.name}`}>
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
        confirmLabel="Delete feature"
        onConfirm={() => deleting && remove(deleting)}
        onCancel={() => setDeleting(null)}
      >
        <p>Its uses stop being counted. Events already recorded stay in the activity log.</p>
      </ConfirmDialog>
    </>
  );
}
