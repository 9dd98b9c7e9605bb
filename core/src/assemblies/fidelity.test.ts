import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseScrutin } from '../an/parse';
import { kCurve, parallelSeats, simulate, toSimScrutin } from '../simulator';
import { congres, l16Samples, l17 } from '../simulator/test-support/real-data';
import { majorityRuleOf, seatsImpliedBy } from './majority';
import { qualityWarnings, UNATTRIBUTED_GROUP_REF } from './quality';

/**
 * Issue 15 §1 on records built from REAL L17 files: a copy of an official scrutin with one field
 * edited the way real exports differ (another typeMajorite, a group missing from the breakdown).
 */
const DATA = fileURLToPath(new URL('../../../data/opendata/scrutins/', import.meta.url));
const L17_LINES = gunzipSync(readFileSync(DATA + 'VTANR5L17V1-3876.ndjson.gz')).toString('utf8').split('\n');

/* eslint-disable @typescript-eslint/no-explicit-any -- raw official JSON, edited freely in tests */
function rawCopy(uid: string): any {
  const line = L17_LINES.find((l) => l.includes(`"uid": "${uid}"`));
  if (!line) throw new Error(`${uid} not bundled`);
  return JSON.parse(line);
}
const groupsOf = (j: any): any[] => j.scrutin.ventilationVotes.organe.groupes.groupe;

const MEMBERS_LABEL = "majorité des membres composant l'Assemblée nationale";

describe('the majority is the record’s (typeVote.typeMajorite)', () => {
  it('reads every label of the official exports, whatever their capitalisation', () => {
    expect(majorityRuleOf('SPS', 'Majorité absolue des suffrages exprimés')).toBe('exprimes');
    expect(majorityRuleOf('SPS', MEMBERS_LABEL)).toBe('members');
    expect(majorityRuleOf('MOC', 'Majorité requise pour une motion de censure')).toBe('members');
    expect(majorityRuleOf('SSG', 'Majorité requise pour un Congrès')).toBe('three-fifths');
    expect(majorityRuleOf('SPO', 'majorité simple des suffrages exprimés')).toBe('simple');
    expect(majorityRuleOf('MOC', null)).toBe('members');
    expect(majorityRuleOf('SPO', 'libellé inconnu')).toBe('exprimes');
  });

  it('an organic law in lecture définitive (SPS, members rule): 289 required whatever the votes cast', () => {
    // VTANR5L17V1304, loi organique (204 pour, 180 contre, 576 members: one seat vacant): edited as a lecture définitive
    const j = rawCopy('VTANR5L17V1304');
    j.scrutin.typeVote.typeMajorite = MEMBERS_LABEL;
    j.scrutin.syntheseVote.nbrSuffragesRequis = '289';
    j.scrutin.sort.code = 'rejeté';
    const s = parseScrutin(j, 'edited VTANR5L17V1304');
    const sim = toSimScrutin(s);
    expect(sim).toMatchObject({ rule: 'members', seats: 576 });
    // the parsed record passed as is (as the CLIs do) reads its label the same way
    expect(simulate(s, { k: 100, split: [1, 0, 0] }).parallel.required).toBe(289);
    const k0 = simulate(sim, { k: 0, split: [1, 0, 0] });
    expect(k0.parallel).toEqual({ pour: 204, contre: 180, abstentions: 24, required: 289, outcome: 'rejeté' });
    // replacing deputies leaves the members composing the Assembly unchanged: still 289
    const rep = simulate(sim, { k: 100, split: [1, 0, 0] });
    expect(rep.parallel.required).toBe(289);
    expect(rep.parallel.contre).toBeLessThan(180); // contre votes exist on an SPS, unlike a motion de censure
    // added seats: the members grow, 576 + 20 → 299
    expect(simulate(sim, { k: 20, split: [1, 0, 0], mode: 'added' }).parallel.required).toBe(299);
    // the tipping point is the first K whose pour reaches 289 (a majority of the votes cast would not do)
    const curve = kCurve(sim, { split: [1, 0, 0], to: 300 });
    const first = curve.firstFlip!;
    expect(curve.pour[first]!).toBeGreaterThanOrEqual(289);
    expect(curve.pour[first - 1]!).toBeLessThan(289);
  });

  it('the members rule reads the seats from nbrSuffragesRequis when the group list is incomplete', () => {
    expect(seatsImpliedBy(289, 577)).toBe(577);
    expect(seatsImpliedBy(288, 574)).toBe(574);
    // a list missing a 12-member group: 565 listed, the record says 289 → 577 seats (nearest of 576, 577)
    expect(seatsImpliedBy(289, 565)).toBe(576);
    const j = rawCopy('VTANR5L17V2875'); // loi organique Mayotte, 537 pour
    j.scrutin.typeVote.typeMajorite = MEMBERS_LABEL;
    j.scrutin.syntheseVote.nbrSuffragesRequis = '289';
    const s = parseScrutin(j, 'edited VTANR5L17V2875');
    expect(simulate(toSimScrutin(s), { k: 0, split: [0, 1, 0] }).parallel).toMatchObject({ required: 289, outcome: 'adopté' });
  });
});

describe('a record whose groups do not add up is imported, the difference not attributed to a group', () => {
  // VTANR5L17V3054: the confidence vote on François Bayrou's declaration (art. 49-1), 194 pour, 364 contre
  const j = rawCopy('VTANR5L17V3054');
  const dropped = groupsOf(j).findIndex((g) => Number(g.vote.decompteVoix.contre) > 0 && Number(g.vote.decompteVoix.pour) === 0);
  const gone = groupsOf(j)[dropped].vote.decompteVoix;
  groupsOf(j).splice(dropped, 1);
  const s = parseScrutin(j, 'edited VTANR5L17V3054');

  it('keeps the official totals and the groups as published, plus the missing votes as one entry', () => {
    expect(s.totals).toMatchObject({ pour: 194, contre: 364 });
    const u = s.groups.at(-1)!;
    expect(u).toMatchObject({ organeRef: UNATTRIBUTED_GROUP_REF, pour: Number(gone.pour), contre: Number(gone.contre), abstentions: Number(gone.abstentions), nonVotants: 0 });
    expect(s.groups.slice(0, -1).map((g) => g.organeRef)).toEqual(groupsOf(j).map((g) => g.organeRef));
  });

  it('reports it as a data-quality warning, not an error', () => {
    const [w] = qualityWarnings(s);
    expect(w).toMatchObject({ code: 'unattributed-votes', contre: Number(gone.contre) });
    expect(w!.message).toMatch(/not attributed to a group/);
    expect(qualityWarnings(parseScrutin(rawCopy('VTANR5L17V3054'), 'original'))).toEqual([]);
  });

  it('simulates it: K = 0 is the official result, K > 0 displaces from the unattributed votes too', () => {
    const sim = toSimScrutin(s);
    expect(simulate(sim, { k: 0, split: [1, 0, 0] }).parallel).toEqual({ pour: 194, contre: 364, abstentions: 15, required: 280, outcome: 'rejeté' });
    const members = sim.groups.reduce((a, g) => a + g.members, 0);
    const r = simulate(sim, { k: members, split: [1, 0, 0] });
    expect(r.removed.contre).toBe(364);
  });

  it('seats the unattributed entry on the parallel hemicycle, displaced like the simulator does', () => {
    const sim = toSimScrutin(s);
    for (const k of [0, 10, 100]) {
      const seats = parallelSeats(sim, { k, split: [1, 0, 0] });
      const r = simulate(sim, { k, split: [1, 0, 0], maxK: 0 });
      expect(seats.groups.reduce((a, g) => a + g.removed.contre, 0), `K=${k}`).toBe(r.removed.contre);
      expect(seats.groups.at(-1)!.organeRef).toBe(UNATTRIBUTED_GROUP_REF);
    }
    const unattributed = parallelSeats(sim, { k: 100, split: [1, 0, 0] }).groups.at(-1)!;
    expect(unattributed.removed.contre).toBeGreaterThan(0);
    expect(unattributed.seats.contre + unattributed.removed.contre).toBe(Number(gone.contre));
  });

  it('still refuses groups that add up to MORE than the official totals', () => {
    const k = rawCopy('VTANR5L17V3054');
    groupsOf(k)[0].vote.decompteVoix.pour = String(Number(groupsOf(k)[0].vote.decompteVoix.pour) + 1);
    expect(() => parseScrutin(k, 'x')).toThrow(/the groups' pour add up to 195, but syntheseVote\.decompte\.pour is 194 \(more votes than announced\)/);
  });
});

describe('the whole bundled data still reproduces at K = 0 with the record’s majority', { timeout: 120_000 }, () => {
  it('every official nbrSuffragesRequis and outcome, in both modes', () => {
    const bad: string[] = [];
    for (const s of [...l17(), ...l16Samples(), congres()]) {
      const sim = toSimScrutin(s);
      for (const mode of ['proportional', 'added'] as const) {
        const r = simulate(sim, { k: 0, split: [1, 1, 1], mode, maxK: 1 });
        if (r.parallel.required !== s.totals.requis || r.parallel.outcome !== s.outcome) bad.push(`${s.uid} ${mode}`);
      }
      if (qualityWarnings(s).length > 0) bad.push(`${s.uid}: warning`);
    }
    expect(bad).toEqual([]);
  });
});
