import { describe, expect, it } from 'vitest';
import { blocPower, majorityQuota, powerIndices } from './power';

/** Brute force over all 2^n coalitions and n! orders, for cross-checking small games. */
function bruteForce(weights: number[], quota: number) {
  const n = weights.length;
  const swings = new Array<number>(n).fill(0);
  for (let mask = 0; mask < 1 << n; mask++) {
    let w = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) w += weights[i]!;
    for (let i = 0; i < n; i++) if (mask & (1 << i) && w >= quota && w - weights[i]! < quota) swings[i]!++;
  }
  const pivots = new Array<number>(n).fill(0);
  const permute = (rest: number[], acc: number) => {
    if (rest.length === 0) return;
    rest.forEach((p, idx) => {
      // the player who reaches the quota is pivotal in every completion of this order
      if (acc < quota && acc + weights[p]! >= quota) pivots[p]! += factorial(rest.length - 1);
      else permute([...rest.slice(0, idx), ...rest.slice(idx + 1)], acc + weights[p]!);
    });
  };
  permute([...weights.keys()], 0);
  return { swings, shapley: pivots.map((p) => p / factorial(n)) };
}
const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

describe('voting power (Banzhaf and Shapley-Shubik)', () => {
  it('gives three equal players to [51; 49, 49, 2] (any two of the three win)', () => {
    const r = powerIndices([49, 49, 2], 51);
    expect(r.swings).toEqual([2, 2, 2]);
    r.banzhaf.forEach((b) => expect(b).toBeCloseTo(1 / 3, 12));
    r.shapleyShubik.forEach((s) => expect(s).toBeCloseTo(1 / 3, 12));
  });

  it('reproduces the EEC Council of Ministers of 1958, [12; 4, 4, 4, 2, 2, 1], where Luxembourg is a dummy', () => {
    // Felsenthal & Machover, The Measurement of Voting Power (1998), §2.3 and Table 2.3:
    // Banzhaf 5/21 (France, Germany, Italy), 3/21 (Belgium, Netherlands), 0 (Luxembourg);
    // Shapley-Shubik 14/60, 9/60 and 0.
    const r = powerIndices([4, 4, 4, 2, 2, 1], 12);
    expect(r.swings).toEqual([10, 10, 10, 6, 6, 0]);
    [5 / 21, 5 / 21, 5 / 21, 3 / 21, 3 / 21, 0].forEach((v, i) => expect(r.banzhaf[i]).toBeCloseTo(v, 12));
    [14 / 60, 14 / 60, 14 / 60, 9 / 60, 9 / 60, 0].forEach((v, i) => expect(r.shapleyShubik[i]).toBeCloseTo(v, 12));
  });

  it('reproduces Banzhaf on the Nassau County Board of 1964, [58; 31, 31, 28, 21, 2, 2]: three players hold all power', () => {
    // J. F. Banzhaf III, "Weighted voting doesn't work", Rutgers Law Review 19 (1965): North
    // Hempstead (21), Long Beach (2) and Glen Cove (2) have no power at all.
    const r = powerIndices([31, 31, 28, 21, 2, 2], 58);
    [1 / 3, 1 / 3, 1 / 3, 0, 0, 0].forEach((v, i) => expect(r.banzhaf[i]).toBeCloseTo(v, 12));
    [1 / 3, 1 / 3, 1 / 3, 0, 0, 0].forEach((v, i) => expect(r.shapleyShubik[i]).toBeCloseTo(v, 12));
  });

  it('reproduces the UN Security Council [39; 7×5, 1×10] (five vetoes, nine votes needed)', () => {
    // Shapley-Shubik: 0.19627 per permanent member, 0.001865 per elected member (Shapley &
    // Shubik 1954 for the then 11-member Council; for 15 members see e.g. Straffin, Game Theory
    // and Strategy, 1993, chapter on power indices): exactly 421/2145 and 4/2145. Banzhaf: 848 and 84 swings, i.e.
    // normalised 0.1669 and 0.0165.
    const r = powerIndices([7, 7, 7, 7, 7, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 39);
    expect(r.swings[0]).toBe(848);
    expect(r.swings[14]).toBe(84);
    expect(r.shapleyShubik[0]).toBeCloseTo(421 / 2145, 12);
    expect(r.shapleyShubik[14]).toBeCloseTo(4 / 2145, 12);
    expect(r.banzhaf[0]).toBeCloseTo(0.1669, 4);
    expect(r.banzhaf[14]).toBeCloseTo(0.0165, 4);
  });

  it('matches brute-force enumeration on small games, with indices summing to one', () => {
    for (const [w, q] of [[[5, 3, 2, 1, 1], 7], [[10, 7, 6, 3, 2, 1], 15], [[3, 3, 3, 3], 12], [[9, 0, 4, 4], 9]] as [number[], number][]) {
      const r = powerIndices(w, q);
      const b = bruteForce(w, q);
      expect(r.swings).toEqual(b.swings);
      r.shapleyShubik.forEach((s, i) => expect(s).toBeCloseTo(b.shapley[i]!, 12));
      expect(r.shapleyShubik.reduce((a, x) => a + x, 0)).toBeCloseTo(1, 12);
    }
  });

  it('gives a MaVoix bloc power in the Assembly that grows with K', () => {
    // seats of the L17 groups in VTANR5L17V3260 order would do; a simple 577-seat house here
    const groups = [123, 99, 91, 66, 38, 36, 34, 23, 17, 16, 22, 12];
    const quota = majorityQuota(577);
    let last = -1;
    for (const k of [0, 1, 5, 20, 50, 100, 289]) {
      const r = blocPower(groups, k);
      expect(r.quota).toBe(quota);
      expect(r.weights.reduce((a, b) => a + b, 0)).toBe(577);
      expect(r.bloc.shapleyShubik).toBeGreaterThanOrEqual(last);
      last = r.bloc.shapleyShubik;
    }
    expect(blocPower(groups, 289).bloc.banzhaf).toBe(1);
    expect(blocPower(groups, 0).bloc.banzhaf).toBe(0);
  });

  it('rejects quotas outside 1..Σw and negative weights, naming the parameter', () => {
    expect(() => powerIndices([1, 2], 4)).toThrow(/^quota:/);
    expect(() => powerIndices([1, -2], 1)).toThrow(/^weights\[1\]:/);
    expect(() => blocPower([10, 10], 21)).toThrow(/^k:/);
  });
});
