import type { ElementFingerprint } from '../../src/schema/fingerprint';
import { ACCEPT_CONFIDENCE, rankWithAssessment } from '../../src/targeting';
import { candidateQuery } from './candidateQuery';
import { collectCandidates } from './collectCandidates';

export { releasePageState } from './pageState';

export interface LocateResult {
  /**
   * `found`: one candidate is confidently the target. `ambiguous`: something resembles it, but not
   * uniquely or not certainly enough to anchor. `missing`: nothing resembles it, or the best match is
   * not rendered (display: none: wait for it).
   */
  status: 'found' | 'ambiguous' | 'missing';
  /** Set only when `found`: an uncertain element must never be anchored to. */
  element: Element | null;
  /** The best candidate's confidence, 0 when there is none. */
  confidence: number;
}

export interface LocateOptions {
  /** Elements to leave out with their subtrees (our overlay); see `collectCandidates`. */
  ignore?: (el: Element) => boolean;
}

/**
 * Finds the element a fingerprint was captured from on the current page: collects plausible candidates
 * (cheaply prefiltered by tag and kind), ranks them, and applies the abstain rule.
 */
export function locate(target: ElementFingerprint, root: Document, opts: LocateOptions = {}): LocateResult {
  const { elements, fingerprints } = collectCandidates(root, { ignore: opts.ignore, ...candidateQuery(target) });
  const { ranked, assessment } = rankWithAssessment(target, fingerprints);
  const top = ranked[0];
  if (top === undefined || assessment === null) return { status: 'missing', element: null, confidence: 0 };
  const confidence = assessment.confidence;
  const rect = fingerprints[top.index]?.rect;
  const rendered = rect !== undefined && (rect.width > 0 || rect.height > 0);
  if (confidence >= ACCEPT_CONFIDENCE && rendered) return { status: 'found', element: elements[top.index] ?? null, confidence };
  if (!rendered) return { status: 'missing', element: null, confidence };
  // Close and named, yet not separated from a rival: two look-alikes, not an absence.
  const plausible = Math.min(assessment.closeness, assessment.identity) >= ACCEPT_CONFIDENCE;
  return { status: plausible ? 'ambiguous' : 'missing', element: null, confidence };
}
