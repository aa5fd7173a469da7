/** How the insights page writes numbers: in words and digits, never as a colour alone. */

/** A rate in [0, 1] as a whole percentage ("42%"); "—" when there is none. */
export function formatRate(r: number | null | undefined): string {
  return r === null || r === undefined ? '—' : `${Math.round(r * 1000) / 10}%`;
}

/** A duration: "850 ms", "12 s", "3 min 5 s", "2 h 4 min"; "—" when there is none. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 === 0 ? `${m} min` : `${m} min ${s % 60} s`;
  const h = Math.floor(m / 60);
  return m % 60 === 0 ? `${h} h` : `${h} h ${m % 60} min`;
}

/** Minutes with one decimal ("12.5 min"); negative when guidance took longer than the baseline. */
export function formatMinutes(min: number | null | undefined): string {
  if (min === null || min === undefined) return '—';
  const text = `${(Math.round(min * 10) / 10).toLocaleString('en')} min`;
  // Totals run into hours: say so, so "2,725 min" is not misread.
  return Math.abs(min) >= 120 ? `${text} (${(Math.round((min / 60) * 10) / 10).toLocaleString('en')} h)` : text;
}

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString('en');
}

/** Rates rounded for CSV cells (4 decimals): the file keeps fractions, as the API gives them. */
export const csvNumber = (n: number | null | undefined): number | null => (n === null || n === undefined ? null : Math.round(n * 10_000) / 10_000);

/** Milliseconds in CSV as seconds with one decimal. */
export const csvSeconds = (ms: number | null | undefined): number | null => (ms === null || ms === undefined ? null : Math.round(ms / 100) / 10);
