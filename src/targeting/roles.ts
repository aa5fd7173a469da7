/**
 * Implicit ARIA roles of common elements, so that a `<button>` in one release and a
 * `<div role="button">` in the next are seen as the same kind of thing. Shared with the content script,
 * which records the effective role and prefilters candidates by it.
 */

const TEXTBOX_TYPES = new Set(['', 'text', 'email', 'tel', 'url', 'password']);
const BUTTON_TYPES = new Set(['button', 'submit', 'reset', 'image']);

const BY_TAG: Readonly<Record<string, string>> = {
  button: 'button',
  summary: 'button',
  textarea: 'textbox',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  img: 'img',
  nav: 'navigation',
  main: 'main',
  header: 'banner',
  footer: 'contentinfo',
  aside: 'complementary',
  form: 'form',
  dialog: 'dialog',
  ul: 'list',
  ol: 'list',
  li: 'listitem',
  table: 'table',
  tr: 'row',
  td: 'cell',
  th: 'columnheader',
  option: 'option',
  progress: 'progressbar',
  hr: 'separator',
};

/** The role an element has without a `role` attribute; `undefined` for generic containers. */
export function implicitRole(tag: string, type?: string, hasHref?: boolean): string | undefined {
  if (tag === 'a' || tag === 'area') return hasHref ? 'link' : undefined;
  if (tag === 'input') {
    const t = (type ?? '').toLowerCase();
    if (TEXTBOX_TYPES.has(t)) return 'textbox';
    if (BUTTON_TYPES.has(t)) return 'button';
    if (t === 'checkbox') return 'checkbox';
    if (t === 'radio') return 'radio';
    if (t === 'search') return 'searchbox';
    if (t === 'range') return 'slider';
    if (t === 'number') return 'spinbutton';
    return undefined;
  }
  if (tag === 'select') return 'combobox';
  return BY_TAG[tag];
}

/** Roles of things a user operates; a step that points at one of them usually says "click" or "type". */
export const INTERACTIVE_ROLES: ReadonlySet<string> = new Set([
  'button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'menuitemcheckbox', 'menuitemradio',
  'option', 'textbox', 'searchbox', 'combobox', 'slider', 'spinbutton', 'treeitem', 'gridcell', 'listbox',
]);

/** Tags that are operable by themselves. */
export const INTERACTIVE_TAGS: ReadonlySet<string> = new Set([
  'a', 'button', 'input', 'select', 'textarea', 'summary', 'option', 'label',
]);

/** Coarse kinds, so that a link restyled as a button still scores as a near relative. */
export type ElementKind = 'button' | 'link' | 'field' | 'toggle' | 'choice' | 'other';

export function kindOf(role: string | undefined): ElementKind {
  switch (role) {
    case 'button':
      return 'button';
    case 'link':
    case 'menuitem':
    case 'tab':
    case 'treeitem':
      return 'link';
    case 'textbox':
    case 'searchbox':
    case 'combobox':
    case 'spinbutton':
    case 'slider':
      return 'field';
    case 'checkbox':
    case 'switch':
    case 'radio':
    case 'menuitemcheckbox':
    case 'menuitemradio':
      return 'toggle';
    case 'option':
    case 'listbox':
      return 'choice';
    default:
      return 'other';
  }
}
