import type { PageState } from '../src/messages/protocol';
import { ContextGone, runtimeAlive, send } from './runtime';

/*
 * The bootstrap: the only Waymark code every matched host page loads eagerly, so it stays tiny. It asks
 * the background what applies to this URL and lazily imports the overlay (Preact, floating-ui) only when
 * something does. It follows SPA navigation, and tears itself down when the extension context goes away.
 */

type Overlay = typeof import('./overlay/index');

/** Set on <html>: `loading`, then `ready` once the first answer is applied. Also guards a second run. */
const MARK = 'data-waymark';

function start(): void {
  const root = document.documentElement;
  if (root.hasAttribute(MARK)) return;
  root.setAttribute(MARK, 'loading');
  const ac = new AbortController();
  const { signal } = ac;
  let overlay: Promise<Overlay> | null = null;
  let lastUrl = location.href;
  let running: Promise<void> | null = null;
  let rerun = false;
  /** The URL a `?waymark-flow=` link may still start a flow on (see the `page/state` message). */
  let linkUrl: string | null = location.href;

  const teardown = () => {
    if (signal.aborted) return;
    ac.abort();
    void overlay?.then((o) => o.destroy());
    root.removeAttribute(MARK);
  };

  const apply = async (state: PageState, sentAt: number) => {
    const g = state.guidance;
    if (state.session || state.features.length > 0 || g.items.length + g.checks.length + g.guides.length > 0 || g.survey || overlay) {
      overlay ??= import('./overlay/index');
      (await overlay).update(state, lastUrl, sentAt);
    }
  };

  const refresh = (): Promise<void> => {
    if (running) {
      rerun = true;
      return running;
    }
    running = (async () => {
      do {
        rerun = false;
        const url = location.href;
        const linkStart = linkUrl === url;
        linkUrl = null;
        // Stamped when sent: the overlay drops an answer overtaken by a later one (overlay/stateOrder.ts).
        const sentAt = performance.now();
        const reply = await send({ type: 'page/state', url, linkStart });
        if (signal.aborted) return;
        if (reply.ok) await apply(reply.state, sentAt);
      } while (rerun && !signal.aborted);
      root.setAttribute(MARK, 'ready');
    })()
      .catch((e: unknown) => {
        if (e instanceof ContextGone || !runtimeAlive()) teardown();
        else console.warn('waymark:', e);
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const onUrl = () => {
    if (location.href === lastUrl) return;
    const from = lastUrl;
    lastUrl = location.href;
    linkUrl = lastUrl;
    void (async () => {
      // A step that advances on a URL change is moved first; the overlay then has the new state.
      const handled = overlay ? await (await overlay).urlChanged(from, lastUrl) : false;
      if (!handled) await refresh();
    })().catch(() => undefined);
  };

  // The Navigation API sees the page's own pushState/replaceState; where it is missing, poll cheaply.
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav) nav.addEventListener('currententrychange', onUrl, { signal });
  else {
    const t = setInterval(onUrl, 400);
    signal.addEventListener('abort', () => clearInterval(t));
  }
  addEventListener('popstate', onUrl, { signal });
  addEventListener('hashchange', onUrl, { signal });
  // Another tab may have moved the flow on: re-ask when the user comes back to this one.
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void refresh(), { signal });
  void refresh();
}

/**
 * Whether this document is served by a Waymark running above it. The bootstrap is registered in every
 * frame, but the top frame's locator already reaches into the same-origin frames below it, and draws
 * the card over the whole page: a frame whose parent can be read leaves the work to its parent, so a
 * flow never plays twice. A frame under a cross-origin parent (an embedded app on another origin,
 * which no parent can read) runs on its own, for its own URL.
 */
function servedFromAbove(): boolean {
  if (window.parent === window) return false;
  try {
    return window.parent.document !== null;
  } catch {
    return false; // cross-origin parent
  }
}

if (!servedFromAbove()) start();
