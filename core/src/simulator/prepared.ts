import type { Outcome } from '../an/model';
import { isFrenchDelegationRef } from '../assemblies/european-parliament';
import { majorityRuleOf, seatsImpliedBy } from '../assemblies/majority';
import { SimulationError } from './errors';
import { ruleOf, type SimScrutin, type VoteRule } from './types';

/** Categories of a group's members, in the order the rules break ties. */
export const CATEGORIES = 5; // pour, contre, abstentions, nonVotants, absent

/**
 * Everything about one scrutin that does not depend on K, computed once: group sizes, the five
 * categories of each group in flat typed arrays, and, filled lazily, the positions removed from a
 * group when d of its members are replaced (tables[g][d] for d = 0..members). A curve then costs
 * one apportionment over the groups per K and a few table reads, with no allocation.
 */
export interface PreparedScrutin {
  readonly sim: SimScrutin;
  readonly rule: VoteRule;
  /** only pour votes exist (motion de censure): a MaVoix contre or abstention means not voting */
  readonly pourOnly: boolean;
  /** members rule: the seats the threshold is computed from (SimScrutin.seats, else Σ members) */
  readonly seats: number;
  readonly official: Outcome;
  /** Σ nombreMembresGroupe */
  readonly members: number;
  readonly groupCount: number;
  readonly groupMembers: Int32Array;
  /**
   * The seats a MaVoix bloc can take, per group (proportional mode): every group's members, except
   * in a European Parliament record, where a list elected in France takes French seats only: the
   * French delegation's groups keep their members, the others 0 (issue 15).
   */
  readonly replaceable: Int32Array;
  readonly replaceableMembers: number;
  /** groupCount × 5 */
  readonly cats: Int32Array;
  /** Σ over the groups (what the tally starts from) */
  readonly pour: number;
  readonly contre: number;
  readonly abstentions: number;
  /** removed (pour, contre, abstentions) triples, group g at tableOffset[g] + 3·d */
  readonly table: Int32Array;
  readonly tableOffset: Int32Array;
  /** highest d already filled for each group (−1: none) */
  readonly filled: Int32Array;
  /** largest K whose group tables are all filled (proportional mode) */
  readyK: number;
  readonly extra: Map<string, unknown>;
}

/** Keyed by the input object: a SimScrutin is treated as immutable once simulated. */
const cache = new WeakMap<object, PreparedScrutin>();

function checkCount(uid: string, path: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    throw new SimulationError('bad-scrutin', 'scrutin', `${uid}: ${path} must be a non-negative integer, got ${String(v)}`);
  }
  return v;
}

export function prepare(sim: SimScrutin): PreparedScrutin {
  const hit = cache.get(sim);
  if (hit) return hit;
  const uid = sim.uid;
  const G = sim.groups.length;
  const groupMembers = new Int32Array(G);
  const cats = new Int32Array(G * CATEGORIES);
  const tableOffset = new Int32Array(G);
  let members = 0;
  let pour = 0;
  let contre = 0;
  let abstentions = 0;
  let offset = 0;
  for (let g = 0; g < G; g++) {
    const gr = sim.groups[g]!;
    const m = checkCount(uid, `groups[${g}].members`, gr.members);
    const p = checkCount(uid, `groups[${g}].pour`, gr.pour);
    const c = checkCount(uid, `groups[${g}].contre`, gr.contre);
    const a = checkCount(uid, `groups[${g}].abstentions`, gr.abstentions);
    const nv = checkCount(uid, `groups[${g}].nonVotants`, gr.nonVotants);
    groupMembers[g] = m;
    cats.set([p, c, a, nv, Math.max(0, m - p - c - a - nv)], g * CATEGORIES);
    tableOffset[g] = offset;
    offset += 3 * (m + 1);
    members += m;
    pour += p;
    contre += c;
    abstentions += a;
  }
  // a parsed Scrutin passed as is carries its majority label, not a rule: read it the same way
  const label = 'majorityLabel' in sim ? (sim as { majorityLabel: string | null }).majorityLabel : undefined;
  const rule = sim.rule ?? (label === undefined ? ruleOf(sim.type) : majorityRuleOf(sim.type, label));
  const seats =
    sim.seats !== undefined ? checkCount(uid, 'seats', sim.seats) : rule === 'members' && label !== undefined ? seatsImpliedBy(sim.totals.requis, members) : members;
  const french = sim.groups.map((g) => isFrenchDelegationRef(g.organeRef));
  const restricted = french.some(Boolean);
  const replaceable = restricted ? groupMembers.map((m, g) => (french[g] ? m : 0)) : groupMembers;
  const prepared: PreparedScrutin = {
    sim,
    rule,
    pourOnly: sim.type === 'MOC',
    seats,
    official: sim.outcome,
    members,
    groupCount: G,
    groupMembers,
    replaceable,
    replaceableMembers: replaceable.reduce((a, b) => a + b, 0),
    cats,
    pour,
    contre,
    abstentions,
    table: new Int32Array(offset),
    tableOffset,
    filled: new Int32Array(G).fill(0), // d = 0 removes nothing: the zeroed table is already right
    readyK: 0,
    extra: new Map(),
  };
  cache.set(sim, prepared);
  return prepared;
}

/**
 * Removed (pour, contre, abstentions) for d = from..to seats taken by largest remainder over the 5
 * category counts cats[at..at+5) (total w), written as triples at out[o + 3·d]. The floors move
 * incrementally (no division per d); a category gets one of the `left` extra seats iff fewer than
 * `left` categories rank before it (larger remainder, or equal and earlier): ties to the earlier.
 */
export function fillRemovals(cats: Int32Array, at: number, total: number, from: number, to: number, out: Int32Array, o: number): void {
  if (total === 0) return; // nothing to remove: the zeroed table is right
  const c0 = cats[at]!, c1 = cats[at + 1]!, c2 = cats[at + 2]!, c3 = cats[at + 3]!, c4 = cats[at + 4]!;
  // state at d = from − 1
  const d0 = from - 1;
  let q0 = Math.floor((d0 * c0) / total), q1 = Math.floor((d0 * c1) / total), q2 = Math.floor((d0 * c2) / total);
  let q3 = Math.floor((d0 * c3) / total), q4 = Math.floor((d0 * c4) / total);
  let r0 = d0 * c0 - q0 * total, r1 = d0 * c1 - q1 * total, r2 = d0 * c2 - q2 * total, r3 = d0 * c3 - q3 * total, r4 = d0 * c4 - q4 * total;
  for (let d = from; d <= to; d++) {
    r0 += c0; if (r0 >= total) { r0 -= total; q0++; }
    r1 += c1; if (r1 >= total) { r1 -= total; q1++; }
    r2 += c2; if (r2 >= total) { r2 -= total; q2++; }
    r3 += c3; if (r3 >= total) { r3 -= total; q3++; }
    r4 += c4; if (r4 >= total) { r4 -= total; q4++; }
    const left = d - q0 - q1 - q2 - q3 - q4;
    let p = q0, c = q1, a = q2;
    if (left > 0) {
      const rank0 = (r1 > r0 ? 1 : 0) + (r2 > r0 ? 1 : 0) + (r3 > r0 ? 1 : 0) + (r4 > r0 ? 1 : 0);
      const rank1 = (r0 >= r1 ? 1 : 0) + (r2 > r1 ? 1 : 0) + (r3 > r1 ? 1 : 0) + (r4 > r1 ? 1 : 0);
      const rank2 = (r0 >= r2 ? 1 : 0) + (r1 >= r2 ? 1 : 0) + (r3 > r2 ? 1 : 0) + (r4 > r2 ? 1 : 0);
      if (rank0 < left) p++;
      if (rank1 < left) c++;
      if (rank2 < left) a++;
    }
    const x = o + 3 * d;
    out[x] = p;
    out[x + 1] = c;
    out[x + 2] = a;
  }
}

/** Makes sure tables of group g are filled up to d (d ≤ members of g). */
export function ensureFilled(p: PreparedScrutin, g: number, d: number): void {
  const from = p.filled[g]!;
  if (d <= from) return;
  const at = g * CATEGORIES;
  let total = 0;
  for (let j = 0; j < CATEGORIES; j++) total += p.cats[at + j]!;
  fillRemovals(p.cats, at, total, from + 1, d, p.table, p.tableOffset[g]!);
  p.filled[g] = d;
}
