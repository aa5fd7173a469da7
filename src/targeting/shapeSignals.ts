import type { ElementFingerprint } from '../schema/fingerprint';
import { implicitRole, kindOf } from './roles';
import type { Signal } from './signal';

/** The role a fingerprint states, or the one its tag implies (fingerprints from other tools may omit it). */
export function effectiveRole(fp: ElementFingerprint): string | undefined {
  return fp.role || implicitRole(fp.tag, fp.type, fp.href !== undefined);
}

/** Same tag; or the same kind of control under another tag (`a` restyled into `button`). */
export function tagSignal(target: ElementFingerprint): Signal {
  const kind = kindOf(effectiveRole(target));
  return {
    name: 'tag',
    weight: 1.5,
    witness: 'none',
    similarity(c) {
      if (c.tag === target.tag) return 1;
      return kind !== 'other' && kindOf(effectiveRole(c)) === kind ? 0.6 : 0;
    },
  };
}

export function roleSignal(target: ElementFingerprint): Signal | null {
  const role = effectiveRole(target);
  if (role === undefined) return null;
  const kind = kindOf(role);
  return {
    name: 'role',
    weight: 1.5,
    witness: 'none',
    similarity(c) {
      const other = effectiveRole(c);
      if (other === role) return 1;
      return kind !== 'other' && kindOf(other) === kind ? 0.5 : 0;
    },
  };
}

const TEXTLIKE = new Set(['text', 'email', 'search', 'tel', 'url', 'password']);

/** An input's or button's `type`: text-like types are near relatives, `checkbox` and `text` are not. */
export function typeSignal(target: ElementFingerprint): Signal | null {
  const type = target.type?.toLowerCase();
  if (!type) return null;
  const textlike = TEXTLIKE.has(type);
  return {
    name: 'type',
    weight: 1,
    witness: 'none',
    similarity(c) {
      const other = c.type?.toLowerCase();
      if (other === undefined) return 0;
      if (other === type) return 1;
      return textlike && TEXTLIKE.has(other) ? 0.5 : 0;
    },
  };
}
