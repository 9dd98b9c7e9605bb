import { describe, expect, it } from 'vitest';
import { parallelSeats, toSimScrutin, voteReveal, voteQuestionFromScrutin, type Ballot, type Scrutin } from '@parallele/core';
import { seatTotal } from './hemicycle-layout';
import { officialHemicycle, parallelHemicycle } from './hemicycle-groups';
import { roomHemicycles } from './room-hemicycles';
import { MAVOIX_COLOUR } from './theme';
import { realScrutin } from './test-support/real-data';

// the LIOT censure motion of 20 March 2023 (rejected by 9 votes), from the bundled open data
const s = realScrutin('VTANR5L16V1240');
const labels = s.groups.map((g) => ({ ref: g.organeRef, label: g.abbreviation ?? g.name ?? g.organeRef, name: g.name ?? g.organeRef, colour: g.colour }));
const question = voteQuestionFromScrutin(s as unknown as Scrutin, labels);
const ballots = (pour: number, contre: number): Ballot[] => [
  ...Array.from({ length: pour }, () => ({ choice: 'pour' as const, prediction: null })),
  ...Array.from({ length: contre }, () => ({ choice: 'contre' as const, prediction: null })),
];
const bloc = { label: 'MaVoix', name: 'Député·es MaVoix' };

describe('a room’s reveal as hemicycles', () => {
  it('lays out the real chamber exactly like the website’s official hemicycle', () => {
    const h = roomHemicycles(voteReveal(question, ballots(20, 5), null, 25), labels, bloc);
    expect(h.official).toEqual(officialHemicycle(s));
  });

  it('seats the room’s bloc like the website’s parallel hemicycle, every member kept', () => {
    const reveal = voteReveal(question, ballots(20, 5), 40, 25);
    const h = roomHemicycles(reveal, labels, bloc);
    const expected = parallelHemicycle(s.groups, parallelSeats(toSimScrutin(s as unknown as Scrutin), { k: 40, split: [20, 5, 0], mode: 'proportional' }), bloc);
    expect(h.parallel).toEqual(expected);
    const mavoix = h.parallel.find((g) => g.emphasis)!;
    expect(mavoix).toMatchObject({ label: 'MaVoix', colour: MAVOIX_COLOUR });
    expect(seatTotal(mavoix.seats)).toBe(40);
    expect(mavoix.seats.pour).toBe(reveal.bloc.pour);
    const members = s.groups.reduce((n, g) => n + g.members, 0);
    expect(h.parallel.reduce((n, g) => n + seatTotal(g.seats), 0)).toBe(members);
  });

  it('draws no bloc when nobody voted (K = 0)', () => {
    const h = roomHemicycles(voteReveal(question, [], 40, 0), labels, bloc);
    expect(h.parallel.some((g) => g.emphasis)).toBe(false);
    expect(h.parallel).toEqual(h.official);
  });
});
