import { VOTE_CHOICES, type VoteChoice } from '../contracts/votes';
import { mulberry32 } from './prng';
import { rakeWeights, type RakingOptions, type RakingVariable } from './raking';

/**
 * Weighted shares of the choices and their 95 % intervals.
 *
 * Default interval: Taylor linearization of the ratio (Hájek) estimator p = Σ wᵢyᵢ / Σ wᵢ with
 * the weights held fixed, v(p) = n/(n−1) · Σ (wᵢ/W)² (yᵢ − p)², interval p ± 1.96 √v clamped to
 * [0, 1]. Why: it is one pass over the data (the tally page recomputes it on every vote), it is
 * deterministic, and it carries the unequal-weighting cost exactly (with one choice it is the
 * Kish-adjusted binomial variance p(1−p)/n_eff). It ignores the variance that raking itself
 * removes (the margins are fixed, not estimated), so it is slightly conservative when the vote is
 * correlated with the raking variables. The bootstrap below (re-raking every replicate, seeded)
 * captures that too; it costs one raking per replicate, so it is the checking tool, not the default.
 */
export const Z95 = 1.959963984540054;

export interface ShareInterval {
  share: number;
  low: number;
  high: number;
}
export type ChoiceShares = Record<VoteChoice, ShareInterval>;
export type IntervalMethod = 'linearization' | 'bootstrap';

/** `choices[i]`: index into VOTE_CHOICES. */
export function linearizedShares(choices: Uint8Array, w: Float64Array): ChoiceShares {
  const C = VOTE_CHOICES.length;
  const wc = new Float64Array(C);
  const w2c = new Float64Array(C);
  let W = 0;
  let W2 = 0;
  for (let i = 0; i < choices.length; i++) {
    const wi = w[i]!;
    const c = choices[i]!;
    wc[c]! += wi;
    w2c[c]! += wi * wi;
    W += wi;
    W2 += wi * wi;
  }
  const n = choices.length;
  const out = {} as ChoiceShares;
  VOTE_CHOICES.forEach((choice, c) => {
    const p = W > 0 ? wc[c]! / W : 0;
    // Σ wᵢ²(yᵢ − p)² with yᵢ ∈ {0, 1} = Σ_{y=1} wᵢ² (1 − 2p) + p² Σ wᵢ²
    const ss = w2c[c]! * (1 - 2 * p) + p * p * W2;
    const v = n > 1 && W > 0 ? (n / (n - 1)) * Math.max(0, ss) / (W * W) : 0;
    const half = Z95 * Math.sqrt(v);
    out[choice] = { share: p, low: Math.max(0, p - half), high: Math.min(1, p + half) };
  });
  return out;
}

/** Kish's effective sample size (Σw)² / Σw². */
export function kishEffectiveSize(w: Float64Array): number {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < w.length; i++) {
    s += w[i]!;
    s2 += w[i]! * w[i]!;
  }
  return s2 === 0 ? 0 : (s * s) / s2;
}

export interface BootstrapOptions {
  replicates: number;
  seed: number;
  raking?: RakingOptions;
}

export interface BootstrapResult {
  intervals: ChoiceShares;
  /** replicates used; a replicate that left a margin cell empty is dropped and counted here */
  used: number;
  dropped: number;
}

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * Percentile bootstrap: each replicate draws n respondents with replacement (as multiplicities,
 * which become the base weights) and re-rakes them, so the interval includes the raking step.
 */
export function bootstrapShares(
  choices: Uint8Array,
  variables: readonly RakingVariable[],
  point: Float64Array,
  options: BootstrapOptions,
): BootstrapResult {
  const n = choices.length;
  const random = mulberry32(options.seed);
  const C = VOTE_CHOICES.length;
  const draws = VOTE_CHOICES.map(() => new Float64Array(options.replicates));
  const counts = new Float64Array(n);
  let used = 0;
  for (let b = 0; b < options.replicates; b++) {
    counts.fill(0);
    for (let j = 0; j < n; j++) counts[Math.floor(random() * n)]! += 1;
    const raked = rakeWeights(n, variables, { ...options.raking, baseWeights: counts });
    if (raked.status !== 'ok') continue;
    const wc = new Float64Array(C);
    let W = 0;
    for (let i = 0; i < n; i++) {
      wc[choices[i]!]! += raked.weights[i]!;
      W += raked.weights[i]!;
    }
    for (let c = 0; c < C; c++) draws[c]![used] = wc[c]! / W;
    used++;
  }
  const pointShares = linearizedShares(choices, point);
  const intervals = {} as ChoiceShares;
  VOTE_CHOICES.forEach((choice, c) => {
    const sorted = draws[c]!.slice(0, used).sort();
    intervals[choice] = { share: pointShares[choice].share, low: quantile(sorted, 0.025), high: quantile(sorted, 0.975) };
  });
  return { intervals, used, dropped: options.replicates - used };
}
