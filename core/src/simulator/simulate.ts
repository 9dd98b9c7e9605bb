import type { Outcome, VoteType } from '../an/model';
import type { ApportionMethod } from './apportion';
import { blocTable, checkK, resolve, type Displacer, type ResolvedOptions } from './engine';
import { SimulationError } from './errors';
import type { PreparedScrutin } from './prepared';
import { type SimOptions, type SimScrutin, type CitizenSplit, type SimTally } from './types';

/**
 * The tally of one K, written into out = [pour, contre, abstentions, required, adopted (0/1)]
 * without allocating: the inner loop of curves, tipping points and the legislature leverage.
 */
export function tallyInto(p: PreparedScrutin, d: Displacer, k: number, kp: number, kc: number, ka: number, out: Int32Array): void {
  d.removal(k, removed);
  const pour = p.pour - removed[0]! + kp;
  let contre = 0;
  let abst = 0;
  let required: number;
  if (p.pourOnly) {
    // MOC: only pour votes exist; a MaVoix contre or abstention means not voting the motion
    required = Math.floor((d.replaces ? p.seats : p.seats + k) / 2) + 1;
  } else {
    contre = p.contre - removed[1]! + kc;
    abst = p.abstentions - removed[2]! + ka;
    switch (p.rule) {
      case 'exprimes':
        required = Math.floor((pour + contre) / 2) + 1;
        break;
      case 'members':
        // members composing the Assembly: unchanged when K replaces deputies, grows with added seats
        required = Math.floor((d.replaces ? p.seats : p.seats + k) / 2) + 1;
        break;
      case 'three-fifths':
        required = Math.ceil((3 * (pour + contre)) / 5);
        break;
      case 'simple':
        required = contre + 1;
        break;
    }
  }
  out[0] = pour;
  out[1] = contre;
  out[2] = abst;
  out[3] = required;
  out[4] = pour >= required ? 1 : 0;
}
const removed = new Int32Array(3);

const outcomeOf = (adopted: number | boolean): Outcome => (adopted ? 'adopté' : 'rejeté');

export interface SimulationResult {
  uid: string;
  type: VoteType;
  k: number;
  mode: string;
  method: ApportionMethod;
  split: CitizenSplit;
  /** the MaVoix bloc (kp, kc, ka) */
  bloc: { pour: number; contre: number; abstentions: number };
  /** the positions taken away from the replaced deputies */
  removed: { pour: number; contre: number; abstentions: number };
  official: SimTally;
  parallel: SimTally;
  flipped: boolean;
  /** K* for this split (smallest K ≥ 1 whose outcome differs from the official one), or null */
  tippingPoint: number | null;
}

/** Upper bound of the K* search: M (or the group / list size) when replacing, 577 when added. */
export const DEFAULT_ADDED_MAX_K = 577;
const searchLimit = (d: Displacer, maxK?: number) => Math.min(d.maxK, maxK ?? (d.replaces ? d.maxK : DEFAULT_ADDED_MAX_K));

function searchTippingPoint(r: ResolvedOptions, limit: number): number | null {
  const { prepared: p, displacer: d } = r;
  const bloc = blocTable(r.split, r.method, limit);
  const officialAdopted = p.official === 'adopté' ? 1 : 0;
  for (let k = 1; k <= limit; k++) {
    tallyInto(p, d, k, bloc[3 * k]!, bloc[3 * k + 1]!, bloc[3 * k + 2]!, scratch);
    // every K is computed: the outcome need not be monotonic in K (apportionment paradoxes)
    if (scratch[4] !== officialAdopted) return k;
  }
  return null;
}
const scratch = new Int32Array(5);

export function officialTally(s: SimScrutin): SimTally {
  return { pour: s.totals.pour, contre: s.totals.contre, abstentions: s.totals.abstentions, required: s.totals.requis, outcome: s.outcome };
}

export function simulate(input: SimScrutin, options: SimOptions & { k: number; maxK?: number }): SimulationResult {
  const r = resolve(input, options);
  const { prepared: p, displacer: d } = r;
  const k = checkK(options.k, d.maxK, r.mode, 'k', d.scope);
  const bloc = blocTable(r.split, r.method, k);
  const out = new Int32Array(5);
  tallyInto(p, d, k, bloc[3 * k]!, bloc[3 * k + 1]!, bloc[3 * k + 2]!, out);
  const rem = new Int32Array(3);
  d.removal(k, rem);
  const parallel: SimTally = { pour: out[0]!, contre: out[1]!, abstentions: out[2]!, required: out[3]!, outcome: outcomeOf(out[4]!) };
  return {
    uid: input.uid,
    type: input.type,
    k,
    mode: r.modeLabel,
    method: r.method,
    split: r.split,
    bloc: { pour: bloc[3 * k]!, contre: bloc[3 * k + 1]!, abstentions: bloc[3 * k + 2]! },
    removed: { pour: rem[0]!, contre: rem[1]!, abstentions: rem[2]! },
    official: officialTally(input),
    parallel,
    flipped: parallel.outcome !== input.outcome,
    tippingPoint: searchTippingPoint(r, searchLimit(d, options.maxK)),
  };
}

/** K* for a split: smallest K ≥ 1 whose outcome differs from the official one, or null. */
export function tippingPoint(input: SimScrutin, options: SimOptions & { maxK?: number }): number | null {
  const r = resolve(input, options);
  return searchTippingPoint(r, searchLimit(r.displacer, options.maxK));
}

/** The split most likely to overturn: all contre if the text was adopted, all pour if rejected. */
export const bestCaseSplit = (outcome: Outcome): CitizenSplit => (outcome === 'adopté' ? [0, 1, 0] : [1, 0, 0]);

export interface KCurve {
  uid: string;
  type: VoteType;
  mode: string;
  method: ApportionMethod;
  split: CitizenSplit;
  from: number;
  to: number;
  /** column i is K = from + i */
  pour: Int32Array;
  contre: Int32Array;
  abstentions: Int32Array;
  required: Int32Array;
  /** pour − required (≥ 0 ⇔ adopted) */
  margin: Int32Array;
  adopted: Uint8Array;
  officialOutcome: Outcome;
  /** the first K ≥ max(1, from) in the range whose outcome differs from the official one */
  firstFlip: number | null;
}

/** Outcome, tally and margin for every K in from..to (`to` defaults to the largest allowed K). */
export function kCurve(input: SimScrutin, options: SimOptions & { from?: number; to?: number }): KCurve {
  const r = resolve(input, options);
  const { prepared: p, displacer: d } = r;
  const from = checkK(options.from ?? 0, d.maxK, r.mode, 'from', d.scope);
  const to = checkK(options.to ?? searchLimit(d), d.maxK, r.mode, 'to', d.scope);
  if (to < from) throw new SimulationError('bad-range', 'to', `to: the range ends (${to}) before it starts (${from})`);
  const n = to - from + 1;
  const curve: KCurve = {
    uid: input.uid,
    type: input.type,
    mode: r.modeLabel,
    method: r.method,
    split: r.split,
    from,
    to,
    pour: new Int32Array(n),
    contre: new Int32Array(n),
    abstentions: new Int32Array(n),
    required: new Int32Array(n),
    margin: new Int32Array(n),
    adopted: new Uint8Array(n),
    officialOutcome: input.outcome,
    firstFlip: null,
  };
  const bloc = blocTable(r.split, r.method, to);
  const officialAdopted = p.official === 'adopté' ? 1 : 0;
  for (let i = 0; i < n; i++) {
    const k = from + i;
    tallyInto(p, d, k, bloc[3 * k]!, bloc[3 * k + 1]!, bloc[3 * k + 2]!, scratch);
    curve.pour[i] = scratch[0]!;
    curve.contre[i] = scratch[1]!;
    curve.abstentions[i] = scratch[2]!;
    curve.required[i] = scratch[3]!;
    curve.margin[i] = scratch[0]! - scratch[3]!;
    curve.adopted[i] = scratch[4]!;
    if (curve.firstFlip === null && k >= 1 && scratch[4] !== officialAdopted) curve.firstFlip = k;
  }
  return curve;
}
