import type { ElementFingerprint } from '../../src/schema/fingerprint';
import { effectiveRole, implicitRole, kindOf, type ElementKind } from '../../src/targeting';
import { TEST_ID_ATTRIBUTES } from './liveFingerprint';

/**
 * Kinds that releases swap for one another: a link restyled as a button, a text field replaced by a
 * combobox. Candidates outside the target's group are not worth fingerprinting.
 */
type Group = 'action' | 'input' | 'toggle' | 'other';

function groupOf(kind: ElementKind): Group {
  if (kind === 'button' || kind === 'link') return 'action';
  if (kind === 'field' || kind === 'choice') return 'input';
  if (kind === 'toggle') return 'toggle';
  return 'other';
}

/**
 * Each group's elements, as single selectors. Chromium answers a lone tag selector or a lone attribute
 * test in a fraction of the time it needs for the same tests in one selector list (measured on a
 * 10,000-element page: 0.06 ms for `button`, 0.5 ms for `a,button,summary,input`), so the collector runs
 * them one by one. Roles that are rare on real pages (treeitem, spinbutton...) are left to the tag query
 * of a target that has them.
 */
const GROUP_SELECTORS: Record<Exclude<Group, 'other'>, readonly string[]> = {
  action: ['a', 'button', 'summary', 'input', '[role=button]', '[role=link]', '[role=tab]', '[role=menuitem]'],
  input: ['input', 'select', 'textarea', '[role=textbox]', '[role=combobox]', '[role=searchbox]', '[contenteditable]'],
  toggle: ['input', '[role=checkbox]', '[role=switch]', '[role=radio]'],
};

/** Tags too common to query by themselves when the target's role already narrows the search. */
const GENERIC_TAGS = new Set(['div', 'span', 'li', 'p', 'section', 'td', 'tr', 'i', 'b', 'em', 'strong', 'label']);

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** The element's group; `contenteditable` is asked only when the target is an input (it costs a call). */
function elementGroup(el: Element, wantInput: boolean): Group {
  const role = el.getAttribute('role');
  if (role !== null && role !== '') return groupOf(kindOf(role.trim().split(/\s+/)[0]));
  const tag = el.localName;
  if (tag === 'textarea' || tag === 'select') return 'input';
  if (tag === 'a' || tag === 'button' || tag === 'input' || tag === 'summary') {
    return groupOf(kindOf(implicitRole(tag, el.getAttribute('type') ?? undefined, tag === 'a' && el.hasAttribute('href'))));
  }
  return wantInput && el.hasAttribute('contenteditable') ? 'input' : 'other';
}

export interface CandidateQuery {
  /** Run one by one by the browser's selector engine; an element may match several. */
  selectors: readonly string[];
  /** The finer test, on the selectors' matches only. */
  filter: (el: Element) => boolean;
  /** Names the query: two targets with the same key have the same candidates (see `collectCandidates`). */
  cacheKey: string;
}

/**
 * Which elements could be the target at all, so that only those are fingerprinted: the same tag, any
 * element of the same group of interactive kinds (or the same explicit role, for other targets), and
 * anything carrying the target's id or test id (a release may change anything else).
 */
export function candidateQuery(target: ElementFingerprint): CandidateQuery {
  const group = groupOf(kindOf(effectiveRole(target)));
  const { tag, role, id, testId } = target;
  const selectors: string[] = group === 'other' ? [] : [...GROUP_SELECTORS[group]];
  // The tag was sanitised at capture; make sure it is still a plain identifier before using it raw.
  const plainTag = /^[a-z][a-z0-9-]*$/.test(tag);
  if (group === 'other' && role) selectors.push(`[role=${quote(role)}]`);
  if (plainTag && !selectors.includes(tag) && !(GENERIC_TAGS.has(tag) && selectors.length > 0)) selectors.push(tag);
  if (id) selectors.push(`[id=${quote(id)}]`);
  if (testId) for (const name of TEST_ID_ATTRIBUTES) selectors.push(`[${name}=${quote(testId)}]`);
  const filter = (el: Element): boolean => {
    if (el.localName === tag) return true;
    if (group !== 'other' ? elementGroup(el, group === 'input') === group : role !== undefined && el.getAttribute('role') === role) return true;
    if (id !== undefined && el.id === id) return true;
    if (testId !== undefined) for (const name of TEST_ID_ATTRIBUTES) if (el.getAttribute(name) === testId) return true;
    return false;
  };
  // Everything the selectors and the filter depend on.
  const cacheKey = [group, tag, role, id, testId].join('\n');
  return { selectors: selectors.length === 0 ? ['*'] : selectors, filter, cacheKey };
}
