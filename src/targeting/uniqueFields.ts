import type { ElementFingerprint, IdentifyingField } from '../schema/fingerprint';
import { compileTarget, SAME } from './compileTarget';

const FIELDS: readonly IdentifyingField[] = ['id', 'testId', 'name', 'href', 'accessibleName', 'icon'];

/**
 * The identifying fields of `target` that at most one of `candidates` (the page it was captured on,
 * itself included) matches as the same value (similarity at least `SAME`), by the matcher's own signals.
 * Only fields that witness identity count: a generated id, which the matcher does not trust, is left out.
 * Captured with the fingerprint as `uniqueBy`, this is what tells a moved element from a namesake that a
 * removal left behind: see `identityOf`.
 */
export function uniqueFields(target: ElementFingerprint, candidates: readonly ElementFingerprint[]): IdentifyingField[] {
  const compiled = compileTarget(target);
  const signals = [...compiled.first, ...compiled.middle, ...compiled.late];
  const out: IdentifyingField[] = [];
  for (const field of FIELDS) {
    const signal = signals.find((s) => s.name === field);
    if (signal === undefined || signal.witness === 'none') continue;
    let holders = 0;
    for (let i = 0; i < candidates.length && holders < 2; i++) if (signal.similarity(candidates[i] as ElementFingerprint) >= SAME) holders++;
    if (holders <= 1) out.push(field);
  }
  return out;
}
