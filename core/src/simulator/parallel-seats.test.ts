import { describe, expect, it } from 'vitest';
import { parallelSeats, SEAT_POSITIONS } from './parallel-seats';
import { simulate } from './simulate';
import { toSimScrutin } from './types';
import { l16Samples, l17 } from './test-support/real-data';

const byUid = new Map([...l16Samples(), ...l17()].map((s) => [s.uid as string, s]));

describe('parallelSeats', () => {
  it('removes per group exactly the positions the simulator removes in total, on real scrutins, in every mode', () => {
    for (const uid of ['VTANR5L16V1240', 'VTANR5L17V519', 'VTANR5L17V3260', 'VTANR5L17V2000']) {
      const sim = toSimScrutin(byUid.get(uid)!, { withDeputies: true });
      // the largest group, and deputies with a recorded position (one per position)
      const largest = [...sim.groups].sort((a, b) => b.members - a.members)[0]!;
      const named = [...new Map(sim.deputies!.map((d) => [d.position, d.acteurRef])).values()].slice(0, 3);
      for (const k of [0, 1, 3, 7, 30, 76, 200]) {
        const modes = ['proportional', 'added', ...(k <= largest.members ? [`group:${largest.organeRef}`] : []), ...(k <= named.length ? [`deputies:${named.join(',')}`] : [])];
        for (const mode of modes) {
          const seats = parallelSeats(sim, { split: [55, 35, 10], k, mode });
          const r = simulate(sim, { split: [55, 35, 10], k, mode, maxK: 0 });
          const removed = Object.fromEntries(SEAT_POSITIONS.map((p) => [p, seats.groups.reduce((s, g) => s + g.removed[p], 0)]));
          expect([removed.pour, removed.contre, removed.abstention], `${uid} K=${k} ${mode}`).toEqual([r.removed.pour, r.removed.contre, r.removed.abstentions]);
          const sitting = seats.groups.reduce((s, g) => s + SEAT_POSITIONS.reduce((t, p) => t + g.seats[p], 0), 0);
          const members = sim.groups.reduce((s, g) => s + g.members, 0);
          expect(sitting, `${uid} K=${k} ${mode}`).toBe(mode === 'added' ? members : members - k);
          expect(seats.bloc.pour + seats.bloc.contre + seats.bloc.abstention).toBe(k);
          expect(seats.parallel).toEqual(r.parallel);
          for (const g of seats.groups) for (const p of SEAT_POSITIONS) expect(g.seats[p]).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it('takes a group that appears in several entries (PO0 in L17 V489–V501) as one, like the simulator', () => {
    const sim = toSimScrutin(byUid.get('VTANR5L17V489')!);
    const entries = sim.groups.filter((g) => g.organeRef === 'PO0');
    expect(entries.length).toBeGreaterThan(1);
    const size = entries.reduce((s, g) => s + g.members, 0);
    const seats = parallelSeats(sim, { split: [1, 0, 0], k: size, mode: 'group:PO0' });
    const r = simulate(sim, { split: [1, 0, 0], k: size, mode: 'group:PO0', maxK: 0 });
    expect(seats.groups.reduce((s, g) => s + g.removed.pour, 0)).toBe(r.removed.pour);
    for (const g of seats.groups) if (g.organeRef === 'PO0') expect(SEAT_POSITIONS.reduce((t, p) => t + g.seats[p], 0)).toBe(0);
  });

  it('names the deputy that has no recorded position', () => {
    const sim = toSimScrutin(byUid.get('VTANR5L16V1240')!, { withDeputies: true });
    expect(() => parallelSeats(sim, { split: [1, 0, 0], k: 1, mode: 'deputies:PA0' })).toThrow(/PA0/);
  });
});
