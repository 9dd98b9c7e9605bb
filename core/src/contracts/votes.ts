import { z } from 'zod';

/** HTTP contracts of citizens' votes, tallies and the public verifiable log. */

export const VOTE_CHOICES = ['pour', 'contre', 'abstention'] as const;
export const VoteChoiceSchema = z.enum(VOTE_CHOICES);
export type VoteChoice = z.infer<typeof VoteChoiceSchema>;

/** AN uids (`VTANR5L17V519`) and uids an admin gives an upcoming scrutin. */
export const ScrutinUidParamSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'uid: 1-64 letters, digits, - or _');

export const PutMyVoteBodySchema = z.strictObject({ choice: VoteChoiceSchema });
export type PutMyVoteBody = z.infer<typeof PutMyVoteBodySchema>;

/** 64 hex digits of SHA-256. */
export const HashHexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'hash: 64 lower-case hex digits');

/**
 * The platform vote on a scrutin. Past scrutins (the deputies already voted) stay open and are
 * `retrospective`; a scrutin known before the deputies vote closes when they do (`closesAt`, or
 * closed explicitly when the result arrives).
 */
export const VoteWindowSchema = z.object({
  status: z.enum(['open', 'closed']),
  retrospective: z.boolean(),
  closesAt: z.string().nullable(),
});
export type VoteWindow = z.infer<typeof VoteWindowSchema>;

export const MyVoteSchema = z.object({
  scrutinUid: z.string(),
  choice: VoteChoiceSchema,
  /** The hash of the log entry of this cast: find it in the public log to check it was counted. */
  receipt: HashHexSchema,
  seq: z.number().int().positive(),
  castAt: z.string(),
  /** How many times this citizen cast or changed their vote on this scrutin. */
  revisions: z.number().int().positive(),
});
export type MyVote = z.infer<typeof MyVoteSchema>;

export const PutMyVoteResponseSchema = z.object({ vote: MyVoteSchema, window: VoteWindowSchema, changed: z.boolean() });
export type PutMyVoteResponse = z.infer<typeof PutMyVoteResponseSchema>;

export const GetMyVoteResponseSchema = z.object({ vote: MyVoteSchema.nullable(), window: VoteWindowSchema });
export type GetMyVoteResponse = z.infer<typeof GetMyVoteResponseSchema>;

export const MyVotesResponseSchema = z.object({ votes: z.array(MyVoteSchema) });
export type MyVotesResponse = z.infer<typeof MyVotesResponseSchema>;

export const TallyCountsSchema = z.object({
  pour: z.number().int().nonnegative(),
  contre: z.number().int().nonnegative(),
  abstention: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type TallyCounts = z.infer<typeof TallyCountsSchema>;

/**
 * One scrutin's citizens' tally in every scope at once: `all` votes (what the public log
 * recomputes to), `verified` (voters at or above the configured verification level), `unflagged`
 * (voters not flagged by moderation, pending or confirmed) and `verifiedUnflagged`.
 */
export const TallySchema = z.object({
  scrutinUid: z.string(),
  window: VoteWindowSchema,
  all: TallyCountsSchema,
  verified: TallyCountsSchema,
  unflagged: TallyCountsSchema,
  verifiedUnflagged: TallyCountsSchema,
  /** The level a voter needs to count in `verified`. */
  verifiedLevel: z.string(),
  /** Number of entries in the scrutin's log and its head: the tally is as of this entry. */
  logLength: z.number().int().nonnegative(),
  logHead: HashHexSchema,
});
export type Tally = z.infer<typeof TallySchema>;

export const TALLY_SCOPES = ['all', 'verified', 'unflagged', 'verifiedUnflagged'] as const;
export const TallyScopeSchema = z.enum(TALLY_SCOPES);
export type TallyScope = z.infer<typeof TallyScopeSchema>;
/**
 * What the pages, the simulator and the embed count unless the reader switches: verified voters
 * not flagged by moderation. `all` counts any account (with VOTE_MIN_LEVEL=none, an unverified
 * address is enough) and flagged brigades: not a figure a campaigner can defend (issue 10, point 8).
 */
export const DEFAULT_TALLY_SCOPE: TallyScope = 'verifiedUnflagged';

/** One entry of a scrutin's hash-chained log (see core/src/votes/log-chain.ts for the format). */
export const LogEntrySchema = z.object({
  seq: z.number().int().positive(),
  scrutinUid: z.string(),
  /** keyed HMAC of the citizen id: stable per citizen, never an email */
  voter: z.string().regex(/^[0-9a-f]{32}$/, 'voter: 32 hex digits'),
  choice: VoteChoiceSchema,
  at: z.string(),
  prev: HashHexSchema,
  hash: HashHexSchema,
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

export const ScrutinLogSchema = z.object({
  format: z.literal('parallele-vote-log/v1'),
  scrutinUid: z.string(),
  entries: z.array(LogEntrySchema),
  head: HashHexSchema,
});
export type ScrutinLog = z.infer<typeof ScrutinLogSchema>;

/** Paging of the public log: entries with seq > `after`, at most `limit`. */
export const LogQuerySchema = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().positive().max(100_000).default(100_000),
});
export type LogQuery = z.infer<typeof LogQuerySchema>;

export const ReceiptCheckResponseSchema = z.object({
  found: z.boolean(),
  entry: LogEntrySchema.nullable(),
  /** true when a later entry of the same voter superseded this one (the vote was changed) */
  superseded: z.boolean(),
});
export type ReceiptCheckResponse = z.infer<typeof ReceiptCheckResponseSchema>;
