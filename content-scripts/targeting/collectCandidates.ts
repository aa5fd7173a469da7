import type { ElementFingerprint } from '../../src/schema/fingerprint';
import { createPassCaches, LiveFingerprint } from './liveFingerprint';
import { scopeOf, type Scope } from './scopeOf';

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

/**
 * The candidates on a page: the elements matching `selectors` (and `filter`) in the document, its open
 * shadow roots and its same-origin iframes (cross-origin ones are skipped: reading them throws).
 * Subtrees with the `hidden` attribute are skipped; elements hidden by CSS are kept, with an empty
 * `rect` (telling them apart costs a layout read per element, which the ranker makes only for plausible
 * ones), and `locate` never anchors to them. Candidates come in document order per selector, selectors
 * in the order given.
 */
export function collectCandidates(root: Document, opts: CollectOptions = {}): Candidates {
  const { ignore, filter } = opts;
  const selectors = opts.selectors ?? ['*'];
  const caches = createPassCaches();
  const elements: Element[] = [];
  const fingerprints: ElementFingerprint[] = [];

  const visit = (tree: Document | ShadowRoot, scope: Scope): void => {
    // `hidden` roots are usually few or none: one query for them beats asking every candidate.
    const hiddenRoots = tree.querySelectorAll('[hidden]');
    const isHidden = (el: Element) => {
      for (let k = 0; k < hiddenRoots.length; k++) if ((hiddenRoots[k] as Element).contains(el)) return true;
      return false;
    };
    const skipped = (el: Element) => (hiddenRoots.length > 0 && isHidden(el)) || (ignore !== undefined && ignore(el));
    const seen = selectors.length > 1 ? new Set<Element>() : null;
    for (const selector of selectors) {
      const matches = tree.querySelectorAll(selector);
      for (let i = 0; i < matches.length; i++) {
        const el = matches[i] as Element;
        if (seen !== null) {
          if (seen.has(el)) continue;
          seen.add(el);
        }
        if (NOT_TARGETS.has(el.localName) || skipped(el) || (filter !== undefined && !filter(el))) continue;
        elements.push(el);
        fingerprints.push(new LiveFingerprint(el, caches, scope));
      }
    }
    // Shadow roots cannot be selected: every element has to be asked. An indexed loop is the cheapest way
    // the DOM offers (a for-of took three times as long); a document's own live collection beats a
    // static query list, which must be built anew each time (shadow roots have no such collection).
    const all: ArrayLike<Element> = tree.nodeType === 9 ? (tree as Document).getElementsByTagName('*') : tree.querySelectorAll('*');
    for (let i = 0, n = all.length; i < n; i++) {
      const shadow = (all[i] as Element).shadowRoot;
      if (shadow !== null && !skipped(shadow.host)) visit(shadow, scopeOf(shadow, caches.scopes));
    }
    const frames = framesIn(tree);
    for (let i = 0; i < frames.length; i++) {
      const frame = frames[i] as HTMLIFrameElement;
      if (skipped(frame)) continue;
      let doc: Document | null = null;
      try {
        doc = frame.contentDocument;
      } catch {
        doc = null; // cross-origin
      }
      if (doc !== null) visit(doc, scopeOf(doc, caches.scopes));
    }
  };

  visit(root, scopeOf(root, caches.scopes));
  return { elements, fingerprints };
}
