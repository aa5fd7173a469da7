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

  it('a name or shared identifier unique when captured and unique now survives a move to other surroundings', () => {
    const moved = { ...none, name: 1, context: 0, contextKnown: true, nameUnique: true, nameWasUnique: true };
    expect(identityOf(moved)).toBeGreaterThan(0.7);
    expect(identityOf({ ...none, sharedId: 1, context: 0.2, contextKnown: true, sharedUnique: true, sharedWasUnique: true })).toBeGreaterThan(0.7);
    // Unique then, but two holders now (a look-alike was added): surroundings must decide.
    expect(identityOf({ ...moved, nameUnique: false })).toBe(0);
    // Unique now, but not known to be unique then: the target may be the namesake a removal took.
    expect(identityOf({ ...moved, nameWasUnique: false })).toBe(0);
  });

  it('an element renamed in place (between the same two neighbours, in the same surroundings) keeps its identity', () => {
    const renamed = { ...none, name: 0, context: 1, contextKnown: true, inPlace: 1 };
    expect(identityOf(renamed)).toBeGreaterThan(0.7);
    // The neighbour that slid into a removed element's place has another element after it.
    expect(identityOf({ ...renamed, inPlace: 0 })).toBe(0);
    // Between the same neighbours, but in other surroundings: not enough.
    expect(identityOf({ ...renamed, context: 0.3 })).toBe(0);
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
