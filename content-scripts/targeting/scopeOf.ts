/**
 * Where an element's tree sits: the chain of shadow hosts above it and the chain of same-origin frames
 * above its document, plus the offset that turns the frame's viewport coordinates into the top
 * document's. Computed once per shadow root and per document, since every element in them shares it.
 */
export interface Scope {
  readonly framePath: readonly number[] | undefined;
  readonly shadowPath: readonly string[] | undefined;
  readonly offsetX: number;
  readonly offsetY: number;
}

export type ScopeCache = Map<Node, Scope>;

export function createScopeCache(): ScopeCache {
  return new Map();
}

const MAX_DEPTH = 16;
const MAX_HOST = 512;

function describeHost(host: Element): string {
  const d = host.id ? `${host.localName}#${host.id}` : host.localName;
  return d.length > MAX_HOST ? d.slice(0, MAX_HOST) : d;
}

function frameIndex(win: Window): number {
  const parent = win.parent;
  for (let i = 0; i < parent.frames.length; i++) if (parent.frames[i] === win) return i;
  return 0;
}

function documentScope(doc: Document, cache: ScopeCache): Scope {
  const hit = cache.get(doc);
  if (hit !== undefined) return hit;
  let scope: Scope = { framePath: undefined, shadowPath: undefined, offsetX: 0, offsetY: 0 };
  let frame: Element | null = null;
  try {
    // Null in the top document; throws or is null when the parent is cross-origin.
    frame = doc.defaultView?.frameElement ?? null;
  } catch {
    frame = null;
  }
  const win = doc.defaultView;
  if (frame !== null && win !== null) {
    const outer = scopeOf(frame, cache);
    const r = frame.getBoundingClientRect();
    const path = [...(outer.framePath ?? []), frameIndex(win)].slice(0, MAX_DEPTH);
    scope = {
      framePath: path,
      // The frame's own shadow path describes the frame element, not this document.
      shadowPath: undefined,
      offsetX: outer.offsetX + r.left + frame.clientLeft,
      offsetY: outer.offsetY + r.top + frame.clientTop,
    };
  }
  cache.set(doc, scope);
  return scope;
}

/** The scope of `node`'s tree. */
export function scopeOf(node: Node, cache: ScopeCache = createScopeCache()): Scope {
  const root = node.getRootNode();
  const hit = cache.get(root);
  if (hit !== undefined) return hit;
  if (root.nodeType === 11 && 'host' in root) {
    const host = (root as ShadowRoot).host;
    const outer = scopeOf(host, cache);
    const scope: Scope = {
      framePath: outer.framePath,
      shadowPath: [...(outer.shadowPath ?? []), describeHost(host)].slice(0, MAX_DEPTH),
      offsetX: outer.offsetX,
      offsetY: outer.offsetY,
    };
    cache.set(root, scope);
    return scope;
  }
  if (root.nodeType === 9) return documentScope(root as Document, cache);
  // A detached subtree: it has no place on the page.
  return { framePath: undefined, shadowPath: undefined, offsetX: 0, offsetY: 0 };
}
