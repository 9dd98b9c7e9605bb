import { z } from 'zod';
import { SimulationError } from '../simulator/errors';
import { simulateElection, type ElectionResult } from '../simulator/election';
import type { ApportionMethod } from '../simulator/apportion';

/**
 * Multi-candidate elections as data (issue 15 §3): the Président de l'Assemblée (data/elections),
 * or any election a workshop facilitator types in. One schema validates both (every bad field is
 * named by zod's path), and ONE pure function simulates a round: `simulateElectionRound`, the entry
 * point a workshop room should call with its own typed-in round.
 *
 * A round whose figures are incomplete keeps `candidates: null` or a `gaps` list: it is shown with
 * its gap, never filled in, and the simulator refuses it (see `simulable`).
 */
export const ELECTION_RULES = ['absolute', 'relative'] as const;
export type ElectionRule = (typeof ELECTION_RULES)[number];

const count = z.number().int().nonnegative();

export const ElectionCandidateSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  group: z.string().max(60).nullable().default(null),
  votes: count,
});

export const ElectionRoundSchema = z.strictObject({
  round: z.number().int().min(1).max(10),
  /** absolute majority of the votes cast (blank excluded), or relative majority */
  rule: z.enum(ELECTION_RULES),
  /** blank and spoilt ballots; null when unknown */
  blank: count.nullable().default(null),
  /** votes cast when known without the per-candidate split (2022) */
  exprimes: count.optional(),
  /** null when the round's figures are unknown */
  candidates: z.array(ElectionCandidateSchema).min(1).max(40).nullable(),
  notes: z.array(z.string()).default([]),
  withdrawnAfter: z.array(z.string()).default([]),
  elected: z.string().optional(),
  /** what is missing from the record, in words: shown, never filled */
  gaps: z.array(z.string()).default([]),
});
export type ElectionRound = z.output<typeof ElectionRoundSchema>;

export const ElectionRecordSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'id: lower-case letters, digits and -'),
    title: z.string().min(1).max(200),
    titleEn: z.string().min(1).max(200).optional(),
    date: z.iso.date(),
    legislature: z.number().int().positive().optional(),
    /** seats of the electing assembly (577): the non-voters `proportional` replaces from */
    members: z.number().int().positive().max(100_000),
    source: z.string().min(1),
    rounds: z.array(ElectionRoundSchema).min(1).max(10),
  })
  .superRefine((e, ctx) => {
    e.rounds.forEach((r, i) => {
      if (r.round !== i + 1) ctx.addIssue({ code: 'custom', path: ['rounds', i, 'round'], message: `expected round ${i + 1}` });
      const cast = (r.candidates ?? []).reduce((a, c) => a + c.votes, 0) + (r.blank ?? 0);
      if (cast > e.members) ctx.addIssue({ code: 'custom', path: ['rounds', i, 'candidates'], message: `${cast} ballots for ${e.members} members` });
      const names = new Set<string>();
      (r.candidates ?? []).forEach((c, j) => {
        if (names.has(c.name)) ctx.addIssue({ code: 'custom', path: ['rounds', i, 'candidates', j, 'name'], message: `${c.name} is listed twice` });
        names.add(c.name);
      });
    });
  });
export type ElectionRecord = z.output<typeof ElectionRecordSchema>;

export const ElectionFileSchema = z.strictObject({ licence: z.string().optional(), elections: z.array(ElectionRecordSchema).min(1) });

/** Why a round cannot be simulated (incomplete figures), or null when it can. */
export function unsimulableReason(r: ElectionRound): string | null {
  if (r.candidates === null) return `round ${r.round}: its figures are unknown (${r.gaps.join('; ') || 'no candidates'})`;
  if (r.exprimes !== undefined && r.exprimes !== r.candidates.reduce((a, c) => a + c.votes, 0)) {
    return `round ${r.round}: the candidates' votes do not cover the ${r.exprimes} votes cast (${r.gaps.join('; ') || 'incomplete'})`;
  }
  if (r.candidates.length < 2) return `round ${r.round}: at least two candidates are needed`;
  return null;
}

export type ElectionVerdict = 'nothing' | 'other-winner' | 'another-round' | 'elected-now';

export interface ElectionRoundSimulation extends ElectionResult {
  round: number;
  rule: ElectionRule;
  candidates: string[];
  /** what K MaVoix deputies would have changed: nothing, another winner, another round (nobody
   *  elected any more), or somebody elected in a round that elected nobody */
  verdict: ElectionVerdict;
}

export interface ElectionRoundOptions {
  k: number;
  /** one weight per candidate, optionally then blank: the platform's proportional split */
  split: readonly number[];
  mode?: 'proportional' | 'added';
  method?: ApportionMethod | string;
}

/**
 * What K MaVoix members casting the split over the candidates would have done in this round. Pure;
 * rule `absolute`: the absolute majority of the votes cast, `relative`: the most votes (ties to
 * the earlier candidate: birth dates are not in the records).
 */
export function simulateElectionRound(record: { members: number }, round: ElectionRound, options: ElectionRoundOptions): ElectionRoundSimulation {
  const why = unsimulableReason(round);
  if (why) throw new SimulationError('bad-election', 'round', why);
  const candidates = round.candidates!;
  const r = simulateElection(
    { candidates: candidates.map((c) => ({ name: c.name, votes: c.votes })), blank: round.blank ?? 0, members: record.members, round: round.rule === 'relative' ? 3 : 1 },
    options,
  );
  const before = r.official.winner;
  const after = r.parallel.winner;
  const verdict: ElectionVerdict = before === after ? 'nothing' : after === null ? 'another-round' : before === null ? 'elected-now' : 'other-winner';
  return { ...r, round: round.round, rule: round.rule, candidates: candidates.map((c) => c.name), verdict };
}

/** "60,30,10" → numbers (one per candidate, optionally then blank), named errors otherwise. */
export function parseElectionSplit(value: string | readonly number[], candidates: number, parameter = 'split'): number[] {
  const parts = typeof value === 'string' ? value.split(',').map((x) => (x.trim() === '' ? NaN : Number(x))) : [...value];
  if (parts.length !== candidates && parts.length !== candidates + 1) {
    throw new SimulationError('bad-split', parameter, `${parameter}: one weight per candidate (${candidates}), optionally then blank, got ${parts.length}`);
  }
  parts.forEach((x, i) => {
    if (!Number.isFinite(x) || x < 0) throw new SimulationError('bad-split', parameter, `${parameter}[${i}]: must be a non-negative number, got ${String(x)}`);
  });
  if (parts.every((x) => x === 0)) throw new SimulationError('bad-split', parameter, `${parameter}: at least one weight must be positive`);
  return parts;
}
