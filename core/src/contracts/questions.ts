import { z } from 'zod';
import { OUTCOMES } from '../an/model';
import { VOTE_KINDS } from '../agenda/model';
import { emptyAsUndefined } from './scrutins';
import { wholeParam } from './simulation';
import { VoteWindowSchema } from './votes';

/**
 * HTTP contracts of the platform's questions (issue 13): an upcoming text put to citizens before
 * the deputies vote, its frozen split (the mandate), its links to the real scrutins, and the
 * platform's record per legislature. A question's votes are the votes module's, keyed by the
 * question id, behind its own endpoints (PUT /api/questions/{id}/vote, /tally, /log) with the
 * votes contracts.
 */

export const QuestionIdSchema = z.string().regex(/^Q-RU[A-Z0-9]+-DL[A-Z0-9]+$/, 'a question id such as Q-RUANR5L17S2026IDS29952-DLR5L17N52428');

export const MandateSchema = z
  .object({
    pour: z.number().int(),
    contre: z.number().int(),
    abstention: z.number().int(),
    total: z.number().int(),
    /** pour / contre / abstention in percent of the votes */
    percents: z.tuple([z.number(), z.number(), z.number()]),
    /** which tally: verified accounts, flagged accounts left out */
    tally: z.literal('verifiedUnflagged'),
    frozenAt: z.string(),
  })
  .meta({ id: 'Mandate' });
export type Mandate = z.infer<typeof MandateSchema>;

export const QuestionLinkSchema = z
  .object({
    scrutinUid: z.string(),
    titre: z.string(),
    date: z.string(),
    outcome: z.enum(OUTCOMES),
    method: z.string().meta({
      description:
        'how the link was made: amendement (the amendement the titre names, discussed in that sitting, amends the text), amendement+title (and the titre agrees), ' +
        'title (titre ↔ agenda objet) or single-odj (the sitting had one text)',
    }),
    score: z.number().nullable(),
    role: z.enum(['final', 'other']).meta({ description: 'final: the vote on the whole text, which the mandate is about' }),
    /** the amendement the link was made by: « lié par amendement n° 2194 » */
    amendement: z.object({ uid: z.string(), numero: z.string() }).nullable(),
  })
  .meta({ id: 'QuestionLink' });

export const QuestionSchema = z
  .object({
    id: QuestionIdSchema,
    legislature: z.number().int(),
    dossierRef: z.string(),
    sittingUid: z.string(),
    title: z.string(),
    voteKind: z.enum(VOTE_KINDS),
    closesAt: z.string(),
    /** when the decisive sitting starts (as published, with its offset): the question closes then */
    sittingStart: z.string().nullable(),
    /**
     * YYYY-MM-DD: the question replays the agenda as of that date (stale data, no AS_OF): its window
     * runs on the real clock for as long as the sitting was ahead of that date. null: live.
     */
    replayOf: z.string().nullable(),
    window: VoteWindowSchema,
    mandate: MandateSchema.nullable(),
    links: z.array(QuestionLinkSchema),
  })
  .meta({ id: 'Question' });
export type Question = z.infer<typeof QuestionSchema>;

export const QuestionsResponseSchema = z.object({ questions: z.array(QuestionSchema) }).meta({ id: 'Questions' });
export type QuestionsResponse = z.infer<typeof QuestionsResponseSchema>;

export const QuestionParamsSchema = z.strictObject({ id: QuestionIdSchema });

export const CreateQuestionBodySchema = z.strictObject({
  dossierRef: z.string().regex(/^DL[A-Z0-9]+$/, 'a dossier uid such as DLR5L17N52428'),
  /** an admin-set closing time instead of the sitting's start */
  closesAt: z.iso.datetime({ offset: true }).optional(),
});

export const MandateQuerySchema = z.strictObject({
  k: emptyAsUndefined(wholeParam('k', 1, 577)).default(10),
});

/** GET /api/scrutins/{uid}/mandate: what citizens had decided before this scrutin, and its effect. */
export const ScrutinMandateSchema = z
  .object({
    scrutinUid: z.string(),
    question: z.object({ id: z.string(), title: z.string(), closesAt: z.string() }).nullable(),
    link: QuestionLinkSchema.nullable(),
    mandate: MandateSchema.nullable(),
    /** only for the final vote on the text, with a mandate of at least one vote */
    parallel: z
      .object({ k: z.number().int(), outcome: z.enum(OUTCOMES), flipped: z.boolean(), tippingPoint: z.number().int().nullable(), pour: z.number(), contre: z.number(), abstentions: z.number() })
      .nullable(),
  })
  .meta({ id: 'ScrutinMandate' });
export type ScrutinMandate = z.infer<typeof ScrutinMandateSchema>;

export const RecordQuerySchema = z.strictObject({
  k: emptyAsUndefined(wholeParam('k', 1, 577)).default(10),
  minVotes: emptyAsUndefined(wholeParam('minVotes', 1, 1_000_000)).default(20),
});

export const RecordRowSchema = z.object({
  questionId: z.string(),
  title: z.string(),
  dossierRef: z.string(),
  closesAt: z.string(),
  mandate: MandateSchema.nullable(),
  scrutinUid: z.string().nullable(),
  scrutinTitre: z.string().nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  /** the Assembly's pour share of pour + contre, and the citizens' (percent) */
  assemblyPour: z.number().nullable(),
  citizensPour: z.number().nullable(),
  divergence: z.number().nullable(),
  parallelOutcome: z.enum(OUTCOMES).nullable(),
  flipped: z.boolean().nullable(),
  tippingPoint: z.number().int().nullable(),
});
export type RecordRow = z.infer<typeof RecordRowSchema>;

export const PlatformRecordSchema = z
  .object({
    legislature: z.number().int(),
    k: z.number().int(),
    minVotes: z.number().int(),
    questions: z.array(RecordRowSchema),
    /** rows with a final scrutin and at least minVotes votes, largest divergence first */
    divergences: z.array(RecordRowSchema),
    changed: z.number().int().meta({ description: 'how many outcomes K MaVoix deputies carrying the mandates would have changed' }),
  })
  .meta({ id: 'PlatformRecord' });
export type PlatformRecord = z.infer<typeof PlatformRecordSchema>;
