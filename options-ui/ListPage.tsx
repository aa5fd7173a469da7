import type { ComponentChildren } from 'preact';
import { ConfirmDialog } from './ConfirmDialog';
import { formatDateTime, formatRelative } from './formatTime';
import { ErrorNotice, Loading } from './Status';
import type { Loadable } from './useAdminData';

interface Named {
  id: string;
  name: string;
}

interface ListPageProps<T extends Named> {
  title: string;
  lead: string;
  /** The "+ New …" button of the page head. */
  create: { href: string; label: string; testId: string };
  state: Loadable<unknown>;
  reload: () => void;
  /** Plural, lower case: "flows", in "Loading flows…" and "The flows could not be loaded." */
  what: string;
  actionError: string | null;
  /** Shown when the list is loaded and has no rows; null while it has rows. */
  empty: ComponentChildren | null;
  /** The table, when there are rows. */
  children: ComponentChildren;
  /** The document awaiting confirmation of its deletion, and what to say about it. */
  deleting: T | null;
  deleteLabel: string;
  deleteBody: ComponentChildren;
  onDelete: (doc: T) => void;
  onCancelDelete: () => void;
}

/**
 * The frame every list of stored documents shares: the head with its "new" button, the loading and error
 * states, the empty state, the last action's error, and the confirmation before a deletion.
 */
export function ListPage<T extends Named>(p: ListPageProps<T>) {
  const { state } = p;
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>{p.title}</h1>
        <a class="btn btn-primary" href={p.create.href} data-testid={p.create.testId}>
          {p.create.label}
        </a>
      </div>
      <p class="lead">{p.lead}</p>
      {p.actionError ? <ErrorNotice title="That did not work." message={p.actionError} /> : null}
      {state.status === 'loading' ? <Loading label={`Loading ${p.what}…`} /> : null}
      {state.status === 'error' ? <ErrorNotice title={`The ${p.what} could not be loaded.`} message={state.error} onRetry={p.reload} /> : null}
      {state.status === 'ready' ? (p.empty !== null ? <div class="empty">{p.empty}</div> : <div class="table-wrap">{p.children}</div>) : null}
      <ConfirmDialog
        open={p.deleting !== null}
        title={`Delete “${p.deleting?.name ?? ''}”?`}
        confirmLabel={p.deleteLabel}
        onConfirm={() => p.deleting && p.onDelete(p.deleting)}
        onCancel={p.onCancelDelete}
      >
        {p.deleteBody}
      </ConfirmDialog>
    </>
  );
}

/** `aria-busy` for a table whose data is being read again. */
export function busyWhileRefreshing(state: Loadable<unknown>): 'true' | undefined {
  return state.status === 'ready' && state.refreshing ? 'true' : undefined;
}

interface RowActionsProps {
  name: string;
  editHref: string;
  /** "flow": the buttons' test ids are `flow-edit`, `flow-duplicate`, `flow-delete`. */
  testPrefix: string;
  busy: boolean;
  /** Absent: the kind has no duplicate. */
  onDuplicate?: () => void;
  onDelete: () => void;
}

/** Edit, duplicate and delete, each named after its row for assistive tech. */
export function RowActions({ name, editHref, testPrefix, busy, onDuplicate, onDelete }: RowActionsProps) {
  return (
    <td class="actions">
      <a class="btn btn-small" href={editHref} data-testid={`${testPrefix}-edit`} aria-label={`Edit ${name}`}>
        Edit
      </a>
      {onDuplicate ? (
        <button type="button" class="btn btn-small" disabled={busy} onClick={onDuplicate} data-testid={`${testPrefix}-duplicate`} aria-label={`Duplicate ${name}`}>
          Duplicate
        </button>
      ) : null}
      <button type="button" class="btn btn-small btn-danger" disabled={busy} onClick={onDelete} data-testid={`${testPrefix}-delete`} aria-label={`Delete ${name}`}>
        Delete
      </button>
    </td>
  );
}

/** The first URL pattern, and how many more. */
export function PagesCell({ match }: { match: readonly string[] }) {
  return (
    <td class="mono small">
      {match[0]}
      {match.length > 1 ? <span class="muted"> +{match.length - 1}</span> : null}
    </td>
  );
}

/** When a document was last saved: relative, with the exact time on hover. */
export function UpdatedCell({ at }: { at: string }) {
  return (
    <td>
      <time dateTime={at} title={formatDateTime(at)}>
        {formatRelative(at)}
      </time>
    </td>
  );
}

/** The row's heading cell: the name as a link to its editor, the id under it. */
export function NameCell({ name, id, href, note }: { name: string; id: string; href: string; note?: string }) {
  return (
    <th scope="row">
      <a href={href} class="row-title">
        {name}
      </a>
      <span class="muted mono small block">{id}</span>
      {note ? <span class="muted small block">{note}</span> : null}
    </th>
  );
}

/** A column of a list table: its heading, and `num` for a right-aligned number. */
export type ListColumn = string | { label: string; num: true };

/**
 * The head of a list table: Name, the kind's own columns, Updated, and the (visually unlabelled)
 * actions column, matching `NameCell`, …, `UpdatedCell`, `RowActions` in each row.
 */
export function ListTableHead({ columns }: { columns: readonly ListColumn[] }) {
  return (
    <thead>
      <tr>
        <th scope="col">Name</th>
        {columns.map((c) =>
          typeof c === 'string' ? (
            <th scope="col" key={c}>
              {c}
            </th>
          ) : (
            <th scope="col" class="num" key={c.label}>
              {c.label}
            </th>
          ),
        )}
        <th scope="col">Updated</th>
        <th scope="col">
          <span class="sr-only">Actions</span>
        </th>
      </tr>
    </thead>
  );
}
