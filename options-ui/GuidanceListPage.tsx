import type { Guidance, GuidanceKind } from '../src/schema/guidance';
import { describeTarget } from '../src/ui/describeTarget';
import { send } from './api';
import { describeAudience } from './audienceDraft';
import { ConfirmDialog } from './ConfirmDialog';
import { duplicateGuidance } from './duplicateGuidance';
import { formatDateTime, formatRelative } from './formatTime';
import { GUIDANCE_INFO } from './guidanceKinds';
import { loadAuthoringData, type AuthoringData } from './loadAuthoringData';
import { plural } from './plural';
import { routeHref } from './route';
import { ErrorNotice, Loading } from './Status';
import { StatusBadge } from './StatusBadge';
import { useAdminData } from './useAdminData';
import { useListActions } from './useListActions';

/** The column that says what a piece of guidance is about, per kind. */
const KIND_COLUMN: Record<GuidanceKind, { heading: string; cell: (g: Guidance, data: AuthoringData) => string }> = {
  prompt: { heading: 'Offered in', cell: (g) => (g.kind === 'prompt' ? `${describeTarget(g.target, 30)} · ${plural(g.variables.length, 'variable')}` : '') },
  tip: { heading: 'Field', cell: (g) => (g.kind === 'tip' ? `${describeTarget(g.target, 30)}${g.validation ? ' · checks the value' : ''}` : '') },
  beacon: {
    heading: 'Shown until',
    cell: (g, data) => {
      if (g.kind !== 'beacon') return '';
      if (g.featureId === undefined) return 'opened';
      return `“${data.features.find((f) => f.id === g.featureId)?.name ?? g.featureId}” is used`;
    },
  },
  checklist: { heading: 'Items', cell: (g) => (g.kind === 'checklist' ? plural(g.items.length, 'item') : '') },
};

/** `#/prompts`, `#/tips`, `#/beacons`, `#/checklists`: the stored guidance of one kind, and the actions on it. */
export function GuidanceListPage({ kind }: { kind: GuidanceKind }) {
  const info = GUIDANCE_INFO[kind];
  const [state, reload] = useAdminData(loadAuthoringData);
  const { deleting, setDeleting, busy, actionError, duplicate, remove } = useListActions<Guidance>({
    copy: (g, taken) => duplicateGuidance(g, taken, new Date().toISOString()),
    save: async (guidance) => {
      const r = await send({ type: 'admin/guidance/save', guidance });
      return r.ok ? { ok: true, saved: r.guidance } : r;
    },
    remove: (id) => send({ type: 'admin/guidance/delete', id }),
    reload,
  });

  const data = state.status === 'ready' ? state.data : null;
  const items = data ? data.guidance.filter((g) => g.kind === kind).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) : [];
  const column = KIND_COLUMN[kind];
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>{info.plural}</h1>
        <a class="btn btn-primary" href={routeHref({ page: 'guidanceItem', kind, id: null })} data-testid="new-guidance">
          + New {info.noun}
        </a>
      </div>
      <p class="lead">{info.lead}</p>
      {actionError ? <ErrorNotice title="That did not work." message={actionError} /> : null}
      {state.status === 'loading' ? <Loading label={`Loading ${info.plural.toLowerCase()}…`} /> : null}
      {state.status === 'error' ? <ErrorNotice title={`The ${info.plural.toLowerCase()} could not be loaded.`} message={state.error} onRetry={reload} /> : null}
      {state.status === 'ready' && items.length === 0 ? (
        <div class="empty">
          <p>No {info.plural.toLowerCase()} yet.</p>
          <p>
            <a href={routeHref({ page: 'guidanceItem', kind, id: null })}>Create the first {info.noun}</a> or <a href="#/import">import a file</a>.
          </p>
        </div>
      ) : null}
      {data && items.length > 0 ? (
        <div class="table-wrap">
          <table class="table" data-testid="guidance-list" data-kind={kind} aria-busy={state.status === 'ready' && state.refreshing ? 'true' : undefined}>
            <caption class="sr-only">{plural(items.length, info.noun)}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">{column.heading}</th>
                <th scope="col">Pages</th>
                <th scope="col">Audience</th>
                <th scope="col" class="num">Priority</th>
                <th scope="col">Updated</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((g) => (
                <tr key={g.id} data-testid="guidance-row" data-guidance-id={g.id}>
                  <th scope="row">
                    <a href={routeHref({ page: 'guidanceItem', kind, id: g.id })} class="row-title">
                      {g.name}
                    </a>
                    <span class="muted mono small block">{g.id}</span>
                  </th>
                  <td>
                    <StatusBadge status={g.status} />
                  </td>
                  <td class="small">{column.cell(g, data)}</td>
                  <td class="mono small">
                    {g.match[0]}
                    {g.match.length > 1 ? <span class="muted"> +{g.match.length - 1}</span> : null}
                  </td>
                  <td class="small">{describeAudience(g.audience)}</td>
                  <td class="num">{g.audience.priority}</td>
                  <td>
                    <time dateTime={g.updatedAt} title={formatDateTime(g.updatedAt)}>
                      {formatRelative(g.updatedAt)}
                    </time>
                  </td>
                  <td class="actions">
                    <a class="btn btn-small" href={routeHref({ page: 'guidanceItem', kind, id: g.id })} data-testid="guidance-edit" aria-label={`Edit ${g.name}`}>
                      Edit
                    </a>
                    <button type="button" class="btn btn-small" disabled={busy === g.id} onClick={() => duplicate(g, data.guidance)} data-testid="guidance-duplicate" aria-label={`Duplicate ${g.name}`}>
                      Duplicate
                    </button>
                    <button type="button" class="btn btn-small btn-danger" disabled={busy === g.id} onClick={() => setDeleting(g)} data-testid="guidance-delete" aria-label={`Delete ${g.name}`}>
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
        confirmLabel={`Delete ${info.noun}`}
        onConfirm={() => deleting && remove(deleting)}
        onCancel={() => setDeleting(null)}
      >
        <p>It is removed for everyone. Events already recorded for it stay in the activity log. This cannot be undone; export a copy first if you may need it again.</p>
      </ConfirmDialog>
    </>
  );
}
