import { describe, expect, it } from 'vitest';
import { apportion } from './apportion';
import { flipProbability } from './flip-probability';
import { byUid } from './test-support/real-data';
import { requiredFor, ruleOf, type SimScrutin, type VoteRule } from './types';
import type { Position, VoteType } from '../an/model';

type Member = Position | 'absent';

/** A small assembly, member by member. */
function assembly(type: VoteType, groups: Member[][]): SimScrutin {
  const count = (g: Member[], p: Member) => g.filter((x) => x === p).length;
  const gs = groups.map((g, i) => ({ organeRef: `G${i}`, members: g.length, pour: count(g, 'pour'), contre: count(g, 'contre'), abstentions: count(g, 'abstention'), nonVotants: count(g, 'nonVotant') }));
  const pour = gs.reduce((a, g) => a + g.pour, 0);
  const contre = gs.reduce((a, g) => a + g.contre, 0);
  const requis = requiredFor(ruleOf(type), pour, contre, groups.flat().length);
  return { uid: 'small', type, outcome: pour >= requis ? 'adopté' : 'rejeté', totals: { pour, contre, abstentions: 0, nonVotants: 0, requis }, groups: gs };
}

function* subsets<T>(items: T[], k: number, start = 0): Generator<T[]> {
  if (k === 0) return yield [];
  for (let i = start; i <= items.length - k; i++) for (const rest of subsets(items, k - 1, i + 1)) yield [items[i]!, ...rest];
}

/** Exhaustive enumeration of the draws, member by member. */
function enumerate(s: SimScrutin, members: Member[][], k: number, split: [number, number, number], byGroup: boolean): [number, number] {
  const rule: VoteRule = ruleOf(s.type);
  const [kp, kc] = apportion(k, split) as [number, number, number];
  const flat = members.flatMap((g, gi) => g.map((p, j) => ({ p, gi, j })));
  const draws: (typeof flat)[] = [];
  if (!byGroup) for (const sub of subsets(flat, k)) draws.push(sub);
  else {
    const d = apportion(k, members.map((g) => g.length));
    let acc: (typeof flat)[] = [[]];
    members.forEach((g, gi) => {
      const mine = flat.filter((x) => x.gi === gi);
      acc = acc.flatMap((prefix) => [...subsets(mine, d[gi]!)].map((sub) => [...prefix, ...sub]));
    });
    draws.push(...acc);
  }
  let flips = 0;
  for (const sub of draws) {
    const pour = s.totals.pour - sub.filter((x) => x.p === 'pour').length + kp;
    const contre = rule === 'members' ? 0 : s.totals.contre - sub.filter((x) => x.p === 'contre').length + kc;
    const adopted = pour >= requiredFor(rule, pour, contre, flat.length);
    if (adopted !== (s.outcome === 'adopté')) flips++;
  }
  return [flips, draws.length];
}

describe('flip probability', { timeout: 120_000 }, () => {
  const members: Member[][] = [
    ['pour', 'pour', 'pour', 'contre', 'absent'],
    ['contre', 'contre', 'abstention', 'nonVotant'],
    ['pour', 'contre', 'absent', 'absent', 'pour', 'abstention'],
  ];

  for (const type of ['SPO', 'MOC', 'SSG'] as const) {
    for (const model of ['uniform', 'by-group'] as const) {
      it(`equals exhaustive enumeration on a 15-member ${type} assembly (${model} draw)`, () => {
        const s = assembly(type, members);
        for (let k = 0; k <= 15; k++) {
          for (const split of [[1, 0, 0], [0, 1, 0], [2, 1, 1], [1, 1, 0]] as [number, number, number][]) {
            const r = flipProbability(s, { k, split, model });
            const [flips, draws] = enumerate(s, members, k, split, model === 'by-group');
            expect([r.flips, r.draws]).toEqual([String(flips), String(draws)]);
            expect(r.probability).toBeCloseTo(flips / draws, 12);
          }
        }
      });
    }
  }

  it('is exact on a real scrutin for K up to 50 and beyond, and zero at K = 0', () => {
    const s = byUid('VTANR5L17V3260');
    expect(flipProbability(s, { k: 0, split: [0, 1, 0] }).probability).toBe(0);
    const p50 = flipProbability(s, { k: 50, split: [0, 1, 0] });
    // C(577, 50) equally likely draws; nearly all flip a 4-vote margin when 50 vote contre
    expect(p50.draws.length).toBeGreaterThan(70);
    expect(p50.probability).toBeGreaterThan(0.99);
    const byGroup = flipProbability(s, { k: 50, split: [0, 1, 0], model: 'by-group' });
    expect(byGroup.probability).toBeGreaterThan(0.99);
    const p100 = flipProbability(s, { k: 100, split: [55, 35, 10] });
    expect(p100.probability).toBeGreaterThan(0);
    expect(p100.probability).toBeLessThan(1);
  });

  it('refuses modes without randomness and unknown models, naming the parameter', () => {
    const s = byUid('VTANR5L17V3260');
    expect(() => flipProbability(s, { k: 5, split: [1, 1, 1], mode: 'added' })).toThrow(/^mode:/);
    expect(() => flipProbability(s, { k: 5, split: [1, 1, 1], model: 'monte-carlo' })).toThrow(/^model:/);
    expect(() => flipProbability(s, { k: 9999, split: [1, 1, 1] })).toThrow(/^k:/);
  });
});
