import type { ElementFingerprint } from '../src/schema/fingerprint';

/**
 * A fingerprint as the editor holds it may have empty text fields (a cleared input); stored
 * fingerprints leave unknown fields out instead. Fields the editor does not show (rect, xpath, ...)
 * pass through untouched.
 */
export function cleanFingerprint(fp: ElementFingerprint): ElementFingerprint {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fp)) {
    if (typeof v === 'string' && k !== 'tag' && v.trim() === '') continue;
    out[k] = v;
  }
  return out as ElementFingerprint;
}
