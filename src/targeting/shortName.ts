import type { ElementFingerprint } from '../schema/fingerprint';

/**
 * The short name a user reads on or for an element, in the order assistive technology prefers: what
 * `adjacentNames` records for an element's neighbours, so that it can be compared with them.
 */
export function shortName(fp: ElementFingerprint): string {
  return (fp.ariaLabel ?? fp.label ?? fp.text ?? fp.title ?? fp.placeholder ?? fp.alt ?? '').slice(0, 64);
}
