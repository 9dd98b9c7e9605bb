import { describe, expect, it } from 'vitest';
import { simulate } from '@parallele/core';
import { realScrutin } from '../../test-support/real-data';
import { seatTotal } from '@parallele/charts';
import { maxKOf, parallelHemicycle, runCurve, runSimulation, simScrutinOf, splitOfTally } from './compute';

const sum = (groups: ReturnType<typeof parallelHemicycle>, key: 'pour' | 'contre' | 'abstention') => groups.reduce((s, g) => s + g.seats[key], 0);

describe('the parallel chamber computed in the browser', () => {
  const v3260 = realScrutin('VTANR5L17V3260');
  const sim = simScrutinOf(v3260);

  it('reproduces the worked example VTANR5L17V3260 at K = 10, split 55/35/10 (issue 3)', () => {
    const r = runSimulation(sim, { k: 10, split: [55, 35, 10], mode: 'proportional', method: 'largest-remainder' });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.parallel).toMatchObject({ pour: 187, contre: 183, abstentions: 6, required: 186, outcome: 'adopté' });
    expect(r.value.tippingPoint).toBe(2);
  });

  it('seats the same tally as the simulator, group by group, in every mode', () => {
    for (const mode of ['proportional', 'added', `group:${v3260.groups[0]!.organeRef}`]) {
      for (const k of [0, 1, 7, 10, 50]) {
        const input = { k, split: [55, 35, 10] as const, mode, method: 'largest-remainder' as const };
        const r = simulate(sim, input);
        const hemi = parallelHemicycle(v3260, input);
        expect(sum(hemi, 'pour')).toBe(r.parallel.pour);
        expect(sum(hemi, 'contre')).toBe(r.parallel.contre);
        expect(sum(hemi, 'abstention')).toBe(r.parallel.abstentions);
        const members = v3260.groups.reduce((s, g) => s + g.members, 0);
        expect(hemi.reduce((s, g) => s + seatTotal(g.seats), 0)).toBe(mode === 'added' ? members + k : members);
        expect(hemi.some((g) => g.id === 'mavoix')).toBe(k > 0);
      }
    }
  });

  it('reads the LIOT motion: 278 pour for 287 required, and tips when K added pour reach the majority', () => {
    const v1240 = simScrutinOf(realScrutin('VTANR5L16V1240'));
    const r = runSimulation(v1240, { k: 0, split: [100, 0, 0], mode: 'added', method: 'largest-remainder' });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.official).toMatchObject({ pour: 278, required: 287, outcome: 'rejeté' });
    // added pour raise the members too: the motion passes once 278 + K ≥ floor((M + K)/2) + 1
    const M = v1240.groups.reduce((s, g) => s + g.members, 0);
    let expected = 1;
    while (278 + expected < Math.floor((M + expected) / 2) + 1) expected++;
    expect(r.value.tippingPoint).toBe(expected);
  });

  it('turns simulator errors into messages naming the parameter', () => {
    const r = runSimulation(sim, { k: 5, split: [0, 0, 0], mode: 'proportional', method: 'largest-remainder' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^split:/);
  });

  it('computes a whole K-curve up to the members', () => {
    const c = runCurve(sim, { split: [55, 35, 10], mode: 'proportional', method: 'largest-remainder' });
    if (!c.ok) throw new Error(c.error);
    expect(c.value.pour).toHaveLength(maxKOf(sim, 'proportional') + 1);
    expect(c.value.firstFlip).toBe(2);
  });

  it('takes the platform split only when someone voted', () => {
    expect(splitOfTally({ pour: 0, contre: 0, abstention: 0 })).toBeNull();
    expect(splitOfTally({ pour: 3, contre: 1, abstention: 0 })).toEqual([3, 1, 0]);
  });
});
