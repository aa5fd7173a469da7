import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { toCsv, type CsvCell } from '../toCsv';
import { downloadText } from '../downloadText';
import { sortRows, type SortDirection } from './sortRows';

export interface Column<T> {
  key: string;
  /** The header, and the CSV header. */
  label: string;
  /** The value the column sorts by and exports; null sorts last and exports as an empty cell. */
  value: (row: T) => CsvCell;
  /** How the cell shows; by default the value itself ("—" when empty). */
  render?: (row: T) => ComponentChildren;
  numeric?: boolean;
  /** The column holding the row's name: a row header for screen readers. */
  rowHeader?: boolean;
  /** A column of controls (buttons): neither sorted nor exported. */
  controls?: boolean;
}

interface DataTableProps<T> {
  /** Prefix of the test ids and the CSV file name. */
  id: string;
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** The CSV file name, without the extension. */
  fileName: string;
  initialSort?: { key: string; direction: SortDirection };
  /** Shown instead of the table when there are no rows. */
  empty?: string;
}

/**
 * A table sortable from the keyboard (a button in each header; `aria-sort` says the order) with a CSV
 * export of exactly what it holds, in the order shown.
 */
export function DataTable<T>({ id, caption, columns, rows, rowKey, fileName, initialSort, empty }: DataTableProps<T>) {
  const [sort, setSort] = useState<{ key: string; direction: SortDirection } | null>(initialSort ?? null);
  const sorted = useMemo(() => {
    const col = sort ? columns.find((c) => c.key === sort.key) : undefined;
    return col && sort ? sortRows(rows, col.value, sort.direction) : [...rows];
  }, [rows, sort, columns]);

  const toggle = (key: string, numeric: boolean) =>
    setSort((s) => (s?.key === key ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: numeric ? 'descending' : 'ascending' }));

  const exportCsv = () => {
    const data = columns.filter((c) => c.controls !== true);
    downloadText(`${fileName}.csv`, toCsv(data.map((c) => c.label), sorted.map((r) => data.map((c) => c.value(r)))), 'text/csv;charset=utf-8');
  };

  if (rows.length === 0) return <p class="empty" data-testid={`${id}-empty`}>{empty ?? 'Nothing in this range.'}</p>;
  return (
    <div class="insights-table" data-testid={`${id}-table`}>
      <div class="table-tools">
        <button type="button" class="btn btn-small" onClick={exportCsv} data-testid={`${id}-csv`}>
          Export CSV<span class="sr-only">: {caption}</span>
        </button>
      </div>
      <div class="table-wrap">
        <table class="table">
          <caption class="sr-only">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort?.key === c.key;
                if (c.controls) {
                  return (
                    <th key={c.key} scope="col">
                      {c.label}
                    </th>
                  );
                }
                return (
                  <th key={c.key} scope="col" class={c.numeric ? 'num' : undefined} aria-sort={active ? sort.direction : 'none'}>
                    <button type="button" class="sort-button" onClick={() => toggle(c.key, c.numeric === true)} data-testid={`${id}-sort-${c.key}`}>
                      {c.label}
                      <span class="sort-mark" aria-hidden="true">
                        {active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={rowKey(r)} data-row={rowKey(r)}>
                {columns.map((c) => {
                  const content = c.render ? c.render(r) : show(c.value(r));
                  return c.rowHeader ? (
                    <th key={c.key} scope="row" data-col={c.key}>
                      {content}
                    </th>
                  ) : (
                    <td key={c.key} class={c.numeric ? 'num' : undefined} data-col={c.key}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function show(v: CsvCell): string {
  return v === null || v === undefined || v === '' ? '—' : typeof v === 'number' ? v.toLocaleString('en') : String(v);
}
