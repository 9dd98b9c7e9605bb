import type { VoteType } from '../an/model';
import { SimulationError } from './errors';
import { simulate, type SimulationResult } from './simulate';
import { requiredFor, type SimOptions, type SimScrutin, type VoteRule } from './types';

/**
 * Assemblies as data. `maxBloc` is the most seats a French movement could hold (81 of the 720
 * MEPs). Rules: `exprimes` = absolute majority of votes cast (pour + contre), `three-fifths` = 3/5
 * of votes cast (Congrès, constitutional revision), `members` = absolute majority of the members.
 * A municipal council decides by the absolute majority of votes cast (CGCT L2121-20); the mayor's
 * casting vote on a tie is not modelled (a tie is rejected, as at the Assemblée).
 */
export interface Assembly {
  id: string;
  name: string;
  nameEn: string;
  seats: number;
  maxBloc: number;
  rule: VoteRule;
}

export const ASSEMBLIES = {
  an: { id: 'an', name: 'Assemblée nationale', nameEn: 'National Assembly', seats: 577, maxBloc: 577, rule: 'exprimes' },
  senat: { id: 'senat', name: 'Sénat', nameEn: 'Senate', seats: 348, maxBloc: 348, rule: 'exprimes' },
  'parlement-europeen': { id: 'parlement-europeen', name: 'Parlement européen', nameEn: 'European Parliament', seats: 720, maxBloc: 81, rule: 'exprimes' },
  congres: { id: 'congres', name: 'Congrès du Parlement', nameEn: 'Congress of Parliament', seats: 925, maxBloc: 925, rule: 'three-fifths' },
} as const satisfies Record<string, Assembly>;

export function municipalCouncil(seats: number): Assembly {
  if (!Number.isSafeInteger(seats) || seats < 1) throw new SimulationError('bad-assembly', 'seats', `seats: a council needs a positive whole number of seats, got ${String(seats)}`);
  return { id: `municipal-${seats}`, name: `Conseil municipal (${seats} sièges)`, nameEn: `Municipal council (${seats} seats)`, seats, maxBloc: seats, rule: 'exprimes' };
}

const TYPE_OF_RULE: Record<VoteRule, VoteType> = { exprimes: 'SPO', members: 'MOC', 'three-fifths': 'SSG', simple: 'SPO' };

export interface HypotheticalGroup {
  name: string;
  members: number;
  pour: number;
  contre: number;
  abstentions?: number;
  nonVotants?: number;
}

export interface HypotheticalVote {
  groups: readonly HypotheticalGroup[];
  /** defaults to the assembly's rule */
  rule?: VoteRule;
  uid?: string;
}

/** A vote that never happened, as a SimScrutin: the "official" outcome is the rule applied at K = 0. */
export function hypotheticalScrutin(assembly: Assembly, vote: HypotheticalVote): SimScrutin {
  if (vote.groups.length === 0) throw new SimulationError('bad-scrutin', 'groups', 'groups: at least one group is needed');
  const rule = vote.rule ?? assembly.rule;
  let members = 0, pour = 0, contre = 0, abst = 0, nv = 0;
  const groups = vote.groups.map((g, i) => {
    const a = g.abstentions ?? 0;
    const n = g.nonVotants ?? 0;
    for (const [key, v] of Object.entries({ members: g.members, pour: g.pour, contre: g.contre, abstentions: a, nonVotants: n })) {
      if (!Number.isSafeInteger(v) || v < 0) throw new SimulationError('bad-scrutin', `groups[${i}].${key}`, `groups[${i}].${key}: must be a non-negative integer, got ${String(v)}`);
    }
    if (g.pour + g.contre + a + n > g.members) throw new SimulationError('bad-scrutin', `groups[${i}]`, `groups[${i}] (${g.name}): ${g.pour + g.contre + a + n} positions for ${g.members} members`);
    members += g.members;
    pour += g.pour;
    contre += rule === 'members' ? 0 : g.contre;
    abst += rule === 'members' ? 0 : a;
    nv += n;
    return { organeRef: g.name, members: g.members, pour: g.pour, contre: rule === 'members' ? 0 : g.contre, abstentions: rule === 'members' ? 0 : a, nonVotants: n };
  });
  if (members > assembly.seats) throw new SimulationError('bad-scrutin', 'groups', `groups: ${members} members for the ${assembly.seats} seats of ${assembly.name}`);
  const requis = requiredFor(rule, pour, contre, members);
  return {
    uid: vote.uid ?? `hypothetical-${assembly.id}`,
    type: TYPE_OF_RULE[rule],
    rule,
    outcome: pour >= requis ? 'adopté' : 'rejeté',
    totals: { pour, contre, abstentions: abst, nonVotants: nv, requis },
    groups,
  };
}

/** Simulates a hypothetical vote in an assembly; K is capped by the assembly's `maxBloc`. */
export function simulateHypothetical(assembly: Assembly, vote: HypotheticalVote, options: SimOptions & { k: number; maxK?: number }): SimulationResult {
  if (Number.isSafeInteger(options.k) && options.k > assembly.maxBloc) {
    throw new SimulationError('k-out-of-range', 'k', `k: K = ${options.k} exceeds the ${assembly.maxBloc} seats a bloc can hold in ${assembly.name}`);
  }
  return simulate(hypotheticalScrutin(assembly, vote), { ...options, maxK: Math.min(options.maxK ?? assembly.maxBloc, assembly.maxBloc) });
}
