import { apportion, parseMethod, type ApportionMethod } from './apportion';
import { SimulationError } from './errors';

/**
 * Multi-candidate votes, e.g. the election of the Président de l'Assemblée (secret ballot,
 * Règlement art. 9): absolute majority of the votes cast (blank and spoilt ballots excluded) in
 * rounds 1 and 2, relative majority in round 3, a tie going to the elder candidate.
 * Ballots are secret, so `proportional` replacement takes the K deputies away from the positions
 * in proportion (largest remainder over candidates, blank, not voting); `added` puts K on top.
 */
export interface Candidate {
  name: string;
  votes: number;
  /** ISO date, breaks round-3 ties (the elder wins); without it the earlier candidate wins */
  birthDate?: string;
}

export interface Election {
  candidates: readonly Candidate[];
  /** blank and spoilt ballots (not counted in the votes cast) */
  blank?: number;
  /** members of the assembly (for the non-voters removed by `proportional`) */
  members: number;
  round: 1 | 2 | 3;
}

export interface ElectionTally {
  votes: number[];
  blank: number;
  exprimes: number;
  /** votes needed to be elected (absolute majority), null in round 3 */
  required: number | null;
  /** index of the elected candidate, null when nobody is elected in this round */
  winner: number | null;
}

export interface ElectionResult {
  k: number;
  mode: 'proportional' | 'added';
  method: ApportionMethod;
  /** the bloc's votes per candidate (then blank) */
  bloc: number[];
  official: ElectionTally;
  parallel: ElectionTally;
  changed: boolean;
}

function decide(e: Election, votes: number[], blank: number): ElectionTally {
  const exprimes = votes.reduce((a, b) => a + b, 0);
  let best = 0;
  for (let i = 1; i < votes.length; i++) {
    const elder = (e.candidates[i]!.birthDate ?? '9999') < (e.candidates[best]!.birthDate ?? '9999');
    if (votes[i]! > votes[best]! || (votes[i] === votes[best] && elder)) best = i;
  }
  if (e.round === 3) return { votes, blank, exprimes, required: null, winner: exprimes > 0 ? best : null };
  const required = Math.floor(exprimes / 2) + 1;
  return { votes, blank, exprimes, required, winner: votes[best]! >= required ? best : null };
}

export function simulateElection(
  e: Election,
  options: { k: number; split: readonly number[]; mode?: 'proportional' | 'added'; method?: ApportionMethod | string },
): ElectionResult {
  const n = e.candidates.length;
  if (n < 2) throw new SimulationError('bad-election', 'candidates', `candidates: at least two are needed, got ${n}`);
  if (![1, 2, 3].includes(e.round)) throw new SimulationError('bad-election', 'round', `round: 1, 2 or 3, got ${String(e.round)}`);
  const blank = e.blank ?? 0;
  const cast = e.candidates.reduce((a, c) => a + c.votes, 0) + blank;
  e.candidates.forEach((c, i) => {
    if (!Number.isSafeInteger(c.votes) || c.votes < 0) throw new SimulationError('bad-election', `candidates[${i}].votes`, `candidates[${i}].votes: must be a non-negative integer, got ${String(c.votes)}`);
  });
  if (!Number.isSafeInteger(e.members) || e.members < cast) throw new SimulationError('bad-election', 'members', `members: ${String(e.members)} is fewer than the ${cast} ballots`);
  const mode = options.mode ?? 'proportional';
  if (mode !== 'proportional' && mode !== 'added') throw new SimulationError('bad-mode', 'mode', `mode: proportional or added, got "${String(mode)}"`);
  const method = parseMethod(options.method);
  const k = options.k;
  if (!Number.isSafeInteger(k) || k < 0 || (mode === 'proportional' && k > e.members)) {
    throw new SimulationError('k-out-of-range', 'k', `k: must be an integer between 0 and ${mode === 'proportional' ? e.members : 'any'}, got ${String(k)}`);
  }
  if (options.split.length !== n && options.split.length !== n + 1) {
    throw new SimulationError('bad-split', 'split', `split: one weight per candidate (${n}), optionally then blank, got ${options.split.length}`);
  }
  const bloc = apportion(k, options.split.length === n ? [...options.split, 0] : options.split, method, 'split');
  const votes = e.candidates.map((c) => c.votes);
  let parallelBlank = blank;
  if (mode === 'proportional' && k > 0) {
    const removed = apportion(k, [...votes, blank, e.members - cast], 'largest-remainder', 'members');
    votes.forEach((_, i) => (votes[i]! -= removed[i]!));
    parallelBlank -= removed[n]!;
  }
  votes.forEach((_, i) => (votes[i]! += bloc[i]!));
  parallelBlank += bloc[n]!;
  const official = decide(e, e.candidates.map((c) => c.votes), blank);
  const parallel = decide(e, votes, parallelBlank);
  return { k, mode, method, bloc, official, parallel, changed: official.winner !== parallel.winner };
}
