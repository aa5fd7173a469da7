import type { Flow } from '../src/schema/flow';
import { send } from './api';
import { duplicateFlow } from './duplicateFlow';
import { START_LABELS } from './labels';
import { busyWhileRefreshing, ListPage, ListTableHead, NameCell, RowActions, UpdatedCell } from './ListPage';
import { plural } from './plural';
import { routeHref } from './route';
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
    duplicate: {
      copy: (flow, taken) => duplicateFlow(flow, taken, new Date().toISOString()),
      save: async (flow) => {
        const r = await send({ type: 'admin/flows/save', flow });
        return r.ok ? { ok: true, saved: r.flow } : r;
      },
    },
    remove: (id) => send({ type: 'admin/flows/delete', id }),
    reload,
  });
  const flows = state.status === 'ready' ? [...state.data].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) : [];
  const newHref = routeHref({ page: 'flow', id: null });

  return (
    <ListPage
      title="Flows"
      lead="Guided walkthroughs shown inside your web apps. Drafts are visible only here; published flows run for everyone on matching pages."
      create={{ href: newHref, label: '+ New flow', testId: 'new-flow' }}
      state={state}
      reload={reload}
      what="flows"
      actionError={actionError}
      empty={
        flows.length === 0 ? (
          <>
            <p>No flows yet.</p>
            <p>
              <a href={newHref}>Create your first flow</a> or <a href="#/import">import a file</a>.
            </p>
          </>
        ) : null
      }
      deleting={deleting}
      deleteLabel="Delete flow"
      deleteBody={<p>The flow is removed for everyone. Events already recorded for it stay in the activity log. This cannot be undone; export a copy first if you may need it again.</p>}
      onDelete={remove}
      onCancelDelete={() => setDeleting(null)}
    >
      <table class="table" data-testid="flow-list" aria-busy={busyWhileRefreshing(state)}>
        <caption class="sr-only">{plural(flows.length, 'flow')}</caption>
        <ListTableHead columns={['Status', { label: 'Version', num: true }, { label: 'Steps', num: true }, 'Starts']} />
        <tbody>
          {flows.map((f) => {
            const href = routeHref({ page: 'flow', id: f.id });
            return (
              <tr key={f.id} data-testid="flow-row" data-flow-id={f.id}>
                <NameCell name={f.name} id={f.id} href={href} note={f.description} />
                <td>
                  <StatusBadge status={f.status} />
                </td>
                <td class="num">v{f.version}</td>
                <td class="num">{f.steps.length}</td>
                <td>{START_LABELS[f.start]}</td>
                <UpdatedCell at={f.updatedAt} />
                <RowActions name={f.name} editHref={href} testPrefix="flow" busy={busy === f.id} onDuplicate={() => duplicate(f, flows)} onDelete={() => setDeleting(f)} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </ListPage>
  );
}
