import type { ElementFingerprint } from '../../src/schema/fingerprint';
import { uniqueFields } from '../../src/targeting';
import { candidateQuery } from './candidateQuery';
import { collectCandidates } from './collectCandidates';
import { fingerprintOf } from './fingerprintOf';

/**
 * The fingerprint a step stores: `fingerprintOf` the element, plus `uniqueBy`, the identifying fields
 * no other candidate on the page shares now (counted among the candidates the locator will consider
 * from `root`, the top document). Later, a single holder of such a field in other surroundings is the
 * element moved, not a namesake left behind by a removal.
 */
export function captureFingerprint(el: Element, root: Document, ignore?: (el: Element) => boolean): ElementFingerprint {
  const fingerprint = fingerprintOf(el);
  const { fingerprints } = collectCandidates(root, { ignore, ...candidateQuery(fingerprint) });
  const uniqueBy = uniqueFields(fingerprint, fingerprints);
  // Recorded even when empty: then it says that nothing was unique, which matters as much.
  return { ...fingerprint, uniqueBy };
}
