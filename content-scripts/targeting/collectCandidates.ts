import type { ElementFingerprint } from '../../src/schema/fingerprint';
import { createPassCaches, LiveFingerprint, type PassCaches } from './liveFingerprint';
import { applyChanges, type Membership } from './keptCandidates';
import { pageStateOf, watchTree, type Entry } from './pageState';
import { createScopeCache, scopeOf, type Scope, type ScopeCache } from './scopeOf';

export interface CollectOptions {
  /**
   * Leaves out our own nodes (the overlay). Called for each candidate and for each shadow host and
   * iframe before entering it, so it must also answer true inside an ignored subtree (walk up to the
   * host), as `isOwnNode` does.
   */
  ignore?: (el: Element) => boolean;
  /**
   * CSS selectors, run one by one by the browser's selector engine; candidates match at least one. The
   * cheap way to skip most of a large page (see `candidateQuery`).
   * @default every element
   */
  selectors?: readonly string[];
  /**
   * A further predicate on candidates.
   * @default every element that matches `selectors`
   */
  filter?: (el: Element) => boolean;
  /**
   * Names this query (selectors and filter together; see `candidateQuery`) so that its answer, and the
   * fields read from its candidates, are kept for the next call and brought up to date with the
   * page's changes (see `pageState.ts`). Without it, every call starts afresh.
   */
  cacheKey?: string;
}

export interface Candidates {
  elements: Element[];
  /**
   * Parallel to `elements`. Live: each field is read from the element the first time it is accessed,
   * so read them while the page is as it was, or `materialize` them.
   */
  fingerprints: ElementFingerprint[];
}

/** Not targets themselves. (Template content is not in the tree; script and style hold no elements.) */
const NOT_TARGETS = new Set(['html', 'head', 'body', 'script', 'style', 'noscript', 'template', 'link', 'meta', 'base', 'title', 'br', 'wbr', 'source', 'track', 'col', 'colgroup', 'option', 'optgroup', 'slot']);
/** Frames of a tree: a document's own (cached) collection, or a query in a shadow root. */
function framesIn(tree: Document | ShadowRoot): ArrayLike<Element> {
  if (tree.nodeType !== 9) return tree.querySelectorAll('iframe,frame');
  const doc = tree as Document;
  const iframes = doc.getElementsByTagName('iframe');
  const frames = doc.getElementsByTagName('frame');
  return frames.length === 0 ? iframes : [...Array.from(iframes), ...Array.from(frames)];
}

const PLAIN_TAG = /^[a-z][a-z0-9-]*$/;

/**
 * A selector's matches in a tree. A document answers a plain tag name with its own live collection,
 * which the browser keeps between calls and refreshes only when the DOM changes: a locate that runs
 * again on an unchanged page (the next step, a re-check) gets it for free. Anything else, and any
 * shadow root, takes a query.
 */
function query(tree: Document | ShadowRoot, selector: string): ArrayLike<Element> {
  return tree.nodeType === 9 && PLAIN_TAG.test(selector) ? (tree as Document).getElementsByTagName(selector) : tree.querySelectorAll(selector);
}

/** A tree to collect from, with where it sits. */
interface Tree {
  readonly tree: Document | ShadowRoot;
  readonly scope: Scope;
}

/** `hidden` roots are usually few or none: one query for them beats asking every candidate. */
function hiddenTest(tree: Document | ShadowRoot): (el: Element) => boolean {
  const roots = tree.querySelectorAll('[hidden]');
  return (el) => {
    for (let k = 0; k < roots.length; k++) if ((roots[k] as Element).contains(el)) return true;
    return false;
  };
}

/** Is the element in a subtree with the `hidden` attribute (within its own tree)? */
const inHidden = (el: Element) => el.closest('[hidden]') !== null;

/**
 * The trees of a page: the document, its open shadow roots and its same-origin frames' documents
 * (cross-origin ones are skipped: reading them throws), in a fixed order. Shadow roots cannot be
 * selected, and one attached to an element already on the page makes no mutation record: every
 * element has to be asked, at every call. An indexed loop is the cheapest way the DOM offers (a for-of
 * took three times as long); a document's own live collection beats a static query list, which must be
 * built anew each time (shadow roots have no such collection).
 */
function treesOf(root: Document, skipped: (el: Element) => boolean, scopes: ScopeCache): Tree[] {
  const out: Tree[] = [];
  const visit = (tree: Document | ShadowRoot, scope: Scope): void => {
    out.push({ tree, scope });
    const all: ArrayLike<Element> = tree.nodeType === 9 ? (tree as Document).getElementsByTagName('*') : tree.querySelectorAll('*');
    for (let i = 0, n = all.length; i < n; i++) {
      const shadow = (all[i] as Element).shadowRoot;
      if (shadow !== null && !skipped(shadow.host) && !inHidden(shadow.host)) visit(shadow, scopeOf(shadow, scopes));
    }
    const frames = framesIn(tree);
    for (let i = 0; i < frames.length; i++) {
      const frame = frames[i] as HTMLIFrameElement;
      if (skipped(frame) || inHidden(frame)) continue;
      let doc: Document | null = null;
      try {
        doc = frame.contentDocument;
      } catch {
        doc = null; // cross-origin
      }
      if (doc !== null) visit(doc, scopeOf(doc, scopes));
    }
  };
  visit(root, scopeOf(root, scopes));
  return out;
}

/** Every candidate of one tree, in collection order. */
function collectTree({ tree, scope }: Tree, m: Membership, caches: PassCaches): Entry[] {
  const out: Entry[] = [];
  const hidden = hiddenTest(tree);
  const seen = m.selectors.length > 1 ? new Set<Element>() : null;
  m.selectors.forEach((selector, sel) => {
    const matches = query(tree, selector);
    for (let i = 0; i < matches.length; i++) {
      const el = matches[i] as Element;
      if (seen !== null) {
        if (seen.has(el)) continue;
        seen.add(el);
      }
      if (m.excluded(el) || hidden(el) || (m.filter !== undefined && !m.filter(el))) continue;
      out.push({ el, fp: new LiveFingerprint(el, caches, scope), sel });
    }
  });
  return out;
}

/**
 * The candidates on a page: the elements matching `selectors` (and `filter`) in the document, its open
 * shadow roots and its same-origin iframes (cross-origin ones are skipped: reading them throws).
 * Subtrees with the `hidden` attribute are skipped; elements hidden by CSS are kept, with an empty
 * `rect` (telling them apart costs a layout read per element, which the ranker makes only for plausible
 * ones), and `locate` never anchors to them. Candidates come in document order per selector, selectors
 * in the order given, trees in the order `treesOf` finds them. With a `cacheKey`, a kept answer is
 * brought up to date with the page's changes (see `applyChanges`) instead of collected again, and a
 * tree it has not seen (a shadow root attached, a frame navigated) is collected whole.
 */
export function collectCandidates(root: Document, opts: CollectOptions = {}): Candidates {
  const { ignore, filter, cacheKey } = opts;
  const state = cacheKey === undefined ? null : pageStateOf(root);
  const caches: PassCaches = state === null ? createPassCaches() : { paths: state.paths, neighbors: state.neighbors, scopes: createScopeCache() };
  const ignored = (el: Element) => ignore !== undefined && ignore(el);
  const m: Membership = { selectors: opts.selectors ?? ['*'], filter, excluded: (el) => NOT_TARGETS.has(el.localName) || ignored(el) };
  const trees = treesOf(root, ignored, caches.scopes);
  // `state` is there exactly when `cacheKey` is; without it nothing is kept (`?.` skips the assignment).
  let kept = state?.queries.get(cacheKey as string);
  if (kept !== undefined && kept.ignore === ignore) applyChanges(kept, m, caches);
  else state?.queries.set(cacheKey as string, (kept = { ignore, trees: new Map(), changes: [] }));
  const elements: Element[] = [];
  const fingerprints: LiveFingerprint[] = [];
  const found = new Map<Node, Entry[]>();
  for (const t of trees) {
    if (kept) watchTree(root, t.tree);
    let entries = kept?.trees.get(t.tree);
    if (entries === undefined) entries = collectTree(t, m, caches);
    else for (const e of entries) e.fp.renew(caches);
    found.set(t.tree, entries);
    for (const e of entries) {
      elements.push(e.el);
      fingerprints.push(e.fp);
    }
  }
  // Trees no longer reached (a host removed or hidden, a frame navigated away) are dropped.
  if (kept !== undefined) kept.trees = found;
  return { elements, fingerprints };
}
