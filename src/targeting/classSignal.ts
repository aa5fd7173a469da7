import type { ElementFingerprint } from '../schema/fingerprint';
import { analyzeToken } from './generatedTokens';
import type { Signal } from './signal';

/** A generated class counts a quarter of a written one: equal hashes mean the same build, nothing more. */
const GENERATED_WEIGHT = 0.25;

/**
 * Class-name overlap (Dice over written parts, generated classes discounted), the target's side analysed
 * once. Written parts are compared, so `Button_save__a8f3k` matches its regenerated self.
 *
 * Classes say what an element looks like, never which one it is: even a class that only one element on
 * the page carries may have been shared with the target's siblings when the step was authored (the
 * sibling is what remains once the target is removed). So this signal never witnesses identity.
 */
export function classSignal(target: ElementFingerprint): Signal | null {
  const written = new Set<string>();
  const generated = new Set<string>();
  for (const cls of target.classes ?? []) {
    const a = analyzeToken(cls);
    if (a.generated === 'full') generated.add(cls);
    else written.add(a.stable);
  }
  if (written.size === 0 && generated.size === 0) return null;
  const targetWeight = written.size + GENERATED_WEIGHT * generated.size;

  return {
    name: 'classes',
    // Only generated classes: they will almost surely change, so their agreement says little.
    weight: written.size > 0 ? 2 : 0.5,
    witness: 'none',
    similarity(c) {
      const classes = c.classes;
      if (classes === undefined || classes.length === 0) return 0;
      let shared = 0;
      let own = 0;
      for (const cls of classes) {
        const a = analyzeToken(cls);
        if (a.generated === 'full') {
          own += GENERATED_WEIGHT;
          if (generated.has(cls)) shared += GENERATED_WEIGHT;
        } else {
          own += 1;
          if (written.has(a.stable)) shared += 1;
        }
      }
      return Math.min(1, (2 * shared) / (targetWeight + own));
    },
  };
}
