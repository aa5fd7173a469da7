import type { ElementFingerprint } from '../../src/schema/fingerprint';

export interface HoverLabel {
  tag: string;
  /** What a user reads as the element's name, shortened; null when it has none. */
  name: string | null;
}

type NameFields = Pick<ElementFingerprint, 'tag' | 'ariaLabel' | 'label' | 'text' | 'placeholder' | 'title' | 'alt' | 'id' | 'testId'>;

/** Characters of the name the label shows. */
export const LABEL_MAX = 40;

function shorten(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The small label over the hovered element: its tag and a readable name, in the order assistive
 * technology names elements (aria-label, label, own text), then the hints a field or image carries;
 * an element without any is named by its id or test id, so the admin can still tell it apart.
 */
export function hoverLabel(fp: NameFields): HoverLabel {
  for (const v of [fp.ariaLabel, fp.label, fp.text, fp.placeholder, fp.title, fp.alt]) {
    const t = v?.trim();
    if (t) return { tag: fp.tag, name: `“${shorten(t, LABEL_MAX)}”` };
  }
  if (fp.id) return { tag: fp.tag, name: `#${shorten(fp.id, LABEL_MAX)}` };
  if (fp.testId) return { tag: fp.tag, name: `[${shorten(fp.testId, LABEL_MAX)}]` };
  return { tag: fp.tag, name: null };
}
