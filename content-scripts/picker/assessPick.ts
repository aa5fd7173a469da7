import type { PickedElement } from '../../src/messages/picker';
import type { ElementFingerprint } from '../../src/schema/fingerprint';
import { rankCandidates } from '../../src/targeting';
import { SEPARATION_FULL } from '../../src/targeting/confidence';
import { captureFingerprint, collectCandidates, locate } from '../targeting';
import { candidateQuery } from '../targeting/candidateQuery';

export type Assessment = Omit<PickedElement, 'frameUrl'>;

/**
 * How many elements of the page resemble `fp` about as closely as the best one does: those within the
 * matcher's separation window of the top score, where a rival lowers the confidence. At least 1 (the
 * picked element). Scores below the runner-up's may be lower bounds (the ranker skips costly signals
 * where they cannot change its answer), so the count may miss a weak rival but never invents one.
 */
function countSimilar(fp: ElementFingerprint, root: Document, ignore: (el: Element) => boolean): number {
  const { fingerprints } = collectCandidates(root, { ignore, ...candidateQuery(fp) });
  const ranked = rankCandidates(fp, fingerprints);
  // Best first is by score, except that an abstention puts its best guess first: the top score is the highest.
  let best = 0;
  for (const r of ranked) best = Math.max(best, r.score);
  let n = 0;
  for (const r of ranked) if (r.score >= best - SEPARATION_FULL) n++;
  return Math.max(1, n);
}

/**
 * Captures the picked element's fingerprint and checks it the way a tour will use it: located from the
 * top document `root`, is it found, and is it this very element? When not, counts the look-alikes, so
 * the admin learns why ("2 similar elements") and what to add.
 */
export function assessPick(el: Element, root: Document, ignore: (el: Element) => boolean): Assessment {
  const fingerprint = captureFingerprint(el, root, ignore);
  const found = locate(fingerprint, root, { ignore });
  const unambiguous = found.status === 'found' && found.element === el;
  const similar = unambiguous ? 1 : countSimilar(fingerprint, root, ignore);
  return { fingerprint, unambiguous, confidence: found.confidence, similar };
}
