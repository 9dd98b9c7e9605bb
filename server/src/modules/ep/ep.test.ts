import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  EP_FRENCH_SEATS,
  flipProbability,
  isFrenchDelegationRef,
  legislatureLeverage,
  parallelSeats,
  parseOfficialDocument,
  ScrutinDetailSchema,
  ScrutinListResponseSchema,
  simulate,
  toSimScrutin,
  type Scrutin,
} from '@parallele/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../test-support/imported-store';
import { importBundledEpIfMissing } from './bundled';
import { BUNDLED_EP_DIR, readEpSource } from './reader';

/**
 * Issue 15 §2 on the real data: the 293 final votes of the 10th term (HowTheyVote.eu, ODbL). The
 * oracle is the votes file read here independently of the reader: count_* and result.
 */
interface OfficialRow {
  id: string;
  count_for: string;
  count_against: string;
  count_abstention: string;
  result: string;
}
const OFFICIAL = parse(readFileSync(join(BUNDLED_EP_DIR, 'ep10-main-votes.csv'), 'utf8'), { columns: true }) as OfficialRow[];
const MEPS = parse(readFileSync(join(BUNDLED_EP_DIR, 'ep10-main-votes-by-mep.csv'), 'utf8'), { columns: true }) as Record<string, string>[];

let votes: Scrutin[];
beforeAll(async () => {
  votes = [];
  for await (const item of readEpSource(BUNDLED_EP_DIR)) {
    expect(item.error).toBeUndefined();
    const doc = parseOfficialDocument(item.json, item.location);
    if (doc.kind === 'scrutin') votes.push(doc.value);
  }
});

describe('the European Parliament reader', () => {
  it('reads the 293 final votes through the AN parser, with the official totals', () => {
    expect(votes).toHaveLength(293);
    expect(OFFICIAL).toHaveLength(293);
    const byUid = new Map<string, Scrutin>(votes.map((v) => [v.uid, v]));
    for (const o of OFFICIAL) {
      const v = byUid.get(`PEL10V${o.id}`)!;
      expect([v.totals.pour, v.totals.contre, v.totals.abstentions]).toEqual([Number(o.count_for), Number(o.count_against), Number(o.count_abstention)]);
      // the breakdown, counted from the MEP matrix, adds up: no vote needs an unattributed entry
      expect(v.groups.every((g) => g.organeRef.startsWith('PE-'))).toBe(true);
    }
  });

  it('K = 0 reproduces all 293 official results (simple majority of the votes cast)', () => {
    const bad: string[] = [];
    for (const o of OFFICIAL) {
      const v = votes.find((x) => x.uid === `PEL10V${o.id}`)!;
      const r = simulate(toSimScrutin(v), { k: 0, split: [1, 0, 0] });
      const adopted = Number(o.count_for) > Number(o.count_against);
      if ((r.parallel.outcome === 'adopté') !== (o.result === 'ADOPTED') || adopted !== (o.result === 'ADOPTED')) bad.push(o.id);
      if (r.parallel.required !== Number(o.count_against) + 1) bad.push(`${o.id} required`);
    }
    expect(bad).toEqual([]);
  });

  it('splits every group into its French delegation and the other members, France holding about 81 seats', () => {
    const frenchIds = new Set(MEPS.filter((m) => m['member.country.code'] === 'FRA').map((m) => m['member.id']));
    for (const v of votes) {
      const id = String(v.numero);
      const inOffice = MEPS.filter((m) => frenchIds.has(m['member.id']!) && (m[id] ?? '') !== '').length;
      const french = v.groups.filter((g) => isFrenchDelegationRef(g.organeRef)).reduce((a, g) => a + g.members, 0);
      expect(french).toBe(inOffice);
      expect(french).toBeLessThanOrEqual(EP_FRENCH_SEATS);
      expect(french).toBeGreaterThanOrEqual(EP_FRENCH_SEATS - 2);
    }
  });
});

describe('the European Parliament displacement', () => {
  it('replaces K of France’s MEPs, proportionally to the French delegation, by default', () => {
    const v = toSimScrutin(votes.find((x) => x.uid === 'PEL10V169362')!); // support for Ukraine, 17 July 2024
    const french = v.groups.filter((g) => isFrenchDelegationRef(g.organeRef));
    const frenchMembers = french.reduce((a, g) => a + g.members, 0);
    const r = simulate(v, { k: 20, split: [0, 1, 0] });
    const frenchVotes = french.reduce((a, g) => a + g.pour + g.contre + g.abstentions, 0);
    expect(r.removed.pour + r.removed.contre + r.removed.abstentions).toBeLessThanOrEqual(Math.min(20, frenchVotes));
    expect(r.parallel.contre).toBe(v.totals.contre - r.removed.contre + 20);
    // at most the French delegation can be replaced
    expect(() => simulate(v, { k: frenchMembers + 1, split: [0, 1, 0] })).toThrow(`exceeds the ${frenchMembers} members of the French delegation`);
    // added: K on top, the simple majority moves with the votes cast only
    expect(simulate(v, { k: 40, split: [0, 1, 0], mode: 'added' }).parallel).toMatchObject({ contre: v.totals.contre + 40, required: v.totals.contre + 41 });
    // one French group
    const renew = simulate(v, { k: 5, split: [0, 1, 0], mode: 'group:PE-RENEW-FR' });
    expect(renew.removed.pour + renew.removed.contre + renew.removed.abstentions).toBeLessThanOrEqual(5);
  });

  it('seats the parallel hemicycle from the French delegation only, as the simulator does', () => {
    const v = toSimScrutin(votes.find((x) => x.uid === 'PEL10V169362')!);
    for (const k of [1, 20, 60]) {
      const seats = parallelSeats(v, { k, split: [0, 1, 0] });
      const r = simulate(v, { k, split: [0, 1, 0], maxK: 0 });
      const removed = (p: 'pour' | 'contre' | 'abstention') => seats.groups.reduce((a, g) => a + g.removed[p], 0);
      expect([removed('pour'), removed('contre'), removed('abstention')], `K=${k}`).toEqual([r.removed.pour, r.removed.contre, r.removed.abstentions]);
      for (const g of seats.groups) if (!isFrenchDelegationRef(g.organeRef)) expect(Object.values(g.removed).every((n) => n === 0), g.organeRef).toBe(true);
      expect(seats.parallel).toEqual(r.parallel);
    }
  });

  it('draws the flip probability from the French delegation only', () => {
    const v = toSimScrutin(votes.find((x) => x.uid === 'PEL10V169362')!);
    const frenchMembers = v.groups.filter((g) => isFrenchDelegationRef(g.organeRef)).reduce((a, g) => a + g.members, 0);
    expect(flipProbability(v, { k: 40, split: [0, 1, 0] }).probability).toBe(0);
    expect(() => flipProbability(v, { k: frenchMembers + 1, split: [0, 1, 0] })).toThrow(`exceeds the ${frenchMembers} members of the French delegation`);
    // a vote the French seats can tip (best case at K = 40): drawing 40 of them at random may tip it too
    const tippable = votes.map((x) => toSimScrutin(x)).find((s) => simulate(s, { k: 40, split: s.outcome === 'adopté' ? [0, 1, 0] : [1, 0, 0] }).flipped)!;
    const best = tippable.outcome === 'adopté' ? ([0, 1, 0] as const) : ([1, 0, 0] as const);
    const byGroup = flipProbability(tippable, { k: 40, split: best, model: 'by-group' });
    expect(byGroup.probability).toBe(1); // on this vote every draw of 40 French MEPs, group by group, tips it
    expect(flipProbability(tippable, { k: 40, split: best }).probability).toBeGreaterThan(0);
  });

  it('gives the leverage over the term: votes K MaVoix MEPs could have tipped', () => {
    const sims = votes.map((v) => toSimScrutin(v));
    const r = legislatureLeverage(sims, { ks: [1, 5, 10, 20, 40] });
    expect(r.scrutins).toBe(293);
    const counts = Object.values(r.flippable);
    for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeGreaterThanOrEqual(counts[i - 1]!);
    // check one figure by brute force: a vote is tippable by K ≤ 40 French seats iff its best case flips
    const brute = sims.filter((s) => {
      const best = s.outcome === 'adopté' ? [0, 1, 0] : [1, 0, 0];
      for (let k = 1; k <= 40; k++) if (simulate(s, { k, split: best }).flipped) return true;
      return false;
    }).length;
    expect(r.flippable['40']).toBe(brute);
  });
});

describe('EP votes in the store and the API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi({ empty: true });
    const summary = await importBundledEpIfMissing(api.db);
    expect(summary?.errors).toEqual([]);
    expect(await importBundledEpIfMissing(api.db)).toBeNull();
  });
  afterAll(() => api?.cleanup());

  it('lists, details and simulates them like AN scrutins', async () => {
    const list = ScrutinListResponseSchema.parse((await api.get('/api/assemblies/ep/scrutins?legislature=10&pageSize=5').expect(200)).body);
    expect(list.total).toBe(293);
    expect(list.items[0]!.uid).toMatch(/^PEL10V\d+$/);
    // the AN list (the default) does not mix them in; a bad assembly is named
    expect((await api.get('/api/scrutins').expect(200)).body.total).toBe(0);
    const bad = await api.get('/api/assemblies/senat/scrutins').expect(400);
    expect(bad.text).toContain('assembly');
    const detail = ScrutinDetailSchema.parse((await api.get('/api/scrutins/PEL10V169362').expect(200)).body);
    expect(detail).toMatchObject({ organeRef: 'PE10', titre: "The need for the EU's continuous support for Ukraine", outcome: 'adopté' });
    expect(detail.totals).toMatchObject({ pour: 495, contre: 137, abstentions: 47, requis: 138 });
    expect(detail.groups.find((g) => g.organeRef === 'PE-EPP-FR')).toMatchObject({ abbreviation: 'PPE FR', colour: '#3399FF' });
    expect(detail.groups.reduce((a, g) => a + g.members, 0)).toBeLessThanOrEqual(720);
    const sim = await api.get('/api/scrutins/PEL10V169362/simulation?k=10&split=0,100,0').expect(200);
    expect(sim.body.parallel.contre).toBeGreaterThan(137);
    const lev = await api.get('/api/legislatures/10/leverage?ks=1,5,10,20,40').expect(200);
    expect(lev.body.scrutins).toBe(293);
  });
});
