import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';

/** axe-core, read once, evaluated in pages through CDP (the extension pages' CSP does not block that). */
const AXE = readFileSync(resolve(import.meta.dirname, '../../../node_modules/axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0 and 2.1, levels A and AA, and axe's best practices. */
export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * Runs axe in `page` over the document, or only over `include` (selectors of shadow hosts: axe looks into
 * open shadow roots), minus `exclude`, and returns the violations as readable lines (printed too: an
 * assertion's diff truncates long lists).
 */
export async function axe(page: Page, scope: { include?: string[]; exclude?: string[] } = {}): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = (await page.evaluate(
    async (sc, runOnly) => {
      const a = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: unknown[] }> } }).axe;
      const exclude = sc.exclude ? { exclude: sc.exclude.map((s) => [s]) } : {};
      // Only an exclude: axe includes the whole document.
      const context = sc.include ? { include: sc.include.map((s) => [s]), ...exclude } : sc.exclude ? exclude : document;
      return (await a.run(context, { runOnly: { type: 'tag', values: runOnly }, resultTypes: ['violations'] })).violations;
    },
    scope,
    TAGS,
  )) as Violation[];
  const lines = violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? '?'}) at ${JSON.stringify(n.target)}: ${v.help}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`),
  );
  if (lines.length > 0) console.log(`axe violations:\n${lines.join('\n')}`);
  return lines;
}

/**
 * Tabs through the whole page and returns the visible, enabled controls Tab never reached (looking into
 * open shadow roots, such as the previews'). A radio group counts as reached when one of its radios is
 * (arrow keys move within it).
 */
export async function unreachedByTab(page: Page): Promise<string[]> {
  const count = await page.evaluate(() => {
    const w = window as unknown as { a11yReached?: Set<Element> };
    w.a11yReached = new Set();
    // Listened to in every shadow root too: a move between two elements of one shadow root does not
    // reach the document (its target and relatedTarget are the same host there).
    const hear = (root: Document | ShadowRoot) => root.addEventListener('focusin', (e) => w.a11yReached?.add(e.composedPath()[0] as Element), true);
    // Tab from the top: blurring would leave the starting point where focus was.
    const start = document.createElement('span');
    start.tabIndex = -1;
    start.id = 'a11y-start';
    document.body.prepend(start);
    start.focus();
    let n = 0;
    const walk = (root: Document | ShadowRoot) => {
      hear(root);
      n += root.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]').length;
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return n;
  });
  for (let i = 0; i < count + 10; i++) await page.keyboard.press('Tab');
  return page.evaluate(() => {
    document.getElementById('a11y-start')?.remove();
    const reached = (window as unknown as { a11yReached: Set<Element> }).a11yReached;
    const missed: string[] = [];
    const radios = new Set([...reached].filter((e) => e instanceof HTMLInputElement && e.type === 'radio').map((e) => (e as HTMLInputElement).name));
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')) {
        // Shown and enabled (checkVisibility: also inside a closed <details>; :disabled: also in a disabled fieldset).
        if (el.matches(':disabled') || el.closest('[inert], dialog:not([open])')) continue;
        if (!el.checkVisibility({ visibilityProperty: true })) continue;
        if (el instanceof HTMLInputElement && el.type === 'hidden') continue;
        if (el instanceof HTMLInputElement && el.type === 'radio' && radios.has(el.name)) continue;
        if (!reached.has(el)) missed.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.dataset.testid ? `[${el.dataset.testid}]` : ''}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}`);
      }
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return missed;
  });
}

/** The element with focus, looking into shadow roots: a short description. */
export const focused = (p: Page) =>
  p.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    const label = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
    return `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}:${label}`;
  });

export const overlayHas = (p: Page, selector: string) => p.evaluate((s) => document.querySelector('waymark-overlay')?.shadowRoot?.querySelector(s) != null, selector);
/**
 * An element in the overlay's shadow root once it is shown. Polled: a mutation observer on the document
 * does not see the overlay's floating parts turn visible inside the shadow root.
 */
export const inOverlay = async (p: Page, selector: string) => {
  const handle = await p.waitForFunction(
    (s) => {
      const el = document.querySelector('waymark-overlay')?.shadowRoot?.querySelector(s);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility === 'visible' ? el : null;
    },
    { timeout: 15_000, polling: 50 },
    selector,
  );
  const el = handle.asElement();
  if (!el) throw new Error(`no ${selector} in the overlay`);
  return el as ElementHandle<Element>;
};
