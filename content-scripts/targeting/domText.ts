/** Text extraction shared by every field that reads text from the page. */

/** Subtrees whose text is not what a user reads as the element's text. */
const SKIP_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'select', 'datalist', 'textarea']);

const WHITESPACE = /\s+/g;

/**
 * A ligature icon (`<span class="material-icons">delete</span>`, `<md-icon>delete</md-icon>`) or another
 * icon component (`<ion-icon>`): its word is drawn as a glyph, not read (the fingerprint's `icon` keeps it).
 */
export const LIGATURE_ICON = /(?:^|\s)material-(?:icons|symbols)/;

function isLigatureIcon(e: Element): boolean {
  if (e.localName.endsWith('-icon')) return true;
  const c = e.getAttribute('class');
  return c !== null && c.length > 13 && LIGATURE_ICON.test(c);
}

export function collapse(s: string): string {
  return s.replace(WHITESPACE, ' ').trim();
}

/** Collapsed, trimmed, at most `max` characters; `undefined` when empty. */
export function clip(s: string | null | undefined, max: number): string | undefined {
  if (s === null || s === undefined || s === '') return undefined;
  const c = collapse(s);
  if (c === '') return undefined;
  return c.length > max ? c.slice(0, max) : c;
}

/**
 * The element's text, whitespace-collapsed and cut at `max` characters. Walks text nodes itself instead
 * of reading `textContent`: a container's full text can be megabytes, and script, style, hidden
 * (`hidden` attribute) and `skip` subtrees do not count. `innerText` would be more faithful but forces
 * layout per call.
 */
export function visibleText(el: Element, max: number, skip?: Element): string | undefined {
  // Most candidates (buttons, links, cells) hold text only: one call instead of a walk.
  if (el.firstElementChild === null) return clip(el.textContent, max);
  let out = '';
  // Collect a little more than max so that collapsing whitespace cannot leave the result short.
  const budget = max * 2 + 16;
  const walk = (node: Node): boolean => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === 3) {
        out += (child as Text).data;
        if (out.length > budget) return false;
      } else if (child.nodeType === 1) {
        const e = child as Element;
        if (e === skip || SKIP_TEXT.has(e.localName) || e.hasAttribute('hidden') || isLigatureIcon(e)) continue;
        // Words in adjacent elements (`<td>a</td><td>b</td>`) must not run together.
        if (out !== '' && out.charCodeAt(out.length - 1) !== 32) out += ' ';
        if (!walk(e)) return false;
      }
    }
    return true;
  };
  walk(el);
  return clip(out, max);
}
