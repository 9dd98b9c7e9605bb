import {
  flipProbability, parallelSeats, isSimulationError, kCurve, phaseGrid, simulate, toSimScrutin,
  type ApportionMethod, type FlipProbability, type KCurve, type PhaseGrid, type ScrutinDetail, type SimScrutin, type SimulationResult,
} from '@parallele/core';
import { parallelHemicycle as layoutParallelHemicycle, type HemicycleGroup } from '@parallele/charts';

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
  return sim.groups.reduce((s, g) => s + g.members, 0);
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

/**
 * Seats of the parallel chamber: core's `parallelSeats` (the simulator's displacement rules, every
 * mode including `deputies:`), laid out as every hemicycle is (chamber order, MaVoix in the middle).
 */
export function parallelHemicycle(s: ScrutinDetail, i: SimInput, label = 'MaVoix'): HemicycleGroup[] {
  const seats = parallelSeats(toSimScrutin(s, { withDeputies: i.mode.startsWith('deputies:') }), { k: i.k, split: i.split, mode: i.mode, method: i.method });
  return layoutParallelHemicycle(s.groups, seats, { label });
}

/** Percentages of the citizens' tally, or null when nobody voted yet. */
export function splitOfTally(t: { pour: number; contre: number; abstention: number } | null | undefined): Split | null {
  if (!t || t.pour + t.contre + t.abstention === 0) return null;
  return [t.pour, t.contre, t.abstention];
}
