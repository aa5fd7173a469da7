import type { ElementFingerprint } from '../../src/schema/fingerprint';
import { createPassCaches, LiveFingerprint } from './liveFingerprint';
import { materialize } from './materialize';

/**
 * A plain-JSON fingerprint of a live element, every field computed now, absent fields left out. This is
 * what the picker stores in a step; `collectCandidates` computes the same fields (lazily, sharing caches)
 * for every candidate on the page, so a fingerprint captured here compares like with like.
 */
export function fingerprintOf(el: Element): ElementFingerprint {
  return materialize(new LiveFingerprint(el, createPassCaches()));
}
