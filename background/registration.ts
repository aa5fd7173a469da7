import bootstrapScript from '../content-scripts/bootstrap.ts?script';

export { bootstrapMatches } from './bootstrapMatches';

export const BOOTSTRAP_ID = 'waymark-bootstrap';

let chain: Promise<void> = Promise.resolve();

/** Registers, updates or removes the bootstrap content script to cover exactly `matches`. Serialized. */
export function syncBootstrap(matches: string[]): Promise<void> {
  chain = chain.then(async () => {
    const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [BOOTSTRAP_ID] });
    if (matches.length === 0) {
      if (existing.length > 0) await chrome.scripting.unregisterContentScripts({ ids: [BOOTSTRAP_ID] });
      return;
    }
    const script: chrome.scripting.RegisteredContentScript = {
      id: BOOTSTRAP_ID,
      js: [bootstrapScript],
      matches,
      runAt: 'document_idle',
      // Every frame: a flow may target an embedded app on another origin, which only a script inside
      // that frame can reach. Frames under a same-origin parent stand down (see the bootstrap): the top
      // frame's locator reaches into them. So about:, data: and blob: frames, which share their
      // creator's origin, need no script of their own (no `matchOriginAsFallback`, which would also
      // demand wildcard paths of every pattern).
      allFrames: true,
      persistAcrossSessions: true,
    };
    const cur = existing[0];
    if (!cur) await chrome.scripting.registerContentScripts([script]);
    else if (
      JSON.stringify(cur.matches) !== JSON.stringify(matches) ||
      JSON.stringify(cur.js) !== JSON.stringify(script.js) ||
      cur.allFrames !== script.allFrames
    ) {
      await chrome.scripting.updateContentScripts([script]);
    }
  });
  const done = chain;
  chain = chain.catch((e: unknown) => console.error('waymark: could not register the bootstrap script', e));
  return done;
}
