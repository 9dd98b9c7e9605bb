import {
  apportion, flipProbability, isSimulationError, kCurve, phaseGrid, prepare, simulate, toSimScrutin,
  type ApportionMethod, type FlipProbability, type KCurve, type PhaseGrid, type ScrutinDetail, type SimScrutin, type SimulationResult,
} from '@parallele/core';
import type { HemicycleGroup, SeatCounts } from '../../charts/hemicycle';
import { archLabel, groupLabel, inChamberOrder, MAVOIX_COLOUR, officialSeats } from '../../lib/groups';

/**
 * Everything the parallel panel shows, computed in the browser with core's simulator (the same
 * code as the server and the CLI): no round trip while the slider moves.
 */
export type Split = readonly [number, number, number];

export interface SimInput {
  k: number;
  split: Split;
  mode: string;
  method: ApportionMethod;
}

/** The plain input of the simulator (a ScrutinDetail is structurally one). */
export const simScrutinOf = (s: ScrutinDetail): SimScrutin => toSimScrutin(s);

/** Largest K the mode allows: the members (replacement) or 577 more seats (added). */
export function maxKOf(sim: SimScrutin, mode: string): number {
  if (mode === 'added') return 577;
  if (mode.startsWith('group:')) {
    const ref = mode.slice(6);
    return sim.groups.filter((g) => g.organeRef === ref).reduce((s, g) => s + g.members, 0);
  }
  // the seats a bloc can take: every member, or (European Parliament, issue 15) the French delegation
  return prepare(sim).replaceableMembers;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

function attempt<T>(f: () => T): Outcome<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (isSimulationError(e) || e instanceof Error) return { ok: false, error: e.message };
    throw e;
  }
}

export const runSimulation = (sim: SimScrutin, i: SimInput): Outcome<SimulationResult> => attempt(() => simulate(sim, { k: i.k, split: i.split, mode: i.mode, method: i.method }));

export const runCurve = (sim: SimScrutin, i: Omit<SimInput, 'k'>): Outcome<KCurve> => attempt(() => kCurve(sim, { split: i.split, mode: i.mode, method: i.method, from: 0, to: maxKOf(sim, i.mode) }));

export const runPhase = (sim: SimScrutin, i: Pick<SimInput, 'mode' | 'method'>): Outcome<PhaseGrid> => {
  const to = maxKOf(sim, i.mode);
  // ~100 columns whatever the size of the assembly: readable, and cheap to recompute
  return attempt(() => phaseGrid(sim, { mode: i.mode, method: i.method, from: 0, to, kStep: Math.max(1, Math.ceil(to / 100)), shareStep: 5 }));
};

/** Exact flip probability (proportional mode only; capped: the exact sums grow with K²). */
export const FLIP_MAX_K = 120;
export function runFlip(sim: SimScrutin, i: SimInput): Outcome<FlipProbability> | null {
  if (i.mode !== 'proportional' || i.k < 1 || i.k > FLIP_MAX_K) return null;
  return attempt(() => flipProbability(sim, { k: i.k, split: i.split, method: i.method }));
}

const ZERO: SeatCounts = { pour: 0, contre: 0, abstention: 0, nonVotant: 0, absent: 0 };
const CATS = ['pour', 'contre', 'abstention', 'nonVotant', 'absent'] as const;

/**
 * Seats of the parallel chamber: each group loses the deputies the K MaVoix seats replace
 * (d_g = apportion(K, members) by largest remainder, then inside the group apportion(d_g, its five
 * positions), exactly the simulator's rule), and the MaVoix bloc sits in the middle.
 */
export function parallelHemicycle(s: ScrutinDetail, i: SimInput, bloc: { pour: number; contre: number; abstentions: number }, label = 'MaVoix'): HemicycleGroup[] {
  const groups = s.groups.map((g) => ({ g, seats: officialSeats(g) }));
  const members = groups.map(({ g }) => g.members);
  let removal: number[] = groups.map(() => 0);
  if (i.mode === 'proportional' && i.k > 0) removal = apportion(i.k, members, 'largest-remainder');
  else if (i.mode.startsWith('group:')) {
    const at = groups.findIndex(({ g }) => g.organeRef === i.mode.slice(6));
    if (at >= 0) removal[at] = Math.min(i.k, members[at]!);
  }
  const after = groups.map(({ g, seats }, idx) => {
    const d = removal[idx]!;
    if (d === 0) return { g, seats };
    const taken = apportion(d, CATS.map((c) => seats[c]), 'largest-remainder');
    const next = { ...seats };
    CATS.forEach((c, j) => (next[c] -= taken[j]!));
    return { g, seats: next };
  });
  const ordered = inChamberOrder(after.map((x) => ({ ...x, abbreviation: x.g.abbreviation })));
  const out: HemicycleGroup[] = ordered.map(({ g, seats }) => ({ id: g.organeRef, label: groupLabel(g), short: archLabel(groupLabel(g)), name: g.name ?? undefined, colour: g.colour, seats }));
  if (i.k > 0) {
    const mavoix: HemicycleGroup = { id: 'mavoix', label, name: label, colour: MAVOIX_COLOUR, emphasis: true, seats: { ...ZERO, pour: bloc.pour, contre: bloc.contre, abstention: bloc.abstentions } };
    // the bloc sits where the cumulated seats reach half the chamber
    const total = out.reduce((n, g) => n + CATS.reduce((t, c) => t + g.seats[c], 0), 0);
    let seen = 0;
    let at = out.length;
    for (let j = 0; j < out.length; j++) {
      seen += CATS.reduce((t, c) => t + out[j]!.seats[c], 0);
      if (seen >= total / 2) {
        at = j + 1;
        break;
      }
    }
    out.splice(at, 0, mavoix);
  }
  return out;
}

/** Percentages of the citizens' tally, or null when nobody voted yet. */
export function splitOfTally(t: { pour: number; contre: number; abstention: number } | null | undefined): Split | null {
  if (!t || t.pour + t.contre + t.abstention === 0) return null;
  return [t.pour, t.contre, t.abstention];
}
