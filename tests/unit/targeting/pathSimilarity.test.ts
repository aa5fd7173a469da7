import { describe, expect, it } from 'vitest';
import { compilePath, pathSimilarity } from '../../../src/targeting/pathSimilarity';

const target = compilePath('/html[1]/body[1]/main[1]/section[2]/div[1]/button[3]');

describe('path similarity', () => {
  it('is 1 for the same path and 0 for nothing', () => {
    expect(pathSimilarity(target, '/html[1]/body[1]/main[1]/section[2]/div[1]/button[3]')).toBe(1);
    expect(pathSimilarity(target, '')).toBe(0);
  });

  it('survives a wrapper inserted above the element', () => {
    expect(pathSimilarity(target, '/html[1]/body[1]/div[1]/main[1]/section[2]/div[1]/button[3]')).toBeGreaterThanOrEqual(0.75);
  });

  it('counts a reordered sibling as near, and another section as further', () => {
    const sibling = pathSimilarity(target, '/html[1]/body[1]/main[1]/section[2]/div[1]/button[1]');
    const otherSection = pathSimilarity(target, '/html[1]/body[1]/main[1]/section[3]/div[1]/button[3]');
    const elsewhere = pathSimilarity(target, '/html[1]/body[1]/header[1]/nav[1]/a[2]');
    expect(sibling).toBeGreaterThan(0.9);
    expect(otherSection).toBeLessThan(sibling);
    expect(elsewhere).toBeLessThan(0.5);
  });

  it('credits only exact steps when asked (the identity rule)', () => {
    const otherSection = '/html[1]/body[1]/main[1]/section[3]/div[2]/button[3]';
    expect(pathSimilarity(target, otherSection, 0)).toBeLessThan(pathSimilarity(target, otherSection));
    expect(pathSimilarity(target, otherSection, 0)).toBeLessThan(0.7);
  });

  it('works on index paths', () => {
    const ip = compilePath('0/1/2/0');
    expect(pathSimilarity(ip, '0/1/2/0')).toBe(1);
    expect(pathSimilarity(ip, '0/1/3/0')).toBeGreaterThan(pathSimilarity(ip, '0/0/0'));
  });
});
