/** One cell: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * Text a spreadsheet would run as a formula when it opens the file (`=`, `+`, `-`, `@`, and the tab and
 * carriage return that some of them skip first). Names of flows and steps are authored text, so a
 * cell like `=HYPERLINK(…)` must stay text: it is prefixed with `'`, as OWASP advises.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(c: CsvCell): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return Number.isFinite(c) ? String(c) : '';
  if (typeof c === 'boolean') return c ? 'true' : 'false';
  return FORMULA_START.test(c) ? `'${c}` : c;
}

/** A field is quoted when it holds a comma, a quote or a line break; quotes inside are doubled. */
function field(c: CsvCell): string {
  const t = cellText(c);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/**
 * RFC 4180 CSV: a header row, then one row per record, every line ended by CRLF. Numbers are written
 * as they are (a negative number is a number, not a formula); only text is guarded.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((r) => r.map(field).join(',') + '\r\n').join('');
}
