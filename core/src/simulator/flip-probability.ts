import { apportion } from './apportion';
import { checkK, resolve } from './engine';
import { SimulationError } from './errors';
import { CATEGORIES } from './prepared';
import { requiredFor, type SimOptions, type SimScrutin } from './types';

/**
 * Exact probability that the outcome flips when the K replaced deputies are drawn at random.
 *
 * "Sitting members" are the M = Σ nombreMembresGroupe deputies in office on the day of the vote
 * (vacant seats excluded), whatever they did: pour, contre, abstention, non-votant (président de
 * séance, members of the Government…) or absent. This is the universe the `proportional` mode
 * replaces from, so the probability is the random counterpart of that mode. Two draws:
 * - `uniform` (default): K members drawn uniformly among the M, all subsets equally likely;
 * - `by-group`: d = apportion(K, [m_g]) as in `proportional`, and d_g drawn uniformly inside group g.
 * Counts are exact (BigInt): flips / draws; the outcome depends only on the removed pour and contre
 * (abstentions, non-votants and absents do not enter the threshold), so the sums over them collapse
 * by Vandermonde's identity and the work is O(K²) per group instead of an enumeration.
 */
export const FLIP_MODELS = ['uniform', 'by-group'] as const;
export type FlipModel = (typeof FLIP_MODELS)[number];

export interface FlipProbability {
  uid: string;
  k: number;
  model: FlipModel;
  /** number of equally likely draws that flip the outcome (decimal string, exact) */
  flips: string;
  /** number of equally likely draws (decimal string, exact) */
  draws: string;
  probability: number;
}

/** binomial(n, j) for j = 0..upTo (0 beyond n), exact. */
function binomialRow(n: number, upTo: number): bigint[] {
  const row = new Array<bigint>(upTo + 1).fill(0n);
  let c = 1n;
  for (let j = 0; j <= upTo && j <= n; j++) {
    row[j] = c;
    c = (c * BigInt(n - j)) / BigInt(j + 1);
  }
  return row;
}

/** num/den as the nearest double, without losing precision to huge operands. */
function ratio(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const shift = Math.max(0, den.toString(2).length - num.toString(2).length + 64);
  return Number((num << BigInt(shift)) / den) * Math.pow(2, -shift);
}

/** Weights of removing (p, c) from pools of P pour, C contre and R others when drawing d: a (d+1)² grid. */
function removalGrid(P: number, C: number, R: number, d: number): bigint[] {
  const bp = binomialRow(P, d);
  const bc = binomialRow(C, d);
  const br = binomialRow(R, d);
  const grid = new Array<bigint>((d + 1) * (d + 1)).fill(0n);
  for (let p = 0; p <= d; p++) {
    if (bp[p] === 0n) continue;
    for (let c = 0; p + c <= d; c++) {
      if (bc[c] === 0n) continue;
      grid[p * (d + 1) + c] = bp[p]! * bc[c]! * br[d - p - c]!;
    }
  }
  return grid;
}

export function flipProbability(input: SimScrutin, options: SimOptions & { k: number; model?: FlipModel | string }): FlipProbability {
  const r = resolve(input, { ...options, mode: 'proportional' });
  if (options.mode !== undefined && options.mode !== 'proportional') {
    throw new SimulationError('bad-mode', 'mode', 'mode: the flip probability draws among all sitting members (proportional); other modes have no randomness');
  }
  const model = (options.model ?? 'uniform') as FlipModel;
  if (!FLIP_MODELS.includes(model)) throw new SimulationError('bad-mode', 'model', `model: expected ${FLIP_MODELS.join(' or ')}, got "${String(options.model)}"`);
  const p = r.prepared;
  // the universe drawn from: every sitting member, or (European Parliament) the French delegation
  const M = p.replaceableMembers;
  const k = checkK(options.k, M, r.mode, 'k', r.displacer.scope);
  const [kp, kc] = apportion(k, r.split, r.method, 'split') as [number, number, number];
  const G = p.groupCount;
  // dist[p·(k+1) + c]: number of draws that remove p pour and c contre
  let dist: bigint[];
  let draws: bigint;
  if (model === 'uniform') {
    let P = 0, C = 0;
    for (let g = 0; g < G; g++) {
      if (p.replaceable[g] === 0) continue;
      P += p.cats[g * CATEGORIES]!;
      C += p.cats[g * CATEGORIES + 1]!;
    }
    dist = removalGrid(P, C, M - P - C, k);
    draws = binomialRow(M, k)[k]!;
  } else {
    const d = M === 0 ? Array.from(p.replaceable, () => 0) : apportion(k, Array.from(p.replaceable), 'largest-remainder', 'members');
    dist = new Array<bigint>((k + 1) * (k + 1)).fill(0n);
    dist[0] = 1n;
    draws = 1n;
    let reach = 0; // removed so far ≤ reach
    for (let g = 0; g < G; g++) {
      const dg = d[g]!;
      if (dg === 0) continue;
      const Pg = p.cats[g * CATEGORIES]!;
      const Cg = p.cats[g * CATEGORIES + 1]!;
      const grid = removalGrid(Pg, Cg, p.groupMembers[g]! - Pg - Cg, dg);
      draws *= binomialRow(p.groupMembers[g]!, dg)[dg]!;
      const next = new Array<bigint>((k + 1) * (k + 1)).fill(0n);
      for (let a = 0; a <= reach; a++) {
        for (let b = 0; a + b <= reach; b++) {
          const w = dist[a * (k + 1) + b]!;
          if (w === 0n) continue;
          for (let x = 0; x <= dg; x++) {
            for (let y = 0; x + y <= dg; y++) {
              const v = grid[x * (dg + 1) + y]!;
              if (v !== 0n) next[(a + x) * (k + 1) + b + y]! += w * v;
            }
          }
        }
      }
      dist = next;
      reach += dg;
    }
  }
  const officialAdopted = p.official === 'adopté';
  let flips = 0n;
  for (let rp = 0; rp <= k; rp++) {
    for (let rc = 0; rp + rc <= k; rc++) {
      const w = dist[rp * (k + 1) + rc]!;
      if (w === 0n) continue;
      const pour = p.pour - rp + kp;
      const contre = p.pourOnly ? 0 : p.contre - rc + kc;
      // replacement: the seats the threshold counts are unchanged
      if ((pour >= requiredFor(p.rule, pour, contre, p.seats)) !== officialAdopted) flips += w;
    }
  }
  return { uid: input.uid, k, model, flips: flips.toString(), draws: draws.toString(), probability: ratio(flips, draws) };
}
