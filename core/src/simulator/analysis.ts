import type { ApportionMethod } from './apportion';
import { apportionSequence } from './apportion';
import { checkK, displacerFor, resolve } from './engine';
import { SimulationError } from './errors';
import { prepare } from './prepared';
import { tallyInto } from './simulate';
import { parseMode, type DisplacementMode, type SimOptions, type SimScrutin } from './types';

const scratch = new Int32Array(5);

/** K* under the best-case split, searched up to maxK (null: does not tip by then). */
export function bestCaseTippingPoint(input: SimScrutin, mode: DisplacementMode | string | undefined, maxK: number): number | null {
  const p = prepare(input);
  const d = displacerFor(p, parseMode(mode));
  const limit = Math.min(maxK, d.maxK);
  // best case: all K seats vote contre on an adopted text, pour on a rejected one
  const adoptedOfficially = p.official === 'adopté';
  for (let k = 1; k <= limit; k++) {
    if (adoptedOfficially) tallyInto(p, d, k, 0, k, 0, scratch);
    else tallyInto(p, d, k, k, 0, 0, scratch);
    if ((scratch[4] === 1) !== adoptedOfficially) return k;
  }
  return null;
}

export interface Leverage {
  scrutins: number;
  /** for each K asked: how many scrutins have K* ≤ K under the best-case split */
  flippable: Record<string, number>;
}

export const DEFAULT_LEVERAGE_KS = [1, 2, 5, 10, 20, 50] as const;

export function checkKs(ks: readonly number[], parameter = 'ks'): number[] {
  if (ks.length === 0) throw new SimulationError('k-out-of-range', parameter, `${parameter}: at least one K is needed`);
  for (const k of ks) {
    if (!Number.isSafeInteger(k) || k < 1) throw new SimulationError('k-out-of-range', parameter, `${parameter}: every K must be an integer ≥ 1, got ${String(k)}`);
  }
  return [...ks];
}

/** Leverage of a legislature: the number of scrutins a bloc of K could have overturned, per K. */
export function legislatureLeverage(scrutins: Iterable<SimScrutin>, options: { ks?: readonly number[]; mode?: DisplacementMode | string } = {}): Leverage {
  const ks = checkKs(options.ks ?? DEFAULT_LEVERAGE_KS);
  const mode = parseMode(options.mode);
  const maxK = Math.max(...ks);
  const counts = new Array<number>(ks.length).fill(0);
  let n = 0;
  for (const s of scrutins) {
    n++;
    // only K* ≤ max(ks) matters, so the search stops there
    const kStar = bestCaseTippingPoint(s, mode, maxK);
    if (kStar === null) continue;
    ks.forEach((k, i) => {
      if (kStar <= k) counts[i]!++;
    });
  }
  return { scrutins: n, flippable: Object.fromEntries(ks.map((k, i) => [String(k), counts[i]!])) };
}

/** Pour share that gives at least `seats` of k to pour (contre the rest), per method: exact rational. */
function minShareFor(seats: number, k: number, method: ApportionMethod): [number, number] {
  if (seats === 0) return [0, 1];
  switch (method) {
    case 'largest-remainder':
    case 'sainte-lague':
      // two shares: pour gets round-half-up(k·s) seats, the tie at one half going to pour
      return [2 * seats - 1, 2 * k];
    case 'dhondt':
      // s/seats ≥ (1 − s)/(k − seats + 1) ⇔ s ≥ seats/(k + 1)
      return [seats, k + 1];
    case 'majority':
      return [1, 2];
  }
}

export interface RequiredShare {
  k: number;
  /** fewest pour seats of the bloc that adopt, null if none does */
  seats: number | null;
  /** smallest pour share of the split (0..1, contre the rest, no abstention) that adopts */
  share: number | null;
  /** the same share as an exact fraction [numerator, denominator] */
  exact: [number, number] | null;
}

/** For a given K: the smallest pour share (contre taking the rest) that adopts, or none. */
export function requiredShare(input: SimScrutin, options: { k: number; mode?: DisplacementMode | string; method?: ApportionMethod | string }): RequiredShare {
  const r = resolve(input, { ...options, split: [1, 1, 0] });
  const k = checkK(options.k, r.displacer.maxK, r.mode, 'k', r.displacer.scope);
  // adoption only grows with the pour seats of the bloc (more pour, less contre), so the first wins
  let seats: number | null = null;
  for (let kp = 0; kp <= k; kp++) {
    tallyInto(r.prepared, r.displacer, k, kp, k - kp, 0, scratch);
    if (scratch[4] === 1) {
      seats = kp;
      break;
    }
  }
  if (seats === null) return { k, seats: null, share: null, exact: null };
  if (r.method === 'majority' && seats > 0) seats = k;
  const exact = minShareFor(seats, k, r.method);
  return { k, seats, share: exact[0] / exact[1], exact };
}

export interface PhaseGrid {
  uid: string;
  mode: string;
  method: ApportionMethod;
  ks: number[];
  /** pour shares in percent (contre = 100 − share, no abstention) */
  shares: number[];
  /** adopted (1) or rejected (0), row per K: adopted[i·shares.length + j] */
  adopted: Uint8Array;
}

/** Outcome over K × pour share, for a heatmap. */
export function phaseGrid(
  input: SimScrutin,
  options: Omit<SimOptions, 'split'> & { from?: number; to?: number; kStep?: number; shareStep?: number },
): PhaseGrid {
  const r = resolve(input, { ...options, split: [1, 1, 0] });
  const { prepared: p, displacer: d } = r;
  const from = checkK(options.from ?? 0, d.maxK, r.mode, 'from', d.scope);
  const to = checkK(options.to ?? Math.min(d.maxK, 577), d.maxK, r.mode, 'to', d.scope);
  if (to < from) throw new SimulationError('bad-range', 'to', `to: the range ends (${to}) before it starts (${from})`);
  const kStep = options.kStep ?? 1;
  const shareStep = options.shareStep ?? 5;
  if (!Number.isSafeInteger(kStep) || kStep < 1) throw new SimulationError('bad-range', 'kStep', `kStep: must be an integer ≥ 1, got ${String(kStep)}`);
  if (!(shareStep > 0 && shareStep <= 100)) throw new SimulationError('bad-range', 'shareStep', `shareStep: must be in (0, 100], got ${String(shareStep)}`);
  const ks: number[] = [];
  for (let k = from; k <= to; k += kStep) ks.push(k);
  const shares: number[] = [];
  for (let i = 0; i * shareStep <= 100 + 1e-9; i++) shares.push(Math.min(100, Math.round(i * shareStep * 1e6) / 1e6));
  if (shares[shares.length - 1] !== 100) shares.push(100);
  const tables = shares.map((s) => apportionSequence(to, [s, 100 - s, 0], r.method, 'split'));
  const adopted = new Uint8Array(ks.length * shares.length);
  ks.forEach((k, i) => {
    tables.forEach((t, j) => {
      tallyInto(p, d, k, t[3 * k]!, t[3 * k + 1]!, t[3 * k + 2]!, scratch);
      adopted[i * shares.length + j] = scratch[4]!;
    });
  });
  return { uid: input.uid, mode: r.modeLabel, method: r.method, ks, shares, adopted };
}
