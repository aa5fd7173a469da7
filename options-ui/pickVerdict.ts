import type { PickedElement } from '../src/messages/picker';

export interface PickVerdict {
  /** `ok`: a tour will find this element; `warn`: it may not, and the text says what to add. */
  tone: 'ok' | 'warn';
  text: string;
}

/** How a captured element fares on the page it was picked on, in the admin's words. */
export function pickVerdict(pick: Pick<PickedElement, 'unambiguous' | 'confidence' | 'similar'>): PickVerdict {
  const pct = `confidence ${Math.round(Math.min(1, Math.max(0, pick.confidence)) * 100)}%`;
  if (pick.unambiguous) return { tone: 'ok', text: `Unique on this page · ${pct}` };
  if (pick.similar >= 2) return { tone: 'warn', text: `Ambiguous: ${pick.similar} similar elements — add a label or text · ${pct}` };
  return { tone: 'warn', text: `Not recognised reliably on this page (${pct}) — add a label, text or test id` };
}
