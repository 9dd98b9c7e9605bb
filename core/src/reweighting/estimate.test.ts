import { describe, expect, it } from 'vitest';
import { bootstrapShares, kishEffectiveSize, linearizedShares, Z95 } from './estimate';
import { mulberry32 } from './prng';
import { rakeWeights, type RakingVariable } from './raking';

// The hand-worked sample of raking.test.ts: Fy ×2 pour, Fo contre, Hy ×4 pour, Ho ×2 abstention,
// raked weights Fy 1.125, Fo 2.25, Hy 0.5625, Ho 1.125 (Σw = 9, Σw² = 729/64).
const weights = Float64Array.from([1.125, 1.125, 2.25, 0.5625, 0.5625, 0.5625, 0.5625, 1.125, 1.125]);
const choices = Uint8Array.from([0, 0, 1, 0, 0, 0, 0, 2, 2]);

describe('linearizedShares', () => {
  it('gives the hand-computed shares and linearization intervals', () => {
    const s = linearizedShares(choices, weights);
    expect(s.pour.share).toBeCloseTo(0.5, 12);
    expect(s.contre.share).toBeCloseTo(0.25, 12);
    expect(s.abstention.share).toBeCloseTo(0.25, 12);
    // v(pour) = 9/8 · Σ (w/9)² · 0.25 = 81/2048
    const half = Z95 * Math.sqrt(81 / 2048);
    expect(s.pour.low).toBeCloseTo(0.5 - half, 12);
    expect(s.pour.high).toBeCloseTo(0.5 + half, 12);
    // contre: Σw²(y−¼)² = 2.25²·(¾)² + (729/64 − 2.25²)·(¼)²
    const ss = 5.0625 * 0.5625 + (729 / 64 - 5.0625) * 0.0625;
    expect(s.contre.high).toBeCloseTo(0.25 + Z95 * Math.sqrt((9 / 8) * ss / 81), 12);
    expect(s.contre.low).toBe(0);
  });

  it('reduces to the binomial interval with equal weights', () => {
    const n = 400;
    const c = Uint8Array.from({ length: n }, (_, i) => (i < 100 ? 0 : 1));
    const s = linearizedShares(c, new Float64Array(n).fill(1));
    expect(s.pour.high - s.pour.share).toBeCloseTo(Z95 * Math.sqrt((0.25 * 0.75) / (n - 1)), 12);
  });
});

describe('kishEffectiveSize', () => {
  it('is (Σw)²/Σw²: n for equal weights, 64/9 for the hand-worked weights', () => {
    expect(kishEffectiveSize(new Float64Array(50).fill(3))).toBeCloseTo(50, 12);
    expect(kishEffectiveSize(weights)).toBeCloseTo(64 / 9, 12);
  });
});

describe('bootstrapShares', () => {
  const random = mulberry32(7);
  const n = 2000;
  const sexCodes = Int32Array.from({ length: n }, () => (random() < 0.7 ? 0 : 1));
  // women vote pour more often: raking to 50/50 moves the pour share down
  const picks = Uint8Array.from(sexCodes, (s) => (random() < (s === 0 ? 0.6 : 0.3) ? 0 : random() < 0.5 ? 1 : 2));
  const sex: RakingVariable = { name: 'sex', categories: ['F', 'H'], shares: Float64Array.from([0.5, 0.5]), codes: sexCodes };
  const raked = rakeWeights(n, [sex]);
  if (raked.status !== 'ok') throw new Error(raked.status);

  it('is reproducible from its seed and brackets the point estimate', () => {
    const a = bootstrapShares(picks, [sex], raked.weights, { replicates: 200, seed: 42 });
    const b = bootstrapShares(picks, [sex], raked.weights, { replicates: 200, seed: 42 });
    expect(a).toEqual(b);
    expect(a.used).toBe(200);
    for (const c of ['pour', 'contre', 'abstention'] as const) {
      expect(a.intervals[c].low).toBeLessThan(a.intervals[c].share);
      expect(a.intervals[c].high).toBeGreaterThan(a.intervals[c].share);
    }
  });

  it('agrees with the linearization interval to within a fifth of its width on 2,000 respondents', () => {
    const boot = bootstrapShares(picks, [sex], raked.weights, { replicates: 400, seed: 1 }).intervals.pour;
    const lin = linearizedShares(picks, raked.weights).pour;
    const width = lin.high - lin.low;
    expect(Math.abs(boot.high - boot.low - width)).toBeLessThan(width / 5);
  });
});
