import { describe, expect, it } from 'vitest';
import { ACCEPT_CONFIDENCE, assess, identityOf, type Evidence } from '../../../src/targeting/confidence';

const none: Evidence = { uniqueId: 0, sharedId: 0, name: 0, context: 0, contextKnown: false, contradicted: false, nameUnique: false, sharedUnique: false };

describe('identity', () => {
  it('a written id suffices anywhere', () => {
    expect(identityOf({ ...none, uniqueId: 1 })).toBe(1);
  });

  it('a name needs matching surroundings, or to be the only one where surroundings cannot be compared', () => {
    expect(identityOf({ ...none, name: 1, context: 1, contextKnown: true })).toBe(1);
    expect(identityOf({ ...none, name: 1, context: 0, contextKnown: true })).toBe(0);
    expect(identityOf({ ...none, name: 1, nameUnique: true })).toBeGreaterThan(0.7);
    // Another section's only namesake: the target may be the one that was removed.
    expect(identityOf({ ...none, name: 1, context: 0, contextKnown: true, nameUnique: true })).toBe(0);
  });

  it('a contradicting identifier halves the rest', () => {
    expect(identityOf({ ...none, name: 1, context: 1, contextKnown: true, contradicted: true })).toBe(0.5);
  });

  it('place alone, kind alone, never name an element', () => {
    expect(identityOf({ ...none, context: 1 })).toBe(0);
  });
});

describe('the abstain rule', () => {
  it('accepts a close, separated, named best candidate', () => {
    expect(assess({ score: 0.9, identity: 1 }, { score: 0.5, identity: 0 }).confidence).toBe(1);
    expect(assess({ score: 0.9, identity: 1 }, undefined).confidence).toBe(1);
  });

  it('abstains on a near-tie', () => {
    const a = assess({ score: 0.8, identity: 1 }, { score: 0.79, identity: 1 });
    expect(a.separation).toBe(0);
    expect(a.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('abstains when nothing is close', () => {
    expect(assess({ score: 0.15, identity: 1 }, undefined).confidence).toBeLessThan(ACCEPT_CONFIDENCE);
    expect(assess({ score: 0.9, identity: 0.1 }, undefined).confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });

  it('a stronger identity widens a narrow lead', () => {
    const plain = assess({ score: 0.8, identity: 1 }, { score: 0.76, identity: 1 });
    const named = assess({ score: 0.8, identity: 1 }, { score: 0.76, identity: 0 });
    expect(named.separation).toBeGreaterThan(plain.separation);
  });
});
