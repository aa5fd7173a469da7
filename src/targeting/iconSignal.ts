import type { ElementFingerprint } from '../schema/fingerprint';
import type { Signal } from './signal';

/**
 * How far two icon names agree: 1 the same icon; 0.6 a variant of it (`trash` and `trash-2`, `pencil`
 * and `pencil-square`: one redesign apart); 0 another icon, or none to compare.
 */
export function iconAgreement(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return 0;
  if (a === b) return 1;
  const stem = (s: string) => s.split('-')[0] ?? s;
  return stem(a) === stem(b) ? 0.6 : 0;
}

/**
 * The element's own icon (`icon`): what the user sees, in no language, so a translated page keeps it.
 * Icons are shared by purpose (every row's Delete has the trash), so it is a tie-breaker and a check,
 * never an identifier; another icon is no contradiction (icons are redesigned), only no support. Read
 * on a live page for the leading candidates only.
 */
export function iconSignal(target: ElementFingerprint): Signal | null {
  const own = target.icon;
  if (own === undefined) return null;
  return {
    name: 'icon',
    weight: 2,
    witness: 'name',
    similarity: (c) => iconAgreement(own, c.icon),
  };
}
