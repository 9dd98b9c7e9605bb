import { z } from 'zod';
import { APPORTION_METHODS } from '../simulator/apportion';
import { emptyAsUndefined } from '../contracts/scrutins';
import { wholeParam } from '../contracts/simulation';
import { ELECTION_RULES, ElectionRoundSchema } from './elections';

/** HTTP contracts of /api/elections (issue 15 §3): list, detail with the platform's ballots, ballot, simulation. */
export const ElectionIdParamsSchema = z.strictObject({ id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'id: lower-case letters, digits and -') });
export const ElectionRoundParamsSchema = ElectionIdParamsSchema.extend({ round: wholeParam('round', 1, 10) });

export const ElectionSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  titleEn: z.string().optional(),
  date: z.string(),
  legislature: z.number().int().optional(),
  rounds: z.number().int(),
});
export const ElectionListResponseSchema = z.object({ items: z.array(ElectionSummarySchema) }).meta({ id: 'ElectionList' });
export type ElectionListResponse = z.infer<typeof ElectionListResponseSchema>;

const TallySchema = z.object({ votes: z.array(z.number().int()), blank: z.number().int(), exprimes: z.number().int(), required: z.number().int().nullable(), winner: z.number().int().nullable() });

export const ElectionRoundDetailSchema = ElectionRoundSchema.extend({
  /** null when the round can be simulated, else why not (its gaps) */
  unsimulable: z.string().nullable(),
  /** the official tally under the rule (null when unsimulable) */
  official: TallySchema.nullable(),
  /** the citizens' ballots: one count per candidate, then blank */
  platform: z.object({ votes: z.array(z.number().int()), blank: z.number().int(), total: z.number().int() }),
});
export const ElectionDetailSchema = ElectionSummarySchema.extend({
  members: z.number().int(),
  source: z.string(),
  roundsDetail: z.array(ElectionRoundDetailSchema),
}).meta({ id: 'ElectionDetail' });
export type ElectionDetail = z.infer<typeof ElectionDetailSchema>;

/** `candidate: ""` is a blank ballot. */
export const PutBallotBodySchema = z.strictObject({ candidate: z.string().max(120) });
export type PutBallotBody = z.infer<typeof PutBallotBodySchema>;
export const MyBallotsResponseSchema = z.object({ ballots: z.record(z.string(), z.string()) });

export const ElectionSimulationQuerySchema = z.strictObject({
  k: wholeParam('k', 0, 100_000),
  /** one weight per candidate (then blank); default: the platform's ballots, even when there are none */
  split: emptyAsUndefined(z.string().max(400)),
  mode: emptyAsUndefined(z.enum(['proportional', 'added'], { error: 'mode: expected proportional or added' })).default('proportional'),
  method: emptyAsUndefined(z.enum(APPORTION_METHODS, { error: `method: expected ${APPORTION_METHODS.join(', ')}` })).default('largest-remainder'),
});
export type ElectionSimulationQuery = z.output<typeof ElectionSimulationQuerySchema>;

export const ElectionSimulationResponseSchema = z
  .object({
    round: z.number().int(),
    rule: z.enum(ELECTION_RULES),
    candidates: z.array(z.string()),
    k: z.number().int(),
    mode: z.enum(['proportional', 'added']),
    method: z.enum(APPORTION_METHODS),
    split: z.array(z.number()),
    splitSource: z.enum(['given', 'platform', 'even']),
    bloc: z.array(z.number().int()),
    official: TallySchema,
    parallel: TallySchema,
    changed: z.boolean(),
    verdict: z.enum(['nothing', 'other-winner', 'another-round', 'elected-now']),
  })
  .meta({ id: 'ElectionSimulation' });
export type ElectionSimulationResponse = z.infer<typeof ElectionSimulationResponseSchema>;
