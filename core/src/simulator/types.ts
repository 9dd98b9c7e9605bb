import type { Outcome, Position, Scrutin, VoteType } from '../an/model';
import type { ApportionMethod } from './apportion';
import { majorityRuleOf, seatsImpliedBy, type VoteRule } from '../assemblies/majority';
import { SimulationError } from './errors';

/**
 * The minimal plain input of the simulator: what a client needs to ship for a live slider
 * (a `Scrutin` from the parser is structurally one, and is accepted as is).
 */
export interface SimGroup {
  organeRef: string;
  /** nombreMembresGroupe */
  members: number;
  pour: number;
  contre: number;
  abstentions: number;
  nonVotants: number;
}

export interface SimTotals {
  pour: number;
  contre: number;
  abstentions: number;
  nonVotants: number;
  /** official nbrSuffragesRequis */
  requis: number;
}

/** Only needed by the `deputies:` displacement mode. */
export interface SimDeputy {
  acteurRef: string;
  organeRef: string;
  position: Position;
}

export interface SimScrutin {
  uid: string;
  type: VoteType;
  outcome: Outcome;
  totals: SimTotals;
  /** In file order: ties in apportionment go to the earlier group. */
  groups: readonly SimGroup[];
  deputies?: readonly SimDeputy[];
  /** the majority the record states (typeVote.typeMajorite); defaults to ruleOf(type) */
  rule?: VoteRule;
  /** members rule: the seats the record implies (see seatsImpliedBy); defaults to Σ members */
  seats?: number;
}

/** Strips a `Scrutin` (or a SimScrutin) to the plain minimal shape, e.g. to send to a browser. */
export function toSimScrutin(s: Scrutin | SimScrutin, options: { withDeputies?: boolean } = {}): SimScrutin {
  const rule = 'majorityLabel' in s ? majorityRuleOf(s.type, s.majorityLabel) : (s.rule ?? ruleOf(s.type));
  const members = s.groups.reduce((a, g) => a + g.members, 0);
  const seats = rule === 'members' ? ('majorityLabel' in s ? seatsImpliedBy(s.totals.requis, members) : (s.seats ?? members)) : undefined;
  const out: SimScrutin = {
    rule,
    ...(seats === undefined ? {} : { seats }),
    uid: s.uid,
    type: s.type,
    outcome: s.outcome,
    totals: { pour: s.totals.pour, contre: s.totals.contre, abstentions: s.totals.abstentions, nonVotants: s.totals.nonVotants, requis: s.totals.requis },
    groups: s.groups.map((g) => ({ organeRef: g.organeRef, members: g.members, pour: g.pour, contre: g.contre, abstentions: g.abstentions, nonVotants: g.nonVotants })),
  };
  if (options.withDeputies && s.deputies) out.deputies = s.deputies.map((d) => ({ acteurRef: d.acteurRef, organeRef: d.organeRef, position: d.position }));
  return out;
}

export type { VoteRule } from '../assemblies/majority';

export function ruleOf(type: VoteType): VoteRule {
  switch (type) {
    case 'SPO':
    case 'SPS':
      return 'exprimes';
    case 'MOC':
      return 'members';
    case 'SSG':
      return 'three-fifths';
  }
}

/** The pour votes needed to adopt (adopted ⇔ pour ≥ required). */
export function requiredFor(rule: VoteRule, pour: number, contre: number, members: number): number {
  switch (rule) {
    case 'exprimes':
      return Math.floor((pour + contre) / 2) + 1;
    case 'members':
      return Math.floor(members / 2) + 1;
    case 'three-fifths':
      return Math.ceil((3 * (pour + contre)) / 5);
    case 'simple':
      return contre + 1;
  }
}

export type DisplacementMode =
  | { kind: 'proportional' }
  | { kind: 'added' }
  | { kind: 'group'; organeRef: string }
  | { kind: 'deputies'; refs: string[] };

export const formatMode = (m: DisplacementMode): string =>
  m.kind === 'group' ? `group:${m.organeRef}` : m.kind === 'deputies' ? `deputies:${m.refs.join(',')}` : m.kind;

/** `proportional` (default), `added`, `group:PO845401`, `deputies:PA1,PA2`. */
export function parseMode(value: string | DisplacementMode | undefined, parameter = 'mode'): DisplacementMode {
  if (value === undefined || value === '') return { kind: 'proportional' };
  if (typeof value !== 'string') return value;
  const v = value.trim();
  if (v === 'proportional' || v === 'added') return { kind: v };
  const colon = v.indexOf(':');
  const head = colon < 0 ? v : v.slice(0, colon);
  const rest = colon < 0 ? '' : v.slice(colon + 1).trim();
  if (head === 'group') {
    if (!rest) throw new SimulationError('bad-mode', parameter, `${parameter}: "group:" needs an organe ref, e.g. group:PO845401`);
    return { kind: 'group', organeRef: rest };
  }
  if (head === 'deputies') {
    const refs = rest.split(',').map((r) => r.trim()).filter(Boolean);
    if (refs.length === 0) throw new SimulationError('bad-mode', parameter, `${parameter}: "deputies:" needs at least one acteur ref, e.g. deputies:PA720256`);
    const seen = new Set<string>();
    for (const r of refs) {
      if (seen.has(r)) throw new SimulationError('bad-mode', parameter, `${parameter}: deputy ${r} is named twice`);
      seen.add(r);
    }
    return { kind: 'deputies', refs };
  }
  throw new SimulationError('bad-mode', parameter, `${parameter}: unknown displacement mode "${value}" (expected proportional, added, group:<organeRef> or deputies:<ref,…>)`);
}

/** pour, contre, abstention weights of the citizens' split. */
export type CitizenSplit = readonly [number, number, number];

/** "55,35,10" or [55, 35, 10]: three non-negative numbers, not all zero. */
export function parseSplit(value: string | readonly number[] | undefined, parameter = 'split'): CitizenSplit {
  if (value === undefined) throw new SimulationError('bad-split', parameter, `${parameter}: a split pour,contre,abstention is required`);
  const parts = typeof value === 'string' ? value.split(',').map((x) => (x.trim() === '' ? NaN : Number(x))) : [...value];
  if (parts.length !== 3) throw new SimulationError('bad-split', parameter, `${parameter}: expected three numbers pour,contre,abstention (e.g. 55,35,10), got ${typeof value === 'string' ? JSON.stringify(value) : `${parts.length} numbers`}`);
  for (const [i, x] of parts.entries()) {
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) {
      throw new SimulationError('bad-split', parameter, `${parameter}: ${['pour', 'contre', 'abstention'][i]} must be a non-negative number, got ${String(typeof value === 'string' ? value.split(',')[i] : x)}`);
    }
  }
  if (parts[0]! + parts[1]! + parts[2]! <= 0) throw new SimulationError('bad-split', parameter, `${parameter}: at least one of pour, contre, abstention must be positive`);
  return [parts[0]!, parts[1]!, parts[2]!];
}

export interface SimOptions {
  split: CitizenSplit | string | readonly number[];
  mode?: DisplacementMode | string;
  method?: ApportionMethod | string;
}

export interface SimTally {
  pour: number;
  contre: number;
  abstentions: number;
  required: number;
  outcome: Outcome;
}
