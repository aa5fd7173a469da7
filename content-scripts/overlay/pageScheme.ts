/**
 * Whether the host page is dark, so the overlay matches it (a white card on a dark app glares and
 * looks foreign). The page's own background decides first: many apps draw a dark theme of their own
 * whatever the system says. Then a page declaring only `color-scheme: dark`; then, for a page that
 * follows the system (`color-scheme: light dark`, or a transparent background), the system.
 */
export function pageIsDark(doc: Document): boolean {
  const view = doc.defaultView;
  if (view === null) return false;
  for (const el of [doc.body, doc.documentElement]) {
    if (el === null) continue;
    const luminance = luminanceOf(view.getComputedStyle(el).backgroundColor);
    if (luminance !== undefined) return luminance < 0.2;
  }
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme;
  return scheme === 'dark' || (/dark/.test(scheme) && view.matchMedia('(prefers-color-scheme: dark)').matches);
}

/** Relative luminance (WCAG) of an opaque enough `rgb()`/`rgba()` colour; `undefined` when mostly transparent. */
function luminanceOf(color: string): number | undefined {
  const m = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+%?))?/.exec(color);
  if (m === null) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  if (alpha < 0.5) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = parseFloat(v ?? '0') / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
