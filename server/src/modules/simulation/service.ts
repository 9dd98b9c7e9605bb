import {
  flipProbability,
  isSimulationError,
  kCurve,
  legislatureLeverage,
  phaseGrid,
  simulate,
  toSimScrutin,
  type CurveQuery,
  type CurveResponse,
  type FlipProbabilityQuery,
  type FlipProbabilityResponse,
  type LeverageQuery,
  type LeverageResponse,
  type PhaseQuery,
  type PhaseResponse,
  type Scrutin,
  type SimScrutin,
  type SimulationQuery,
  type SimulationResponse,
} from '@parallele/core';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { loadLegislature, loadScrutin, watchStoreVersion } from './repository';

/**
 * The simulator behind the API and the CLIs: pure functions of a scrutin and a query (below),
 * and a service that loads scrutins from the store and caches what is pure over immutable data
 * (the scrutins themselves, so the simulator's per-scrutin tables are reused, and the leverage of
 * a legislature per (legislature, mode, ks)). Caches are dropped by `invalidate()`
 * and whenever the store's version token moves (any write, from this process or another).
 */

/** A SimulationError is the caller's fault: a 400 naming the parameter. */
export function asAppError(error: unknown): unknown {
  if (!isSimulationError(error)) return error;
  return new AppError('invalid_request', error.message, {
    status: 400,
    title: 'Invalid request',
    extras: { param: error.parameter, simulationCode: error.code, errors: [{ param: error.parameter, in: 'query', detail: error.message }] },
  });
}

/** Runs f, rethrowing a SimulationError as asAppError's 400. */
export function guarded<T>(f: () => T): T {
  try {
    return f();
  } catch (error) {
    throw asAppError(error);
  }
}

export function simulationOf(s: SimScrutin, q: SimulationQuery): SimulationResponse {
  const r = guarded(() => simulate(s, q));
  return { uid: r.uid, type: r.type, k: r.k, mode: r.mode, method: r.method, split: [...r.split], bloc: r.bloc, removed: r.removed, official: r.official, parallel: r.parallel, flipped: r.flipped, tippingPoint: r.tippingPoint };
}

export function curveOf(s: SimScrutin, q: CurveQuery): CurveResponse {
  const c = guarded(() => kCurve(s, q));
  const points = Array.from(c.pour, (pour, i) => ({
    k: c.from + i,
    pour,
    contre: c.contre[i]!,
    abstentions: c.abstentions[i]!,
    required: c.required[i]!,
    margin: c.margin[i]!,
    outcome: c.adopted[i] ? ('adopté' as const) : ('rejeté' as const),
  }));
  return { uid: c.uid, type: c.type, mode: c.mode, method: c.method, split: [...c.split], from: c.from, to: c.to, officialOutcome: c.officialOutcome, firstFlip: c.firstFlip, points };
}

export function phaseOf(s: SimScrutin, q: PhaseQuery): PhaseResponse {
  const g = guarded(() => phaseGrid(s, q));
  const w = g.shares.length;
  return { uid: g.uid, mode: g.mode, method: g.method, ks: g.ks, shares: g.shares, adopted: g.ks.map((_, i) => Array.from(g.adopted.subarray(i * w, (i + 1) * w), (x) => (x ? 1 : 0))) };
}

export function flipProbabilityOf(s: SimScrutin, q: FlipProbabilityQuery): FlipProbabilityResponse {
  return guarded(() => flipProbability(s, q));
}

export function leverageOf(legislature: number, scrutins: readonly SimScrutin[], q: LeverageQuery): LeverageResponse {
  const r = guarded(() => legislatureLeverage(scrutins, q));
  return { legislature, mode: q.mode, scrutins: r.scrutins, flippable: r.flippable };
}

const MAX_CACHED_SCRUTINS = 512;

export interface SimulationService {
  simulate(uid: string, q: SimulationQuery): Promise<SimulationResponse>;
  curve(uid: string, q: CurveQuery): Promise<CurveResponse>;
  phase(uid: string, q: PhaseQuery): Promise<PhaseResponse>;
  flipProbability(uid: string, q: FlipProbabilityQuery): Promise<FlipProbabilityResponse>;
  leverage(legislature: number, q: LeverageQuery): Promise<LeverageResponse>;
  /** Drops every cached scrutin and leverage (call it after writing scrutins). */
  invalidate(): void;
}

export function createSimulationService(db: Db): SimulationService {
  const scrutins = new Map<string, SimScrutin>();
  const legislatures = new Map<number, SimScrutin[]>();
  const leverages = new Map<string, LeverageResponse>();
  const invalidate = () => {
    scrutins.clear();
    legislatures.clear();
    leverages.clear();
  };
  const fresh = watchStoreVersion(db, invalidate);
  const scrutin = async (uid: string): Promise<SimScrutin> => {
    await fresh();
    const hit = scrutins.get(uid);
    if (hit) return hit;
    const s: Scrutin | null = await loadScrutin(db, uid);
    if (!s) throw AppError.notFound(`No scrutin ${uid}`, { param: 'uid' });
    const sim = toSimScrutin(s, { withDeputies: true });
    if (scrutins.size >= MAX_CACHED_SCRUTINS) scrutins.delete(scrutins.keys().next().value!);
    scrutins.set(uid, sim);
    return sim;
  };
  return {
    simulate: async (uid, q) => simulationOf(await scrutin(uid), q),
    curve: async (uid, q) => curveOf(await scrutin(uid), q),
    phase: async (uid, q) => phaseOf(await scrutin(uid), q),
    flipProbability: async (uid, q) => flipProbabilityOf(await scrutin(uid), q),
    async leverage(legislature, q) {
      await fresh();
      const key = `${legislature}|${q.mode}|${q.ks.join(',')}`;
      const hit = leverages.get(key);
      if (hit) return hit;
      let list = legislatures.get(legislature);
      if (!list) {
        list = (await loadLegislature(db, legislature)).map((s) => toSimScrutin(s));
        legislatures.set(legislature, list);
      }
      if (list.length === 0) throw AppError.notFound(`No scrutin of legislature ${legislature} in the store`, { param: 'n' });
      const result = leverageOf(legislature, list, q);
      leverages.set(key, result);
      return result;
    },
    invalidate,
  };
}
