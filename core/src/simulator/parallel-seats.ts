import { apportion } from './apportion';
import { SimulationError } from './errors';
import { simulate } from './simulate';
import { parseMode, type SimGroup, type SimOptions, type SimScrutin, type SimTally } from './types';

/** The five things a seat can show on a hemicycle. */
export const SEAT_POSITIONS = ['pour', 'contre', 'abstention', 'nonVotant', 'absent'] as const;
export type SeatPosition = (typeof SEAT_POSITIONS)[number];
export type SeatCounts = Record<SeatPosition, number>;

export const NO_SEATS: SeatCounts = { pour: 0, contre: 0, abstention: 0, nonVotant: 0, absent: 0 };

/** A group's official seats: its positions, and its members who did not vote at all as absent. */
export function groupSeats(g: SimGroup): SeatCounts {
  return { pour: g.pour, contre: g.contre, abstention: g.abstentions, nonVotant: g.nonVotants, absent: Math.max(0, g.members - g.pour - g.contre - g.abstentions - g.nonVotants) };
}

const counts = (s: SeatCounts) => SEAT_POSITIONS.map((p) => s[p]);
const fromCounts = (c: readonly number[]): SeatCounts => ({ pour: c[0]!, contre: c[1]!, abstention: c[2]!, nonVotant: c[3]!, absent: c[4]! });

export interface ParallelGroupSeats {
  /** index of the group entry in the scrutin (file order) */
  index: number;
  organeRef: string;
  /** what the group keeps once the MaVoix deputies sit */
  seats: SeatCounts;
  /** what the MaVoix deputies took from it */
  removed: SeatCounts;
}

export interface ParallelSeats {
  groups: ParallelGroupSeats[];
  /** the MaVoix bloc's K seats */
  bloc: SeatCounts;
  /** the parallel tally at this K (the simulator's) */
  parallel: SimTally;
}

/** Splits `taken` (per position) over several entries of one group, in proportion to what each holds. */
function spreadOver(entries: readonly number[], seats: readonly SeatCounts[], taken: readonly number[]): number[][] {
  const out = entries.map(() => [0, 0, 0, 0, 0]);
  SEAT_POSITIONS.forEach((p, j) => {
    const share = taken[j]! > 0 ? apportion(taken[j]!, entries.map((e) => seats[e]![p])) : entries.map(() => 0);
    share.forEach((n, i) => (out[i]![j] = n));
  });
  return out;
}

/** Per group entry, the positions the K MaVoix deputies take away (the simulator's rules). */
function removals(sim: SimScrutin, k: number, mode: ReturnType<typeof parseMode>, parameter: string): number[][] {
  const seats = sim.groups.map(groupSeats);
  const none = sim.groups.map(() => [0, 0, 0, 0, 0]);
  switch (mode.kind) {
    case 'added':
      return none;
    case 'proportional': {
      if (k === 0) return none;
      const d = apportion(k, sim.groups.map((g) => g.members));
      return seats.map((s, i) => (d[i]! > 0 ? apportion(d[i]!, counts(s)) : [0, 0, 0, 0, 0]));
    }
    case 'group': {
      // entries sharing a ref (PO0 in some L17 scrutins) are one group, as in the simulator
      const entries = sim.groups.flatMap((g, i) => (g.organeRef === mode.organeRef ? [i] : []));
      if (entries.length === 0) throw new SimulationError('unknown-group', parameter, `${parameter}: group ${mode.organeRef} is not in scrutin ${sim.uid}`);
      if (k === 0) return none;
      const pooled = counts(entries.reduce((acc, e) => fromCounts(counts(acc).map((v, j) => v + counts(seats[e]!)[j]!)), NO_SEATS));
      const spread = spreadOver(entries, seats, apportion(k, pooled));
      entries.forEach((e, i) => (none[e] = spread[i]!));
      return none;
    }
    case 'deputies': {
      const byRef = new Map((sim.deputies ?? []).map((d) => [d.acteurRef, d]));
      for (const ref of mode.refs.slice(0, k)) {
        const d = byRef.get(ref);
        const at = d ? sim.groups.findIndex((g) => g.organeRef === d.organeRef) : -1;
        if (!d || at < 0) throw new SimulationError('unknown-deputy', parameter, `${parameter}: deputy ${ref} has no recorded position in scrutin ${sim.uid}`);
        none[at]![SEAT_POSITIONS.indexOf(d.position)]!++;
      }
      return none;
    }
  }
}

/**
 * The seats of the parallel chamber, group by group, once K MaVoix deputies sit: the one
 * derivation used by the web simulator and the scenario runner. The simulator itself returns
 * totals only; the per-group split follows its rules (proportional: d = apportion(K, [m_g]), then
 * inside a group apportion(d_g, its five positions); group: the same inside that group; deputies:
 * the recorded positions of the first K named deputies; added: nobody leaves). The removed seats
 * add up to the simulator's `removed` (checked in the tests on real scrutins, every mode).
 */
export function parallelSeats(sim: SimScrutin, options: SimOptions & { k: number }, parameter = 'mode'): ParallelSeats {
  const result = simulate(sim, { ...options, maxK: 0 });
  const removal = removals(sim, result.k, parseMode(options.mode, parameter), parameter);
  const groups = sim.groups.map((g, index) => {
    const before = counts(groupSeats(g));
    const taken = removal[index]!;
    return { index, organeRef: g.organeRef, seats: fromCounts(before.map((v, j) => v - taken[j]!)), removed: fromCounts(taken) };
  });
  const bloc = { ...NO_SEATS, pour: result.bloc.pour, contre: result.bloc.contre, abstention: result.bloc.abstentions };
  return { groups, bloc, parallel: result.parallel };
}
