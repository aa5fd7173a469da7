/** Targeting on the live page: fingerprints from the DOM, candidates, and the locator. */
export { fingerprintOf } from './fingerprintOf';
export { collectCandidates } from './collectCandidates';
export type { Candidates, CollectOptions } from './collectCandidates';
export { locate } from './locate';
export type { LocateOptions, LocateResult } from './locate';
export { captureFingerprint } from './captureFingerprint';
