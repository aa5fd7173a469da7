import type { CsvCell } from '../toCsv';

export type SortDirection = 'ascending' | 'descending';

/**
 * Rows ordered by one column's value: numbers by value, text by locale (numeric-aware), empty values
 * (null, undefined, NaN) always last whichever the direction, equal values in their original order.
 */
export function sortRows<T>(rows: readonly T[], value: (row: T) => CsvCell, direction: SortDirection): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row, i) => ({ row, i, v: value(row) }));
  const empty = (v: CsvCell) => v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) || v === '';
  keyed.sort((a, b) => {
    const ea = empty(a.v);
    const eb = empty(b.v);
    if (ea || eb) return ea === eb ? a.i - b.i : ea ? 1 : -1;
    let c: number;
    if (typeof a.v === 'number' && typeof b.v === 'number') c = a.v - b.v;
    else c = String(a.v).localeCompare(String(b.v), undefined, { numeric: true, sensitivity: 'base' });
    return c === 0 ? a.i - b.i : sign * c;
  });
  return keyed.map((k) => k.row);
}
