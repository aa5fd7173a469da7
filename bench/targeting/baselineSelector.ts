/**
 * The baseline: what tour libraries store for a step, one unique CSS selector recorded at authoring time
 * (`#id` when the id is unique, else a `tag:nth-of-type` path up to the nearest uniquely-id'd ancestor).
 * It is given the same reach as Waymark (one selector per shadow root or iframe crossed), which tour
 * libraries do not have, so the comparison is about matching, not reach.
 */

type Root = Document | ShadowRoot;

function uniqueId(el: Element, root: Root): string | null {
  if (el.id === '') return null;
  const sel = `#${CSS.escape(el.id)}`;
  return root.querySelectorAll(sel).length === 1 ? sel : null;
}

function selectorIn(el: Element, root: Root): string {
  const own = uniqueId(el, root);
  if (own !== null) return own;
  const steps: string[] = [];
  for (let e: Element | null = el; e !== null; e = e.parentElement) {
    const id = e === el ? null : uniqueId(e, root);
    if (id !== null) {
      steps.unshift(id);
      break;
    }
    let n = 1;
    for (let s = e.previousElementSibling; s !== null; s = s.previousElementSibling) if (s.localName === e.localName) n++;
    steps.unshift(`${CSS.escape(e.localName)}:nth-of-type(${n})`);
  }
  return steps.join(' > ');
}

/** Selectors from the top document down: hosts and iframes crossed, then the element. */
export function selectorChainOf(el: Element): string[] {
  const chain: string[] = [];
  let current: Element | null = el;
  while (current !== null) {
    const root = current.getRootNode() as Root;
    chain.unshift(selectorIn(current, root));
    if (root.nodeType === 11) current = (root as ShadowRoot).host;
    else current = (root as Document).defaultView?.frameElement ?? null;
  }
  return chain;
}

export function resolveSelectorChain(chain: readonly string[], doc: Document): Element | null {
  let root: Root = doc;
  let found: Element | null = null;
  for (let i = 0; i < chain.length; i++) {
    found = root.querySelector(chain[i] as string);
    if (found === null) return null;
    if (i === chain.length - 1) break;
    if (found.shadowRoot !== null) root = found.shadowRoot;
    else if (found.localName === 'iframe' && (found as HTMLIFrameElement).contentDocument) root = (found as HTMLIFrameElement).contentDocument as Document;
    else return null;
  }
  return found;
}
