import type { ElementFingerprint } from '../schema/fingerprint';

/** The closed set of signals; each is one file's worth of judgement about one aspect of an element. */
export type SignalName =
  | 'tag'
  | 'role'
  | 'type'
  | 'testId'
  | 'id'
  | 'name'
  | 'href'
  | 'accessibleName'
  | 'classes'
  | 'neighborText'
  | 'path'
  | 'rect'
  | 'scope'
  | 'ordinal'
  | 'icon';

/**
 * What a match on a signal testifies to (see `confidence.ts`):
 * - `strong`: a developer-chosen identifier (test id, written id, form name, link target);
 * - `name`: what the user reads (text, label, aria-label, placeholder, title, alt);
 * - `context`: where the element is (neighbour text, path, position);
 * - `none`: what kind of element it is (tag, role, type, classes), which many elements share.
 */
export type Witness = 'strong' | 'name' | 'context' | 'none';

/**
 * One signal compiled for one target: everything that depends only on the target is computed once,
 * so that `similarity` is cheap enough to run on ten thousand candidates.
 */
export interface Signal {
  readonly name: SignalName;
  /** Relative importance; the target's score is the weighted mean over the signals it has. */
  readonly weight: number;
  readonly witness: Witness;
  /**
   * In [-1, 1]: 1 is a perfect match, 0 no evidence either way or a missing field, negative a
   * contradiction (a different developer-chosen test id). Never above 1: the ranker skips signals of
   * candidates that could not win even with a perfect match.
   */
  similarity(candidate: ElementFingerprint): number;
}
