import { z } from 'zod';
import { OUTCOMES, VOTE_TYPES } from '../an/model';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../rooms/join-code';

/**
 * Contracts of the workshop rooms (issue 12): question packs (data files), custom questions, the
 * room's persisted state, HTTP bodies and the socket events of the `/rooms` namespace. The state
 * schema is what the store holds; the views (rooms-views.ts) are what each viewer may see.
 */

const text = (name: string, max: number) =>
  z.string({ error: `${name}: expected text` }).trim().min(1, { error: `${name}: must not be empty` }).max(max, { error: `${name}: at most ${max} characters` });
const count = (name: string) => z.number({ error: `${name}: expected a whole number` }).int({ error: `${name}: expected a whole number` }).min(0, { error: `${name}: must be ≥ 0` });

export const JoinCodeSchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`), { error: `code: ${JOIN_CODE_LENGTH} characters among ${JOIN_CODE_ALPHABET}` }));

export const PHASES = ['presentation', 'debat', 'vote', 'revelation'] as const;
export type Phase = (typeof PHASES)[number];
export const RoomStageSchema = z.enum(['lobby', ...PHASES, 'finished']);
export type RoomStage = z.infer<typeof RoomStageSchema>;

// ── The assembly a question is put to ────────────────────────────────────────────────────────
export const SimScrutinDataSchema = z.object({
  uid: z.string(),
  type: z.enum(VOTE_TYPES),
  outcome: z.enum(OUTCOMES),
  totals: z.object({ pour: count('pour'), contre: count('contre'), abstentions: count('abstentions'), nonVotants: count('nonVotants'), requis: count('requis') }),
  groups: z.array(z.object({ organeRef: z.string(), members: count('members'), pour: count('pour'), contre: count('contre'), abstentions: count('abstentions'), nonVotants: count('nonVotants') })).readonly(),
  // the majority the record states and the seats it implies (issue 15): a stored room keeps them
  rule: z.enum(['exprimes', 'members', 'three-fifths', 'simple']).optional(),
  seats: count('seats').optional(),
});
export const GroupLabelSchema = z.object({ ref: z.string(), label: z.string(), name: z.string(), colour: z.string().nullable() });
export type GroupLabel = z.infer<typeof GroupLabelSchema>;

const questionBase = {
  id: z.string().max(80),
  title: z.string().max(300),
  /** the question in plain words, shown in the présentation phase */
  text: z.string().max(2000),
  date: z.string().nullable(),
  link: z.string().nullable(),
  source: z.string().max(500),
};

/** pour / contre / abstention on a real scrutin or a custom question. */
export const VoteQuestionSchema = z.object({
  kind: z.literal('vote'),
  ...questionBase,
  assembly: z.enum(['an', 'fictional']),
  assemblyName: z.string(),
  sim: SimScrutinDataSchema,
  groups: z.array(GroupLabelSchema),
});
export const CandidateSchema = z.object({ name: text('name', 120), votes: count('votes'), selectable: z.boolean().default(true) });
/** One round of a multi-candidate election (secret ballot: totals only). */
export const ElectionQuestionSchema = z.object({
  kind: z.literal('election'),
  ...questionBase,
  round: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  candidates: z.array(CandidateSchema).min(2),
  blank: count('blank'),
  members: count('members'),
  elected: z.string().nullable(),
});
export const RoomQuestionSchema = z.discriminatedUnion('kind', [VoteQuestionSchema, ElectionQuestionSchema]);
export type RoomQuestion = z.infer<typeof RoomQuestionSchema>;
export type VoteQuestion = z.infer<typeof VoteQuestionSchema>;
export type ElectionQuestion = z.infer<typeof ElectionQuestionSchema>;

// ── Packs and custom questions (what a facilitator or a pack file names) ────────────────────
const POSITION = z.enum(['pour', 'contre', 'abstention'], { error: 'expected pour, contre or abstention' });
export const CustomQuestionInputSchema = z.strictObject({
  kind: z.literal('custom'),
  title: text('title', 300),
  text: text('text', 2000),
  assembly: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('an'),
      /** the AN groups as they sat on this date (their seats from the last scrutin on or before it) */
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date: expected YYYY-MM-DD' }),
      /** each group's position, by abbreviation or organe ref; groups left out abstain */
      positions: z.record(z.string().max(40), POSITION),
    }),
    z.strictObject({
      kind: z.literal('fictional'),
      name: text('name', 120),
      parties: z
        .array(z.strictObject({ name: text('name', 60), seats: count('seats').min(1, { error: 'seats: at least 1' }).max(2000), position: POSITION, colour: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional() }))
        .min(2, { error: 'parties: at least two parties' })
        .max(20, { error: 'parties: at most 20 parties' }),
    }),
  ], { error: 'assembly.kind: expected an or fictional' }),
});
export type CustomQuestionInput = z.infer<typeof CustomQuestionInputSchema>;

export const DeckItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('scrutin'), uid: z.string().regex(/^VTANR5L\d+V\d+$/, { error: 'uid: expected a scrutin uid such as VTANR5L17V519' }), text: text('text', 2000).optional() }),
  z.strictObject({ kind: z.literal('election'), election: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), round: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: text('text', 2000).optional() }),
  CustomQuestionInputSchema,
], { error: 'kind: expected scrutin, election or custom' });
export type DeckItem = z.infer<typeof DeckItemSchema>;

export const PackSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,60}$/, { error: 'id: lower-case letters, digits and dashes' }),
  title: z.strictObject({ fr: text('title.fr', 120), en: text('title.en', 120) }),
  description: z.strictObject({ fr: text('description.fr', 600), en: text('description.en', 600) }),
  source: text('source', 500),
  questions: z.array(DeckItemSchema).min(1, { error: 'questions: at least one' }).max(30, { error: 'questions: at most 30' }),
});
export type Pack = z.infer<typeof PackSchema>;

/** Election results shipped as data (data/elections/*.yaml). */
export const ElectionDataSchema = z.strictObject({
  id: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  title: z.strictObject({ fr: text('title.fr', 200), en: text('title.en', 200) }),
  legislature: z.number().int(),
  members: count('members'),
  source: text('source', 1000),
  rounds: z.array(z.strictObject({
    round: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    rule: z.enum(['absolute', 'relative']),
    blank: count('blank'),
    candidates: z.array(CandidateSchema).min(2),
    elected: z.string().nullable(),
  })).min(1),
});
export type ElectionData = z.infer<typeof ElectionDataSchema>;

// ── Votes, predictions, participants, teams ────────────────────────────────────────────────
/** pour/contre/abstention on a vote question; a candidate index or `blanc` in an election round. */
export const BallotChoiceSchema = z.union([z.enum(['pour', 'contre', 'abstention', 'blanc']), z.number().int().min(0).max(49)]);
export type BallotChoice = z.infer<typeof BallotChoiceSchema>;
/** adopté/rejeté on a vote; the winner's index, or `aucun` (nobody elected this round), in an election. */
export const PredictionSchema = z.union([z.enum(['adopté', 'rejeté', 'aucun']), z.number().int().min(0).max(49)]);
export type Prediction = z.infer<typeof PredictionSchema>;
export const BallotSchema = z.object({ choice: BallotChoiceSchema, prediction: PredictionSchema.nullable() });
export type Ballot = z.infer<typeof BallotSchema>;

export const PSEUDONYM_MAX = 24;
export const PseudonymSchema = z
  .string({ error: 'pseudonym: expected text' })
  .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(2, { error: 'pseudonym: at least 2 characters' }).max(PSEUDONYM_MAX, { error: `pseudonym: at most ${PSEUDONYM_MAX} characters` }).regex(/^[^\p{C}<>]+$/u, { error: 'pseudonym: no control characters nor < >' }));

export const ParticipantSchema = z.object({
  id: z.string(),
  pseudonym: z.string(),
  /** sha-256 of the participant token: the token itself is only on the device */
  tokenHash: z.string(),
  joinedAt: z.number(),
  /** the question index current when they joined (late joiners are scored from there) */
  joinedAtQuestion: z.number().int(),
  status: z.enum(['active', 'left', 'kicked']),
  teamId: z.string().nullable(),
});
export type Participant = z.infer<typeof ParticipantSchema>;
export const TeamSchema = z.object({ id: z.string(), name: z.string().max(60), groupRef: z.string().nullable() });
export type Team = z.infer<typeof TeamSchema>;
