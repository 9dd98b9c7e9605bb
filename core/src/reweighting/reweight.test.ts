import { describe, expect, it } from 'vitest';
import { VOTE_CHOICES } from '../contracts/votes';
import { mulberry32 } from './prng';
import { ReweightingInputError } from './raking';
import { encodeSample, reweight, type Respondent } from './reweight';

const margins = { sex: { F: 0.5, H: 0.5 }, age: { young: 0.5, old: 0.5 } };

function sample(n: number, seed: number): Respondent[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const sex = random() < 0.65 ? 'F' : 'H';
    return { choice: VOTE_CHOICES[Math.floor(random() * 3)]!, profile: { sex, age: random() < 0.3 ? 'young' : 'old' } };
  });
}

describe('reweight', () => {
  it('rakes the complete profiles, counts the others as excluded and keeps them in the raw shares', () => {
    const people = [...sample(200, 3), { choice: 'pour' as const, profile: { sex: 'F', age: '' } }, { choice: 'contre' as const, profile: { sex: null } }];
    const r = reweight(people, margins);
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.n).toBe(200);
    expect(r.excluded).toBe(2);
    expect(r.converged).toBe(true);
    expect(r.interval).toBe('linearization');
    const rawPour = people.filter((p) => p.choice === 'pour').length / 202;
    expect(r.raw.pour).toBeCloseTo(rawPour, 12);
    expect(r.raked.pour.share + r.raked.contre.share + r.raked.abstention.share).toBeCloseTo(1, 12);
    expect(r.nEff).toBeLessThan(200);
    expect(r.weights.min).toBeLessThan(1);
    expect(r.weights.max).toBeGreaterThan(1);
  });

  it('says "too few" instead of a number below the minimum of complete respondents', () => {
    expect(reweight(sample(29, 1), margins)).toEqual({ status: 'too-few', n: 29, excluded: 0, minimum: 30 });
  });

  it('says which margin cell is empty instead of a number', () => {
    const noYoung = sample(100, 2).map((p) => ({ ...p, profile: { ...p.profile, age: 'old' } }));
    expect(reweight(noYoung, margins)).toMatchObject({ status: 'empty-cell', variable: 'age', category: 'young' });
  });

  it('refuses a category the margins do not have, naming the respondent', () => {
    expect(() => encodeSample([{ choice: 'pour', profile: { sex: 'X', age: 'old' } }], margins)).toThrow(
      new ReweightingInputError('respondent 1: sex = "X" is not a category of the margins (F, H)'),
    );
  });
});
