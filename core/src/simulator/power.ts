import { apportion } from './apportion';
import { SimulationError } from './errors';

/**
 * Voting power in a weighted voting game [quota; w_1, …, w_n], exact by generating functions:
 * the coalitions of the other players are counted by total weight (and by size for
 * Shapley-Shubik) with one polynomial product, then each player is divided back out of it.
 * Counts are integers below 2^53 (n ≤ 52 players), so every count is exact; only the final
 * indices are floating point.
 */
export interface PowerIndices {
  quota: number;
  weights: number[];
  /** Banzhaf swings: coalitions of the others a player turns from losing to winning */
  swings: number[];
  /** normalised Banzhaf index (swings / Σ swings) */
  banzhaf: number[];
  /** absolute Banzhaf index (swings / 2^(n−1)) */
  banzhafAbsolute: number[];
  shapleyShubik: number[];
}

export const majorityQuota = (total: number): number => Math.floor(total / 2) + 1;

export function powerIndices(weights: readonly number[], quota: number): PowerIndices {
  const n = weights.length;
  if (n === 0 || n > 52) throw new SimulationError('bad-weights', 'weights', `weights: between 1 and 52 players are supported, got ${n}`);
  for (const [i, w] of weights.entries()) {
    if (!Number.isSafeInteger(w) || w < 0) throw new SimulationError('bad-weights', 'weights', `weights[${i}]: must be a non-negative integer, got ${String(w)}`);
  }
  const total = weights.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(quota) || quota < 1 || quota > total) {
    throw new SimulationError('bad-quota', 'quota', `quota: must be an integer between 1 and the total weight ${total}, got ${String(quota)}`);
  }
  // F[c·(total+1) + w] = number of coalitions of c players weighing w: Π (1 + x·y^w_i)
  const stride = total + 1;
  const F = new Float64Array((n + 1) * stride);
  F[0] = 1;
  let size = 0;
  for (const w of weights) {
    size++;
    for (let c = size; c >= 1; c--) {
      for (let x = total; x >= w; x--) F[c * stride + x]! += F[(c - 1) * stride + x - w]!;
    }
  }
  const swings: number[] = [];
  const ss: number[] = [];
  const G = new Float64Array(n * stride);
  // 1/(n·C(n−1, c)) = c!(n−1−c)!/n!: the chance a given coalition of c precedes the player
  const orderWeight: number[] = [];
  let binom = 1;
  for (let c = 0; c < n; c++) {
    orderWeight.push(1 / (n * binom));
    binom = (binom * (n - 1 - c)) / (c + 1);
  }
  for (let i = 0; i < n; i++) {
    const wi = weights[i]!;
    // divide player i out: G_c(w) = F_c(w) − G_{c−1}(w − w_i)
    for (let c = 0; c < n; c++) {
      for (let x = 0; x <= total; x++) {
        G[c * stride + x] = F[c * stride + x]! - (c > 0 && x >= wi ? G[(c - 1) * stride + x - wi]! : 0);
      }
    }
    let s = 0;
    let sh = 0;
    const lo = Math.max(0, quota - wi);
    for (let c = 0; c < n; c++) {
      let count = 0;
      for (let x = lo; x < quota; x++) count += G[c * stride + x]!;
      s += count;
      sh += count * orderWeight[c]!;
    }
    swings.push(s);
    ss.push(sh);
  }
  const totalSwings = swings.reduce((a, b) => a + b, 0);
  const half = Math.pow(2, n - 1);
  return {
    quota,
    weights: [...weights],
    swings,
    banzhaf: swings.map((s) => (totalSwings === 0 ? 0 : s / totalSwings)),
    banzhafAbsolute: swings.map((s) => s / half),
    shapleyShubik: ss,
  };
}

export interface BlocPower {
  k: number;
  /** the players: each group's seats (after replacement), then the bloc */
  weights: number[];
  quota: number;
  bloc: { banzhaf: number; shapleyShubik: number; swings: number };
  indices: PowerIndices;
}

/**
 * Power of a bloc of K seats voting together in an assembly of groups voting as blocks. The bloc
 * replaces members proportionally (largest remainder over group sizes) or is added on top; the
 * quota defaults to the absolute majority of all seats.
 */
export function blocPower(groupSeats: readonly number[], k: number, options: { mode?: 'proportional' | 'added'; quota?: number } = {}): BlocPower {
  const total = groupSeats.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(k) || k < 0) throw new SimulationError('k-out-of-range', 'k', `k: must be a non-negative integer, got ${String(k)}`);
  const added = options.mode === 'added';
  if (!added && k > total) throw new SimulationError('k-out-of-range', 'k', `k: K = ${k} exceeds the ${total} seats`);
  const removed = added || k === 0 ? groupSeats.map(() => 0) : apportion(k, groupSeats, 'largest-remainder', 'groupSeats');
  const weights = [...groupSeats.map((s, i) => s - removed[i]!), k];
  const quota = options.quota ?? majorityQuota(added ? total + k : total);
  const indices = powerIndices(weights, quota);
  const b = weights.length - 1;
  return { k, weights, quota, bloc: { banzhaf: indices.banzhaf[b]!, shapleyShubik: indices.shapleyShubik[b]!, swings: indices.swings[b]! }, indices };
}
