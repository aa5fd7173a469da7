import type { Feature } from '../src/schema/flow';
import { describeTarget } from '../src/ui/describeTarget';
import { send } from './api';
import { USE_MODES } from './labels';
import { busyWhileRefreshing, ListPage, ListTableHead, NameCell, PagesCell, RowActions, UpdatedCell } from './ListPage';
import { plural } from './plural';
import { routeHref } from './route';
import { useAdminData } from './useAdminData';
import { useListActions } from './useListActions';

/** `#/features`: the tagged features of the host apps whose use is counted. */
export function FeaturesPage() {
  const [state, reload] = useAdminData(async () => {
    const r = await send({ type: 'admin/features/list' });
    return r.ok ? { ok: true as const, value: r.features } : r;
  });
  // No duplicate: two features on the same element would count every use twice.
  const { deleting, setDeleting, busy, actionError, remove } = useListActions<Feature>({
    remove: (id) => send({ type: 'admin/features/delete', id }),
    reload,
  });
  const features = state.status === 'ready' ? [...state.data].sort((a, b) => a.name.localeCompare(b.name)) : [];
  const newHref = routeHref({ page: 'feature', id: null });

  return (
    <ListPage
      title="Features"
      lead="Tag the parts of your apps whose adoption you want to see. Each use records a “feature used” event, marked as a person’s first use or a repeat."
      create={{ href: newHref, label: '+ New feature', testId: 'new-feature' }}
      state={state}
      reload={reload}
      what="features"
      actionError={actionError}
      empty={
        features.length === 0 ? (
          <>
            <p>No features tagged yet.</p>
            <p>
              <a href={newHref}>Tag a feature</a>.
            </p>
          </>
        ) : null
      }
      deleting={deleting}
      deleteLabel="Delete feature"
      deleteBody={<p>Its uses stop being counted. Events already recorded stay in the activity log.</p>}
      onDelete={remove}
      onCancelDelete={() => setDeleting(null)}
    >
      <table class="table" data-testid="feature-list" aria-busy={busyWhileRefreshing(state)}>
        <caption class="sr-only">{plural(features.length, 'feature')}</caption>
        <ListTableHead columns={['Counts as a use', 'Target', 'Pages']} />
        <tbody>
          {features.map((f) => {
            const href = routeHref({ page: 'feature', id: f.id });
            return (
              <tr key={f.id} data-testid="feature-row" data-feature-id={f.id}>
                <NameCell name={f.name} id={f.id} href={href} />
                <td>{USE_MODES.find((u) => u.value === f.use)?.label ?? f.use}</td>
                <td class="mono small">{describeTarget(f.target, 30)}</td>
                <PagesCell match={f.match} />
                <UpdatedCell at={f.updatedAt} />
                <RowActions name={f.name} editHref={href} testPrefix="feature" busy={busy === f.id} onDelete={() => setDeleting(f)} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </ListPage>
  );
}
