/**
 * Aggregates come back as numbers from both drivers (int8 is decoded as a number, see postgresSql.ts),
 * numeric as strings from `pg`; these read either, and fail loudly on anything else rather than let a
 * NaN reach an answer.
 */
export function num(v: unknown, what = 'value'): number {
  const x = typeof v === 'string' ? Number(v) : v;
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`expected a number for ${what}, got ${String(v)}`);
  return x;
}

export const numOrNull = (v: unknown, what?: string): number | null => (v === null || v === undefined ? null : num(v, what));

export function str(v: unknown, what = 'value'): string {
  if (typeof v !== 'string') throw new Error(`expected a string for ${what}, got ${String(v)}`);
  return v;
}
