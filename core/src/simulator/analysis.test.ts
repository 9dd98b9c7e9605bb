import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apportion, APPORTION_METHODS } from './apportion';
import { bestCaseTippingPoint, legislatureLeverage, phaseGrid, requiredShare } from './analysis';
import { bestCaseSplit, simulate, tippingPoint } from './simulate';
import { byUid, l17 } from './test-support/real-data';

describe('leverage of the 17th legislature (best-case split)', { timeout: 120_000 }, () => {
  it('counts the scrutins with K* ≤ K in proportional mode: 55, 106, 286, 518, 976, 2331', () => {
    expect(legislatureLeverage(l17(), { mode: 'proportional' })).toEqual({
      scrutins: 3876,
      flippable: { '1': 55, '2': 106, '5': 286, '10': 518, '20': 976, '50': 2331 },
    });
  });

  it('counts them in added mode: 56, 108, 288, 519, 958, 2195', () => {
    expect(legislatureLeverage(l17(), { mode: 'added', ks: [1, 2, 5, 10, 20, 50] }).flippable).toEqual({
      '1': 56, '2': 108, '5': 288, '10': 519, '20': 958, '50': 2195,
    });
  });

  it('uses the same K* as tippingPoint with the best-case split', () => {
    for (const s of l17().slice(1000, 1100)) {
      const full = tippingPoint(s, { split: bestCaseSplit(s.outcome) });
      const capped = bestCaseTippingPoint(s, 'proportional', 50);
      expect(capped).toBe(full !== null && full <= 50 ? full : null);
    }
  });

  it('rejects K lists that are empty or not positive integers, naming ks', () => {
    expect(() => legislatureLeverage([], { ks: [] })).toThrow(/^ks:/);
    expect(() => legislatureLeverage([], { ks: [0] })).toThrow(/^ks:/);
  });
});

describe('required share', { timeout: 120_000 }, () => {
  it('is the smallest pour share (contre the rest) that adopts, checked against the simulator around it', () => {
    for (const uid of ['VTANR5L17V3260', 'VTANR5L17V2000', 'VTANR5L17V3058', 'VTANR5L17V519']) {
      const s = byUid(uid);
      for (const k of [1, 10, 50, 200]) {
        for (const method of APPORTION_METHODS) {
          const r = requiredShare(s, { k, method });
          if (r.exact === null) {
            expect(simulate(s, { k, split: [1, 0, 0], method }).parallel.outcome).toBe('rejeté');
            continue;
          }
          const [num, den] = r.exact;
          // at the share: adopted; just below it (when above 0): rejected
          expect(simulate(s, { k, split: [num, den - num, 0], method }).parallel.outcome).toBe('adopté');
          if (num > 0) expect(simulate(s, { k, split: [num * 1000 - 1, (den - num) * 1000 + 1, 0], method }).parallel.outcome).toBe('rejeté');
        }
      }
    }
  });

  it('gives the share at which pour gets its seats, for every method (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.constantFrom(...APPORTION_METHODS), (k, method) => {
        const s = byUid('VTANR5L17V2000');
        const r = requiredShare(s, { k, method });
        if (r.seats === null || r.exact === null) return;
        const [num, den] = r.exact;
        expect(apportion(k, [num, den - num], method)[0]).toBeGreaterThanOrEqual(r.seats);
        if (num > 0) expect(apportion(k, [num * 10_000 - 1, (den - num) * 10_000 + 1], method)[0]).toBeLessThan(r.seats);
      }),
      { numRuns: 200 },
    );
  });
});

describe('phase grid', { timeout: 120_000 }, () => {
  it('gives, for each K and pour share, the outcome the simulator computes', () => {
    const s = byUid('VTANR5L17V3260');
    const grid = phaseGrid(s, { from: 0, to: 60, kStep: 6, shareStep: 10 });
    expect(grid.shares).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(grid.ks).toEqual([0, 6, 12, 18, 24, 30, 36, 42, 48, 54, 60]);
    grid.ks.forEach((k, i) => {
      grid.shares.forEach((share, j) => {
        const out = simulate(s, { k, split: [share, 100 - share, 0] }).parallel.outcome;
        expect(grid.adopted[i * grid.shares.length + j] === 1 ? 'adopté' : 'rejeté').toBe(out);
      });
    });
  });
});
