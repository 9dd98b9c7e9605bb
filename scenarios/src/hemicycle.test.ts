import { describe, expect, it } from 'vitest';
import { simulate, toSimScrutin } from '@parallele/core';
import type { ScenarioRow } from '@parallele/core';
import { loadBundledData } from './data';
import { parallelGroupSeats } from './hemicycle';

const data = loadBundledData();

describe('the parallel hemicycle', () => {
  it('removes per group exactly the positions the simulator removes in total, on real scrutins', () => {
    const uids = ['VTANR5L16V1240', 'VTANR5L17V519', 'VTANR5L17V3260', 'VTANR5L17V2000'];
    for (const uid of uids) {
      const scrutin = data.scrutins.find((s) => s.uid === uid)!;
      const sim = toSimScrutin(scrutin, { withDeputies: true });
      const row = { scrutin, sim, split: [55, 35, 10] as const, row: {} as ScenarioRow };
      // the largest group, and three deputies with a recorded position (a pour, a contre if any, another)
      const largest = [...sim.groups].sort((a, b) => b.members - a.members)[0]!;
      const named = [...new Map(scrutin.deputies.map((d) => [d.position, d.acteurRef])).values()].slice(0, 3);
      for (const k of [1, 3, 7, 30, 76, 200]) {
        const modes = ['proportional', 'added', ...(k <= largest.members ? [`group:${largest.organeRef}`] : []), ...(k <= named.length ? [`deputies:${named.join(',')}`] : [])];
        for (const mode of modes) {
          const seats = parallelGroupSeats(row, k, mode);
          const removed = seats.reduce((acc, g) => acc.map((v, i) => v + g.removed[i]!), [0, 0, 0, 0, 0]);
          const r = simulate(sim, { split: [55, 35, 10], k, mode, maxK: 0 });
          expect([removed[0], removed[1], removed[2]], `${uid} K=${k} ${mode}`).toEqual([r.removed.pour, r.removed.contre, r.removed.abstentions]);
          const sitting = seats.reduce((s, g) => s + g.seats.pour + g.seats.contre + g.seats.abstention + g.seats.nonVotant + g.seats.absent, 0);
          const members = sim.groups.reduce((s, g) => s + g.members, 0);
          expect(sitting, `${uid} K=${k} ${mode}`).toBe(mode === 'added' ? members : members - k);
        }
      }
    }
  });
});
