import { apportionSequence, parseMethod, type ApportionMethod } from './apportion';
import { SimulationError } from './errors';
import { CATEGORIES, ensureFilled, fillRemovals, prepare, type PreparedScrutin } from './prepared';
import { formatMode, parseMode, parseSplit, type DisplacementMode, type SimOptions, type SimScrutin, type CitizenSplit } from './types';

/** Removed (pour, contre, abstentions) when K MaVoix deputies take seats, for one mode. */
export interface Displacer {
  /** largest K allowed (M for replacement modes, group size, number of named deputies) */
  readonly maxK: number;
  /** false for `added`: the Assembly grows to M + K */
  readonly replaces: boolean;
  /** what proportional replacement draws from: the whole assembly, or (EP) the French delegation */
  readonly scope?: 'assembly' | 'french-delegation';
  removal(k: number, out: Int32Array): void;
}

const NONE: Displacer = {
  maxK: Number.MAX_SAFE_INTEGER,
  replaces: false,
  removal: (_k, out) => {
    out[0] = 0;
    out[1] = 0;
    out[2] = 0;
  },
};

/**
 * Offsets into a scrutin's removal tables for d = apportion(K, [m_g]), K = 0..M: row K holds, per
 * group, tableOffset[g] + 3·d_g(K). It depends only on the group sizes, which change a few times
 * a legislature (21 distinct vectors over the 3,876 L17 scrutins), so it is shared between them.
 */
const seatOffsetCache = new Map<string, Int32Array>();

function seatOffsets(p: PreparedScrutin): Int32Array {
  const key = p.replaceable.join(',');
  const hit = seatOffsetCache.get(key);
  if (hit) return hit;
  const G = p.groupCount;
  const M = p.replaceableMembers;
  const m = p.replaceable;
  const out = new Int32Array((M + 1) * G);
  const q = new Float64Array(G);
  const r = new Float64Array(G);
  for (let k = 0; k <= M; k++) {
    // largest remainder: floors, then an extra seat to a group iff fewer than `left` groups rank
    // before it (larger remainder, or equal and earlier)
    let given = 0;
    for (let g = 0; g < G; g++) {
      const a = k * m[g]!;
      q[g] = Math.floor(a / M);
      r[g] = a - q[g]! * M;
      given += q[g]!;
    }
    const left = k - given;
    for (let g = 0; g < G; g++) {
      let d = q[g]!;
      if (left > 0) {
        let rank = 0;
        const rg = r[g]!;
        for (let h = 0; h < G; h++) if (r[h]! > rg || (r[h] === rg && h < g)) rank++;
        if (rank < left) d++;
      }
      out[k * G + g] = p.tableOffset[g]! + 3 * d;
    }
  }
  if (seatOffsetCache.size >= 256) seatOffsetCache.clear();
  seatOffsetCache.set(key, out);
  return out;
}

/**
 * Fills every group's table up to the largest d it can take for K ≤ k (d_g ≤ ⌊k·m_g/M⌋ + 1),
 * reaching at least twice as far as before so that a curve fills its tables in a few runs.
 */
function readyUpTo(p: PreparedScrutin, k: number): void {
  const M = p.replaceableMembers;
  const target = Math.min(M, Math.max(k, 2 * p.readyK, 32));
  for (let g = 0; g < p.groupCount; g++) ensureFilled(p, g, Math.min(p.replaceable[g]!, Math.floor((target * p.replaceable[g]!) / M) + 1));
  p.readyK = target;
}

function proportional(p: PreparedScrutin): Displacer {
  const G = p.groupCount;
  const { table } = p;
  const offsets = p.replaceableMembers > 0 ? seatOffsets(p) : new Int32Array(G);
  return {
    maxK: p.replaceableMembers,
    scope: p.replaceableMembers < p.members ? 'french-delegation' : 'assembly',
    replaces: true,
    removal(k, out) {
      if (k > p.readyK) readyUpTo(p, k);
      let rp = 0, rc = 0, ra = 0;
      for (let i = k * G, end = i + G; i < end; i++) {
        const o = offsets[i]!;
        rp += table[o]!;
        rc += table[o + 1]!;
        ra += table[o + 2]!;
      }
      out[0] = rp;
      out[1] = rc;
      out[2] = ra;
    },
  };
}

function oneGroup(p: PreparedScrutin, ref: string, parameter: string): Displacer {
  const key = `group:${ref}`;
  const cached = p.extra.get(key) as Displacer | undefined;
  if (cached) return cached;
  // PO0 occurs several times in some L17 scrutins: entries sharing a ref are taken as one group
  const cats = new Int32Array(CATEGORIES);
  let size = 0;
  let found = false;
  for (let g = 0; g < p.groupCount; g++) {
    if (p.sim.groups[g]!.organeRef !== ref) continue;
    found = true;
    size += p.groupMembers[g]!;
    for (let j = 0; j < CATEGORIES; j++) cats[j]! += p.cats[g * CATEGORIES + j]!;
  }
  if (!found) throw new SimulationError('unknown-group', parameter, `${parameter}: group ${ref} is not in scrutin ${p.sim.uid}`);
  let total = 0;
  for (let j = 0; j < CATEGORIES; j++) total += cats[j]!;
  const table = new Int32Array(3 * (size + 1));
  fillRemovals(cats, 0, total, 1, size, table, 0);
  const displacer: Displacer = {
    maxK: size,
    replaces: true,
    removal(k, out) {
      out[0] = table[3 * k]!;
      out[1] = table[3 * k + 1]!;
      out[2] = table[3 * k + 2]!;
    },
  };
  p.extra.set(key, displacer);
  return displacer;
}

/** The first K named deputies are replaced (so curves and tipping points keep a meaning). */
function namedDeputies(p: PreparedScrutin, refs: readonly string[], parameter: string): Displacer {
  const deputies = p.sim.deputies;
  if (!deputies) throw new SimulationError('unknown-deputy', parameter, `${parameter}: scrutin ${p.sim.uid} carries no per-deputy positions`);
  const byRef = new Map(deputies.map((d) => [d.acteurRef as string, d]));
  const prefix = new Int32Array(3 * (refs.length + 1));
  refs.forEach((ref, i) => {
    const d = byRef.get(ref);
    if (!d) throw new SimulationError('unknown-deputy', parameter, `${parameter}: deputy ${ref} has no recorded position in scrutin ${p.sim.uid} (absent deputies are not listed in the official file)`);
    const o = 3 * (i + 1);
    prefix[o] = prefix[o - 3]! + (d.position === 'pour' ? 1 : 0);
    prefix[o + 1] = prefix[o - 2]! + (d.position === 'contre' ? 1 : 0);
    prefix[o + 2] = prefix[o - 1]! + (d.position === 'abstention' ? 1 : 0);
  });
  return {
    maxK: refs.length,
    replaces: true,
    removal(k, out) {
      out[0] = prefix[3 * k]!;
      out[1] = prefix[3 * k + 1]!;
      out[2] = prefix[3 * k + 2]!;
    },
  };
}

export function displacerFor(p: PreparedScrutin, mode: DisplacementMode, parameter = 'mode'): Displacer {
  switch (mode.kind) {
    case 'proportional':
      return proportional(p);
    case 'added':
      return NONE;
    case 'group':
      return oneGroup(p, mode.organeRef, parameter);
    case 'deputies':
      return namedDeputies(p, mode.refs, parameter);
  }
}

const blocCache = new Map<string, Int32Array>();

/** (kp, kc, ka) = apportion(K, split) for K = 0..maxK, as triples; memoised (same split, many scrutins). */
export function blocTable(split: CitizenSplit, method: ApportionMethod, maxK: number): Int32Array {
  const key = `${split.join(',')}|${method}`;
  const hit = blocCache.get(key);
  if (hit && hit.length >= 3 * (maxK + 1)) return hit;
  const out = apportionSequence(maxK, split, method, 'split');
  if (blocCache.size > 64) blocCache.clear();
  blocCache.set(key, out);
  return out;
}

export interface ResolvedOptions {
  prepared: PreparedScrutin;
  mode: DisplacementMode;
  modeLabel: string;
  method: ApportionMethod;
  split: CitizenSplit;
  displacer: Displacer;
}

export function resolve(input: SimScrutin, options: SimOptions): ResolvedOptions {
  const prepared = prepare(input);
  const mode = parseMode(options.mode);
  const method = parseMethod(options.method);
  const split = parseSplit(options.split as string | readonly number[]);
  return { prepared, mode, modeLabel: formatMode(mode), method, split, displacer: displacerFor(prepared, mode) };
}

export function checkK(k: unknown, maxK: number, mode: DisplacementMode, parameter = 'k', scope: Displacer['scope'] = 'assembly'): number {
  if (typeof k !== 'number' || !Number.isSafeInteger(k) || k < 0) {
    throw new SimulationError('k-out-of-range', parameter, `${parameter}: K must be a non-negative integer, got ${String(k)}`);
  }
  if (k > maxK) {
    const what = mode.kind === 'group' ? `the ${maxK} members of group ${mode.organeRef}` : mode.kind === 'deputies' ? `the ${maxK} named deputies` : scope === 'french-delegation' ? `the ${maxK} members of the French delegation` : `the ${maxK} members of the Assembly`;
    throw new SimulationError('k-out-of-range', parameter, `${parameter}: K = ${k} exceeds ${what}`);
  }
  return k;
}
