import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxMarginError, rakeWeights, ReweightingInputError, type RakingVariable } from './raking';

function variable(name: string, categories: string[], shares: number[], answers: string[]): RakingVariable {
  return { name, categories, shares: Float64Array.from(shares), codes: Int32Array.from(answers.map((a) => categories.indexOf(a))) };
}

/** Fy ×2, Fo ×1, Hy ×4, Ho ×2: sex and age independent in the sample, so one sweep is exact. */
const people = ['Fy', 'Fy', 'Fo', 'Hy', 'Hy', 'Hy', 'Hy', 'Ho', 'Ho'];
const sex = variable('sex', ['F', 'H'], [0.5, 0.5], people.map((p) => p[0]!));
const age = variable('age', ['y', 'o'], [0.5, 0.5], people.map((p) => p[1]!));

describe('rakeWeights on a hand-worked example', () => {
  it('reaches the weights computed by hand in one sweep', () => {
    // sex: F ×1.5, H ×0.75 → age totals y 6, o 3 → y ×0.75, o ×1.5
    const r = rakeWeights(people.length, [sex, age]);
    if (r.status !== 'ok') throw new Error(r.status);
    const byCell: Record<string, number> = { Fy: 1.125, Fo: 2.25, Hy: 0.5625, Ho: 1.125 };
    people.forEach((p, i) => expect(r.weights[i]).toBeCloseTo(byCell[p]!, 12));
    expect(r.iterations).toBe(1);
    expect(r.converged).toBe(true);
    expect(r.maxMarginError).toBeLessThan(1e-12);
    expect(r.trimmed).toBe(0);
  });

  it('keeps every weight within the trimming bounds and reports the margins it could not meet', () => {
    const r = rakeWeights(people.length, [sex, age], { trim: { low: 0.5, high: 2 } });
    if (r.status !== 'ok') throw new Error(r.status);
    const mean = r.weights.reduce((a, b) => a + b, 0) / people.length;
    expect(mean).toBeCloseTo(1, 12);
    for (const w of r.weights) {
      expect(w).toBeLessThanOrEqual(2 * mean + 1e-9);
      expect(w).toBeGreaterThanOrEqual(0.5 * mean - 1e-9);
    }
    expect(r.maxMarginError).toBeCloseTo(maxMarginError([sex, age], r.weights), 12);
    expect(r.converged).toBe(r.maxMarginError <= 1e-6);
  });

  it('says it did not converge when no positive weights meet the margins', () => {
    // F y, F y, F o, H y: F = H and y = o force the Fy weight to 0, which raking only approaches
    const few = ['Fy', 'Fy', 'Fo', 'Hy'];
    const s = variable('sex', ['F', 'H'], [0.5, 0.5], few.map((p) => p[0]!));
    const a = variable('age', ['y', 'o'], [0.5, 0.5], few.map((p) => p[1]!));
    const r = rakeWeights(few.length, [s, a], { trim: null, maxIterations: 50 });
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(50);
    expect(r.maxMarginError).toBeGreaterThan(1e-6);
  });

  it('names the margin category nobody in the sample is in', () => {
    const a = variable('age', ['y', 'o', 'old'], [0.4, 0.4, 0.2], people.map((p) => p[1]!));
    expect(rakeWeights(people.length, [sex, a])).toEqual({ status: 'empty-cell', variable: 'age', category: 'old' });
  });

  it('rejects trimming bounds that exclude the mean weight', () => {
    expect(() => rakeWeights(people.length, [sex], { trim: { low: 1.5, high: 3 } })).toThrow(ReweightingInputError);
  });
});

/** A sample where every combination of categories occurs at least once, plus random extras. */
const sampleArb = fc
  .array(fc.integer({ min: 2, max: 4 }), { minLength: 1, maxLength: 3 })
  .chain((sizes) => {
    const cells = sizes.reduce((a, b) => a * b, 1);
    return fc.record({
      sizes: fc.constant(sizes),
      extra: fc.array(fc.integer({ min: 0, max: cells - 1 }), { maxLength: 150 }),
      shares: fc.tuple(...sizes.map((k) => fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: k, maxLength: k }))),
    });
  })
  .map(({ sizes, extra, shares }) => {
    const cells = sizes.reduce((a, b) => a * b, 1);
    const rows = [...Array.from({ length: cells }, (_, i) => i), ...extra];
    const decode = (cell: number) => sizes.map((k, j) => Math.floor(cell / sizes.slice(0, j).reduce((a, b) => a * b, 1)) % k);
    const variables = sizes.map((k, j): RakingVariable => {
      const raw = shares[j]!;
      const sum = raw.reduce((a, b) => a + b, 0);
      return {
        name: `v${j}`,
        categories: Array.from({ length: k }, (_, c) => `c${c}`),
        shares: Float64Array.from(raw.map((s) => s / sum)),
        codes: Int32Array.from(rows.map((cell) => decode(cell)[j]!)),
      };
    });
    return { n: rows.length, variables };
  });

describe('rakeWeights properties', () => {
  it('meets every margin once converged (all combinations present, no trimming)', () => {
    fc.assert(
      fc.property(sampleArb, ({ n, variables }) => {
        const r = rakeWeights(n, variables, { trim: null, maxIterations: 2000 });
        expect(r.status).toBe('ok');
        if (r.status !== 'ok') return;
        expect(r.converged).toBe(true);
        expect(maxMarginError(variables, r.weights)).toBeLessThanOrEqual(1e-6);
      }),
      { numRuns: 150 },
    );
  });

  it('leaves the weights at 1 when the sample already matches the margins', () => {
    fc.assert(
      fc.property(sampleArb, ({ n, variables }) => {
        const matching = variables.map((v) => {
          const counts = new Float64Array(v.categories.length);
          for (const c of v.codes) counts[c]! += 1;
          return { ...v, shares: counts.map((c) => c / n) };
        });
        const r = rakeWeights(n, matching);
        if (r.status !== 'ok') throw new Error(r.status);
        expect(r.iterations).toBe(0);
        for (const w of r.weights) expect(w).toBeCloseTo(1, 12);
      }),
    );
  });

  it('gives each respondent the same weight whatever the order of the respondents', () => {
    fc.assert(
      fc.property(sampleArb.chain((s) => fc.record({ s: fc.constant(s), order: fc.shuffledSubarray(Array.from({ length: s.n }, (_, i) => i), { minLength: s.n, maxLength: s.n }) })), ({ s, order }) => {
        const permuted = s.variables.map((v) => ({ ...v, codes: Int32Array.from(order.map((i) => v.codes[i]!)) }));
        const a = rakeWeights(s.n, s.variables);
        const b = rakeWeights(s.n, permuted);
        if (a.status !== 'ok' || b.status !== 'ok') throw new Error('empty cell');
        expect(b.iterations).toBe(a.iterations);
        order.forEach((i, r) => expect(b.weights[r]).toBeCloseTo(a.weights[i]!, 9));
      }),
    );
  });
});
