import type { ElementFingerprint } from '../../src/schema/fingerprint';

/** Every field of the contract, in the order `materialize` writes them. */
export const FINGERPRINT_KEYS = [
  'tag', 'id', 'name', 'classes', 'role', 'ariaLabel', 'label', 'placeholder', 'title', 'type', 'href', 'alt',
  'testId', 'text', 'neighborText', 'xpath', 'indexPath', 'rect', 'isButton', 'framePath', 'shadowPath', 'adjacentNames', 'lang', 'ordinal', 'icon',
] as const satisfies readonly (keyof ElementFingerprint)[];

/** A plain copy with every field computed, absent fields left out. */
export function materialize(fp: ElementFingerprint): ElementFingerprint {
  const out: Record<string, unknown> = {};
  for (const key of FINGERPRINT_KEYS) {
    const value = fp[key];
    if (value !== undefined) out[key] = Array.isArray(value) ? [...value] : typeof value === 'object' ? { ...value } : value;
  }
  return out as unknown as ElementFingerprint;
}
