import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryShares, totalVariationDistance } from './distortion';
import { suppressSmallCells } from './suppression';

describe('totalVariationDistance', () => {
  it('is half the sum of absolute differences, counting absent categories as 0', () => {
    expect(totalVariationDistance({ F: 0.7, H: 0.3 }, { F: 0.5, H: 0.5 })).toBeCloseTo(0.2, 12);
    expect(totalVariationDistance({ a: 1 }, { b: 1 })).toBe(1);
    expect(totalVariationDistance({ a: 0.5, b: 0.5 }, { a: 0.5, b: 0.5 })).toBe(0);
  });
});

describe('categoryShares', () => {
  it('counts only those who answered, weighted when asked', () => {
    expect(categoryShares(['F', 'F', 'H', null, ''])).toEqual({ shares: { F: 2 / 3, H: 1 / 3 }, answered: 3 });
    expect(categoryShares(['F', 'H'], [3, 1]).shares).toEqual({ F: 0.75, H: 0.25 });
  });
});

describe('suppressSmallCells', () => {
  it('hides cells under 10 and keeps empty and large cells', () => {
    expect(suppressSmallCells({ a: 0, b: 3, c: 4, d: 40 })).toEqual({ a: { hidden: false, count: 0 }, b: { hidden: true }, c: { hidden: true }, d: { hidden: false, count: 40 } });
  });

  it('hides the next smallest cell when only one is small, so subtraction from the total reveals nothing', () => {
    expect(suppressSmallCells({ a: 9, b: 12, c: 50 })).toEqual({ a: { hidden: true }, b: { hidden: true }, c: { hidden: false, count: 50 } });
  });

  it('never publishes a count under 10 nor leaves a single hidden cell that the total would give back', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z]{1,3}$/), fc.nat({ max: 40 }), { minKeys: 1, maxKeys: 12 }), (counts) => {
        const published = suppressSmallCells(counts);
        for (const [k, c] of Object.entries(published)) if (!c.hidden) expect(c.count === 0 || c.count >= 10, k).toBe(true);
        const hidden = Object.values(published).filter((c) => c.hidden).length;
        const nonZero = Object.values(counts).filter((c) => c > 0).length;
        if (nonZero > 1) expect(hidden).not.toBe(1);
      }),
    );
  });

  it('takes the minimum as a parameter', () => {
    expect(suppressSmallCells({ a: 4, b: 5 }, 5)).toEqual({ a: { hidden: true }, b: { hidden: true } });
  });
});
