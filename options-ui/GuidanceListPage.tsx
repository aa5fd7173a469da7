import type { Guidance, GuidanceKind } from '../src/schema/guidance';
import { describeTarget } from '../src/ui/describeTarget';
import { send } from './api';
import { describeAudience } from './audienceDraft';
import { duplicateGuidance } from './duplicateGuidance';
import { GUIDANCE_INFO } from './guidanceKinds';
import { busyWhileRefreshing, ListPage, ListTableHead, NameCell, PagesCell, RowActions, UpdatedCell } from './ListPage';
import { loadAuthoringData, type AuthoringData } from './loadAuthoringData';
import { plural } from './plural';
import { routeHref } from './route';
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
    duplicate: {
      copy: (g, taken) => duplicateGuidance(g, taken, new Date().toISOString()),
      save: async (guidance) => {
        const r = await send({ type: 'admin/guidance/save', guidance });
        return r.ok ? { ok: true, saved: r.guidance } : r;
      },
    },
    remove: (id) => send({ type: 'admin/guidance/delete', id }),
    reload,
  });

  const data = state.status === 'ready' ? state.data : null;
  const items = data ? data.guidance.filter((g) => g.kind === kind).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) : [];
  const column = KIND_COLUMN[kind];
  const newHref = routeHref({ page: 'guidanceItem', kind, id: null });
  const what = info.plural.toLowerCase();
  return (
    <ListPage
      title={info.plural}
      lead={info.lead}
      create={{ href: newHref, label: `+ New ${info.noun}`, testId: 'new-guidance' }}
      state={state}
      reload={reload}
      what={what}
      actionError={actionError}
      empty={
        items.length === 0 ? (
          <>
            <p>No {what} yet.</p>
            <p>
              <a href={newHref}>Create the first {info.noun}</a> or <a href="#/import">import a file</a>.
            </p>
          </>
        ) : null
      }
      deleting={deleting}
      deleteLabel={`Delete ${info.noun}`}
      deleteBody={<p>It is removed for everyone. Events already recorded for it stay in the activity log. This cannot be undone; export a copy first if you may need it again.</p>}
      onDelete={remove}
      onCancelDelete={() => setDeleting(null)}
    >
      {data ? (
        <table class="table" data-testid="guidance-list" data-kind={kind} aria-busy={busyWhileRefreshing(state)}>
          <caption class="sr-only">{plural(items.length, info.noun)}</caption>
          <ListTableHead columns={['Status', column.heading, 'Pages', 'Audience', { label: 'Priority', num: true }]} />
          <tbody>
            {items.map((g) => {
              const href = routeHref({ page: 'guidanceItem', kind, id: g.id });
              return (
                <tr key={g.id} data-testid="guidance-row" data-guidance-id={g.id}>
                  <NameCell name={g.name} id={g.id} href={href} />
                  <td>
                    <StatusBadge status={g.status} />
                  </td>
                  <td class="small">{column.cell(g, data)}</td>
                  <PagesCell match={g.match} />
                  <td class="small">{describeAudience(g.audience)}</td>
                  <td class="num">{g.audience.priority}</td>
                  <UpdatedCell at={g.updatedAt} />
                  <RowActions name={g.name} editHref={href} testPrefix="guidance" busy={busy === g.id} onDuplicate={() => duplicate(g, data.guidance)} onDelete={() => setDeleting(g)} />
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </ListPage>
  );
}
