import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickMargins, reweight, type Representativity, type Respondent, type VoteChoice } from '@parallele/core';
import { createVerifiedCitizen, startCitizensTestServer, type CitizensTestServer } from '../../test-support/citizens';
import { profilesRepository } from '../profiles';
import { platformVotesOf } from '../scenarios';
import { reweightedVotesOf } from './scenario-split';
import { loadShippedMargins } from './shipped-margins';

/**
 * 60 voters on one scrutin, 55 with a profile: too many women and young people, and the young
 * vote pour. Every figure below is derived from this arrangement, not copied from an output.
 */
const AGES = [...Array(20).fill('18-24'), ...Array(20).fill('25-34'), ...Array(10).fill('35-49'), ...Array(3).fill('50-64'), ...Array(2).fill('65+')] as string[];
const people = Array.from({ length: 60 }, (_, i) => {
  const profiled = i < 55;
  const age = profiled ? AGES[i]! : null;
  return {
    sex: profiled ? (i % 4 === 3 ? 'H' : 'F') : null,
    age,
    pres2022: i < 12 ? 'macron' : null,
    choice: (age === '18-24' || age === '25-34' ? 'pour' : 'contre') as VoteChoice,
  };
});

let t: CitizensTestServer;
let uid: string;
beforeAll(async () => {
  t = await startCitizensTestServer({ scrutins: 2 });
  uid = t.scrutinUids[0]!;
  const profiles = profilesRepository(t.db);
  for (const [i, p] of people.entries()) {
    const { citizen } = await createVerifiedCitizen(t, `voter${i}.rep@example.org`, `10.0.${i}.1`);
    if (p.sex) await profiles.saveProfile(citizen.citizenId, { sex: p.sex as 'F', age: p.age as '18-24', region: '11', departement: null, circonscription: null }, t.clock.now);
    if (p.pres2022) await profiles.savePastVote(citizen.citizenId, p.pres2022, t.clock.now);
    await t.citizens.votes.castVote(citizen, uid, p.choice, null);
  }
}, 120_000);
afterAll(async () => t.close());

const get = async (path: string) => (await request(t.url).get(path).expect(200)).body as Representativity;
const variable = (r: Representativity, name: string) => r.variables.find((v) => v.variable === name)!;

describe('GET /api/scrutins/:uid/representativity', () => {
  it('compares the voters with the INSEE margins and hides cells under 10', async () => {
    const r = await get(`/api/scrutins/${uid}/representativity`);
    expect(r).toMatchObject({ scrutinUid: uid, voters: 60, withProfile: 55, rakedOn: ['sex', 'age'], minCellCount: 10 });
    const { margins } = loadShippedMargins();
    const sex = variable(r, 'sex');
    const women = people.filter((p) => p.sex === 'F').length;
    expect(sex.answered).toBe(55);
    expect(sex.categories.find((c) => c.category === 'F')).toEqual({ category: 'F', label: 'F', sample: { hidden: false, count: women }, sampleShare: women / 55, populationShare: margins.sex.F });
    expect(sex.tvd).toBeCloseTo(Math.abs(women / 55 - margins.sex.F!), 12);
    const age = variable(r, 'age');
    // 3 and 2 are under 10, so both are hidden; 35-49 (10) is shown
    expect(age.categories.map((c) => [c.category, c.sample])).toEqual([
      ['18-24', { hidden: false, count: 20 }], ['25-34', { hidden: false, count: 20 }], ['35-49', { hidden: false, count: 10 }], ['50-64', { hidden: true }], ['65+', { hidden: true }],
    ]);
    expect(age.categories[4]!.sampleShare).toBeNull();
    // a distance computed with hidden cells could give them back: not published
    expect(age.tvd).toBeNull();
    const pres = variable(r, 'pres2022');
    expect(pres.answered).toBe(12);
    expect(pres.categories.find((c) => c.category === 'macron')).toMatchObject({ label: 'Emmanuel Macron', sample: { hidden: false, count: 12 } });
  });

  it('gives the raw and the reweighted split, as core raking computes it on the same voters', async () => {
    const r = await get(`/api/scrutins/${uid}/representativity?variables=sex,age`);
    const respondents: Respondent[] = people.map((p) => ({ choice: p.choice, profile: { sex: p.sex, age: p.age, region: p.sex ? '11' : null, pres2022: p.pres2022 } }));
    const expected = reweight(respondents, pickMargins(loadShippedMargins().margins, ['sex', 'age']));
    if (expected.status !== 'ok' || r.reweighted?.status !== 'ok') throw new Error('expected a reweighted split');
    expect(r.raw).toEqual(expected.raw);
    // same respondents, possibly in another order: equal up to floating-point summation order
    for (const c of ['pour', 'contre', 'abstention'] as const)
      for (const k of ['share', 'low', 'high'] as const) expect(r.reweighted.raked[c][k]).toBeCloseTo(expected.raked[c][k], 9);
    expect(r.reweighted).toMatchObject({ n: 55, excluded: 5, interval: 'linearization' });
    expect(r.nEff).toBeCloseTo(expected.nEff, 9);
    // the young are over-represented and vote pour: reweighting lowers pour
    expect(r.reweighted.raked.pour.share).toBeLessThan(r.raw!.pour);
  });

  it('says which margin cell is empty or that too few gave the variable, instead of a number', async () => {
    const region = await get(`/api/scrutins/${uid}/representativity?variables=sex,region`);
    expect(region.reweighted).toMatchObject({ status: 'empty-cell', variable: 'region' });
    const pres = await get(`/api/scrutins/${uid}/representativity?variables=pres2022`);
    expect(pres.reweighted).toEqual({ status: 'too-few', n: 12, excluded: 48, minimum: 30 });
    const none = await get(`/api/scrutins/${t.scrutinUids[1]}/representativity`);
    expect(none).toMatchObject({ voters: 0, raw: null, reweighted: { status: 'too-few', n: 0 } });
    expect(variable(none, 'sex').categories.every((c) => c.sample.hidden)).toBe(true);
  });

  it('refuses unknown raking variables and a malformed uid, naming the parameter', async () => {
    const bad = await request(t.url).get(`/api/scrutins/${uid}/representativity?variables=sex,income`).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ param: 'variables', in: 'query' });
    await request(t.url).get(`/api/scrutins/${uid}/representativity?variables=sex,sex`).expect(400);
    const uidBad = await request(t.url).get('/api/scrutins/bad%20uid/representativity').expect(400);
    expect(uidBad.body.param).toBe('uid');
  });

  it('refreshes the figures at most every five minutes, so one new vote cannot be singled out', async () => {
    const before = await get(`/api/scrutins/${uid}/representativity?variables=age`);
    const { citizen } = await createVerifiedCitizen(t, 'late.rep@example.org', '10.9.9.1');
    await profilesRepository(t.db).saveProfile(citizen.citizenId, { sex: 'H', age: '65+', region: null, departement: null, circonscription: null }, t.clock.now);
    await t.citizens.votes.castVote(citizen, uid, 'contre', null);
    expect(await get(`/api/scrutins/${uid}/representativity?variables=age`)).toEqual(before);
    t.clock.now += 5 * 60_000;
    const after = await get(`/api/scrutins/${uid}/representativity?variables=age`);
    expect(after.voters).toBe(61);
  });
});

describe('GET /api/representativity', () => {
  it('describes every counted citizen who voted, without any split', async () => {
    const r = await get('/api/representativity?variables=sex,age');
    expect(r).toMatchObject({ scrutinUid: null, voters: 61, withProfile: 56, raw: null, reweighted: null });
    expect(r.nEff).toBeGreaterThan(0);
    expect(r.nEff).toBeLessThan(56);
  });
});

describe('the `redresse` tally of scenarios', () => {
  it('gives the reweighted split as vote weights, and nothing where there is no reweighted figure', async () => {
    const r = await get(`/api/scrutins/${uid}/representativity?variables=sex,age`);
    if (r.reweighted?.status !== 'ok') throw new Error('expected a reweighted split');
    const platformVotes = platformVotesOf(() => t.citizens.votes, reweightedVotesOf(() => t.deps.reweighting));
    const counts = (await platformVotes(uid, 'redresse'))!;
    expect(counts.pour / r.reweighted.n).toBeCloseTo(r.reweighted.raked.pour.share, 3);
    expect(counts.contre / r.reweighted.n).toBeCloseTo(r.reweighted.raked.contre.share, 3);
    expect(counts.pour + counts.contre + counts.abstention).toBeCloseTo(r.reweighted.n, 9);
    expect(await platformVotes(uid, 'unflagged')).toEqual({ pour: 40, contre: 21, abstention: 0 });
    expect(await platformVotes(t.scrutinUids[1]!, 'redresse')).toBeNull();
  });
});
