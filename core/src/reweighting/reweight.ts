import { VOTE_CHOICES, type VoteChoice } from '../contracts/votes';
import { kishEffectiveSize, linearizedShares, type ChoiceShares } from './estimate';
import type { Margins } from './margins';
import { rakeWeights, ReweightingInputError, type RakingOptions, type RakingVariable } from './raking';

/** One respondent: their vote and whatever profile answers they gave (missing = null/undefined/''). */
export interface Respondent {
  choice: VoteChoice;
  profile: Readonly<Record<string, string | null | undefined>>;
}

/**
 * Fewer complete respondents than this and no reweighted figure is given: the normal
 * approximation behind the interval is poor, and a handful of people would carry the result.
 */
export const DEFAULT_MIN_RESPONDENTS = 30;

export interface EncodedSample {
  /** respondents who answered every raked variable, in input order */
  kept: number[];
  choices: Uint8Array;
  variables: RakingVariable[];
}

/**
 * Missing answers: a respondent who did not answer one of the raked variables is left out of the
 * raking and of the reweighted shares (complete cases), and counted in `excluded`. Imputing a
 * category would invent a profile; raking each variable on its own answerers would make the
 * weights meet no margin jointly. The raw shares still count everyone.
 */
export function encodeSample(respondents: readonly Respondent[], margins: Margins): EncodedSample {
  const names = Object.keys(margins);
  const index = names.map((v) => new Map(Object.keys(margins[v]!).map((c, k) => [c, k])));
  const kept: number[] = [];
  respondents.forEach((r, i) => {
    let complete = true;
    names.forEach((v, j) => {
      const a = r.profile[v];
      if (a == null || a === '') complete = false;
      else if (!index[j]!.has(a)) throw new ReweightingInputError(`respondent ${i + 1}: ${v} = "${a}" is not a category of the margins (${[...index[j]!.keys()].join(', ')})`);
    });
    if (complete) kept.push(i);
  });
  const choices = new Uint8Array(kept.length);
  kept.forEach((i, r) => (choices[r] = VOTE_CHOICES.indexOf(respondents[i]!.choice)));
  const variables = names.map((v, j): RakingVariable => {
    const codes = new Int32Array(kept.length);
    kept.forEach((i, r) => (codes[r] = index[j]!.get(respondents[i]!.profile[v]!)!));
    return { name: v, categories: [...index[j]!.keys()], shares: Float64Array.from(Object.values(margins[v]!)), codes };
  });
  return { kept, choices, variables };
}

export function rawShares(choices: readonly VoteChoice[]): Record<VoteChoice, number> {
  const counts = { pour: 0, contre: 0, abstention: 0 };
  for (const c of choices) counts[c]++;
  const n = choices.length;
  return { pour: n ? counts.pour / n : 0, contre: n ? counts.contre / n : 0, abstention: n ? counts.abstention / n : 0 };
}

export type ReweightedResult =
  | {
      status: 'ok';
      /** respondents raked (complete profiles) */
      n: number;
      /** respondents left out because they skipped a raked variable */
      excluded: number;
      nEff: number;
      iterations: number;
      converged: boolean;
      maxMarginError: number;
      /** weights relative to the mean weight (1) */
      weights: { min: number; max: number; trimmed: number };
      raw: Record<VoteChoice, number>;
      raked: ChoiceShares;
      interval: 'linearization';
    }
  | { status: 'too-few'; n: number; excluded: number; minimum: number }
  | { status: 'empty-cell'; n: number; excluded: number; variable: string; category: string };

export interface ReweightOptions extends RakingOptions {
  minRespondents?: number;
}

/** Rake the respondents to the margins and give the reweighted split, or say why it cannot. */
export function reweight(respondents: readonly Respondent[], margins: Margins, options: ReweightOptions = {}): ReweightedResult {
  const encoded = encodeSample(respondents, margins);
  const n = encoded.kept.length;
  const excluded = respondents.length - n;
  const minimum = options.minRespondents ?? DEFAULT_MIN_RESPONDENTS;
  if (n < minimum) return { status: 'too-few', n, excluded, minimum };
  const raked = rakeWeights(n, encoded.variables, options);
  if (raked.status === 'empty-cell') return { ...raked, n, excluded };
  let min = Infinity;
  let max = -Infinity;
  for (const w of raked.weights) {
    if (w < min) min = w;
    if (w > max) max = w;
  }
  return {
    status: 'ok',
    n,
    excluded,
    nEff: kishEffectiveSize(raked.weights),
    iterations: raked.iterations,
    converged: raked.converged,
    maxMarginError: raked.maxMarginError,
    weights: { min, max, trimmed: raked.trimmed },
    raw: rawShares(respondents.map((r) => r.choice)),
    raked: linearizedShares(encoded.choices, raked.weights),
    interval: 'linearization',
  };
}
