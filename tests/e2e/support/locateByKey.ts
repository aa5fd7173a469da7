import type { Page } from 'puppeteer-core';

/**
 * For fixture pages whose elements carry a `data-key` (invisible to the matcher, which reads only the
 * test-id attributes), with the content-script targeting module bundled in as `WaymarkTargeting` (see
 * `openBundledPages`): capture as the picker does, and locate as a step does.
 */
type Api = typeof import('../../../content-scripts/targeting/index');
type Win = { WaymarkTargeting: Api };

/** Captures the elements with these `data-key`s as the picker does (JSON, as a step stores them). */
export async function captureByKey<T = unknown>(page: Page, keys: string[]): Promise<T[]> {
  return page.evaluate((ks) => {
    const t = (window as unknown as Win).WaymarkTargeting;
    return ks.map((k) => JSON.parse(JSON.stringify(t.captureFingerprint(document.querySelector(`[data-key="${k}"]`) as Element, document))) as unknown);
  }, keys) as Promise<T[]>;
}

/** Locates each fingerprint: its status and the `data-key` of what it anchored to. */
export async function locateByKey(page: Page, fingerprints: unknown[]): Promise<[string, string | null][]> {
  return page.evaluate((fps) => {
    const t = (window as unknown as Win).WaymarkTargeting;
    return fps.map((fp) => {
      const r = t.locate(fp as Parameters<typeof t.locate>[0], document);
      return [r.status, r.element?.getAttribute('data-key') ?? null] as [string, string | null];
    });
  }, fingerprints);
}
