import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apportion, apportionSequence, APPORTION_METHODS, parseMethod, toIntegerWeights } from './apportion';
import { SimulationError } from './errors';

describe('apportion', () => {
  it('gives the floors of the Hare quotas then the seats left to the largest remainders', () => {
    // 10 seats for 55/35/10: quotas 5.5, 3.5, 1 → floors 5, 3, 1; the tie of remainders goes to pour
    expect(apportion(10, [55, 35, 10])).toEqual([6, 3, 1]);
    expect(apportion(7, [3, 2, 2])).toEqual([3, 2, 2]);
    expect(apportion(5, [1, 1, 1])).toEqual([2, 2, 1]);
  });

  it('shows the Alabama paradox of largest remainder (one more seat, one less for a share)', () => {
    // the classic example: 10 → 11 seats with weights 6, 6, 2
    expect(apportion(10, [6, 6, 2])).toEqual([4, 4, 2]);
    expect(apportion(11, [6, 6, 2])).toEqual([5, 5, 1]);
  });

  it("computes D'Hondt and Sainte-Laguë as the textbook highest averages", () => {
    // Wikipedia "D'Hondt method" example: 8 seats, 100000/80000/30000/20000 votes
    expect(apportion(8, [100000, 80000, 30000, 20000], 'dhondt')).toEqual([4, 3, 1, 0]);
    // Wikipedia "Sainte-Laguë method" example: 7 seats, 53000/24000/23000
    expect(apportion(7, [53000, 24000, 23000], 'sainte-lague')).toEqual([3, 2, 2]);
    // same votes under D'Hondt: quotients 53000, 26500, 24000, 23000, 17667, 13250, 12000 → 4, 2, 1
    expect(apportion(7, [53000, 24000, 23000], 'dhondt')).toEqual([4, 2, 1]);
  });

  it('gives every seat to the largest weight with majority, ties to the earlier entry', () => {
    expect(apportion(9, [3, 5, 5], 'majority')).toEqual([0, 9, 0]);
  });

  it('breaks every tie in favour of the earlier entry, whatever the method', () => {
    for (const method of APPORTION_METHODS) expect(apportion(1, [1, 1, 1], method)).toEqual([1, 0, 0]);
  });

  it('accepts percentages with decimals exactly and weights beyond 2^53 products', () => {
    expect(toIntegerWeights([55.5, 34.5, 10])).toEqual([555, 345, 100]);
    expect(apportion(3, [33.3, 33.3, 33.4])).toEqual([1, 1, 1]);
    const big = [2 ** 50, 2 ** 50 + 1, 3];
    expect(apportion(577, big)).toEqual([288, 289, 0]);
    expect(apportion(577, big, 'dhondt').reduce((a, b) => a + b)).toBe(577);
  });

  it('reads decimal weights exactly as written: no rounding can hand a seat to the wrong share (issue 15)', () => {
    // 1.0000004 used to be rounded to 1 (within 5e-7) and the tie then went to the earlier entry
    expect(apportion(1, [1, 1.0000004])).toEqual([0, 1]);
    expect(toIntegerWeights([1, 1.0000004])).toEqual([10_000_000, 10_000_004]);
    expect(toIntegerWeights([0.1, 0.2, 0.3])).toEqual([1, 2, 3]);
    expect(toIntegerWeights([1e-7, 2])).toEqual([1, 20_000_000]);
    for (const method of APPORTION_METHODS) expect(apportion(1, [2.0000000001, 2.0000000002], method)).toEqual([0, 1]);
  });

  it('refuses, naming the parameter, weights whose exact integers would exceed 2^53', () => {
    expect(() => apportion(1, [1e-12, 12345.6789], 'largest-remainder', 'split')).toThrow(/split: these weights cannot be apportioned exactly/);
    expect(() => toIntegerWeights([1e21, 1])).toThrow(SimulationError);
  });

  it('rejects negative, non-finite or all-zero weights with a SimulationError naming the parameter', () => {
    expect(() => apportion(3, [1, -1])).toThrow(SimulationError);
    expect(() => apportion(3, [0, 0], 'largest-remainder', 'split')).toThrow(/split: all weights are zero/);
    expect(() => apportion(-1, [1])).toThrow(/n: the number of seats/);
    expect(() => parseMethod('plurality')).toThrow(/method: unknown apportionment method "plurality"/);
  });

  const weights = fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 14 }).filter((w) => w.some((x) => x > 0));

  it('always hands out exactly n seats (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1000 }), weights, fc.constantFrom(...APPORTION_METHODS), (n, w, method) => {
        expect(apportion(n, w, method).reduce((a, b) => a + b, 0)).toBe(n);
      }),
    );
  });

  it('keeps every largest-remainder share within one seat of its quota (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1000 }), weights, (n, w) => {
        const total = w.reduce((a, b) => a + b, 0);
        apportion(n, w).forEach((s, i) => {
          // floor(q) ≤ s ≤ floor(q) + 1, in exact integers: s·W vs n·w
          const nw = BigInt(n) * BigInt(w[i]!);
          const floor = nw / BigInt(total);
          expect(BigInt(s) >= floor && BigInt(s) <= floor + 1n).toBe(true);
        });
      }),
    );
  });

  it('computes the whole sequence k = 0..n as apportion(k) for each k (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 60 }), weights, fc.constantFrom(...APPORTION_METHODS), (n, w, method) => {
        const seq = apportionSequence(n, w, method);
        for (let k = 0; k <= n; k++) expect(Array.from(seq.subarray(k * w.length, (k + 1) * w.length))).toEqual(apportion(k, w, method));
      }),
      { numRuns: 60 },
    );
  });
});
