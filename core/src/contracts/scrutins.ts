import { z } from 'zod';
import { MISE_AU_POINT_POSITIONS, OUTCOMES, POSITIONS, VOTE_TYPES } from '../an/model';
import { QualityWarningSchema } from '../assemblies/contracts';
import { ScrutinUidParamSchema } from './votes';

/**
 * HTTP contracts of the scrutins read API: query schemas (validated by the server, used by the
 * client to build URLs) and response DTOs. Query values arrive as strings: numbers are coerced,
 * an empty value (`?type=`) counts as absent, lists are comma-separated or repeated.
 */

/** `''` → undefined, so an empty form field means "no filter" rather than an error. */
export const emptyAsUndefined = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const wholeNumber = (min: number, max?: number) => {
  const base = z.coerce
    .number({ error: `expected a whole number` })
    .int({ error: 'expected a whole number' })
    .min(min, { error: `expected a number ≥ ${min}` });
  return max === undefined ? base : base.max(max, { error: `expected a number ≤ ${max}` });
};

/** `?type=SPO,MOC` or `?type=SPO&type=MOC` → ['SPO', 'MOC'] (upper-cased, deduplicated). */
const commaList = <T extends string>(values: readonly [T, ...T[]], normalise: (s: string) => string = (s) => s) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => [...new Set((Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => normalise(s.trim())).filter(Boolean))])
    .pipe(z.array(z.enum(values, { error: `expected one or more of ${values.join(', ')}` })).min(1));

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export const PaginationQuerySchema = z.object({
  page: emptyAsUndefined(wholeNumber(1, 1_000_000)).default(1).meta({ description: 'Page number, from 1' }),
  pageSize: emptyAsUndefined(wholeNumber(1, MAX_PAGE_SIZE))
    .default(DEFAULT_PAGE_SIZE)
    .meta({ description: `Items per page, at most ${MAX_PAGE_SIZE}` }),
});

export const SCRUTIN_SORTS = ['date', '-date', 'closeness'] as const;
export type ScrutinSort = (typeof SCRUTIN_SORTS)[number];

/** ISO calendar date `YYYY-MM-DD`, as dates are stored. */
export const IsoDateSchema = z.iso.date({ error: 'expected a date YYYY-MM-DD' });

const unaccentOutcome = (s: string) => ({ adopte: 'adopté', rejete: 'rejeté' })[s.toLowerCase()] ?? s.toLowerCase();

export const ScrutinListQuerySchema = z
  .strictObject({
    ...PaginationQuerySchema.shape,
    legislature: emptyAsUndefined(wholeNumber(1, 99)).meta({ description: 'Legislature number, e.g. 17', example: 17 }),
    type: emptyAsUndefined(commaList(VOTE_TYPES, (s) => s.toUpperCase())).meta({
      description: 'Vote types SPO, SPS, MOC, SSG: comma-separated (`SPO,MOC`) or repeated',
      example: 'MOC',
    }),
    outcome: emptyAsUndefined(
      z.string().transform(unaccentOutcome).pipe(z.enum(OUTCOMES, { error: `expected ${OUTCOMES.join(' or ')}` })),
    ).meta({ description: 'adopté or rejeté (adopte and rejete are accepted)', example: 'rejeté' }),
    dateFrom: emptyAsUndefined(IsoDateSchema).meta({ description: 'First day, inclusive (YYYY-MM-DD)', example: '2025-01-01' }),
    dateTo: emptyAsUndefined(IsoDateSchema).meta({ description: 'Last day, inclusive (YYYY-MM-DD)', example: '2025-12-31' }),
    q: emptyAsUndefined(z.string().trim().min(1).max(200, { error: 'at most 200 characters' })).meta({
      description: 'Words that must all occur in titre or objet, ignoring case and accents',
      example: 'motion censure',
    }),
    finalLawVote: emptyAsUndefined(z.enum(['true', 'false'], { error: 'expected true or false' }).transform((v) => v === 'true')).meta({
      description: 'true: only the final votes on a law (the whole text of a projet or proposition de loi, not a resolution nor a part); false: the others',
      example: 'true',
    }),
    sort: emptyAsUndefined(z.enum(SCRUTIN_SORTS, { error: `expected one of ${SCRUTIN_SORTS.join(', ')}` }))
      .default('-date')
      .meta({ description: 'date (oldest first), -date (newest first), closeness (|pour − requis|, closest first)' }),
  })
  .superRefine((q, ctx) => {
    if (q.dateFrom && q.dateTo && q.dateFrom > q.dateTo) {
      ctx.addIssue({ code: 'custom', path: ['dateTo'], message: `dateTo (${q.dateTo}) is before dateFrom (${q.dateFrom})` });
    }
  });
export type ScrutinListQuery = z.output<typeof ScrutinListQuerySchema>;
/** What a client may put in the URL (all optional, before coercion). */
export type ScrutinListQueryInput = z.input<typeof ScrutinListQuerySchema>;

export const ScrutinUidParamsSchema = z.strictObject({ uid: ScrutinUidParamSchema });

export const TotalsSchema = z.object({
  pour: z.number().int(),
  contre: z.number().int(),
  abstentions: z.number().int(),
  nonVotants: z.number().int(),
  votants: z.number().int(),
  exprimes: z.number().int(),
  requis: z.number().int(),
});

export const ScrutinSummarySchema = z
  .object({
    uid: z.string(),
    legislature: z.number().int(),
    numero: z.number().int(),
    date: z.string(),
    type: z.enum(VOTE_TYPES),
    outcome: z.enum(OUTCOMES),
    titre: z.string(),
    objet: z.string().nullable(),
    demandeur: z.string().nullable(),
    place: z.string().nullable(),
    totals: TotalsSchema,
    /** |pour − requis|: 0 means one vote decided it */
    closeness: z.number().int().nonnegative(),
  })
  .meta({ id: 'ScrutinSummary' });
export type ScrutinSummary = z.infer<typeof ScrutinSummarySchema>;

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    totalPages: z.number().int(),
  });

export const ScrutinListResponseSchema = pageSchema(ScrutinSummarySchema).meta({ id: 'ScrutinList' });
export type ScrutinListResponse = z.infer<typeof ScrutinListResponseSchema>;

export const ScrutinGroupVoteSchema = z
  .object({
    organeRef: z.string(),
    /** null for dangling refs (PO0, groups without an organe file) */
    name: z.string().nullable(),
    abbreviation: z.string().nullable(),
    colour: z.string().nullable(),
    politicalPosition: z.string().nullable(),
    members: z.number().int(),
    pour: z.number().int(),
    contre: z.number().int(),
    abstentions: z.number().int(),
    nonVotants: z.number().int(),
    majorityPosition: z.enum(['pour', 'contre', 'abstention']),
  })
  .meta({ id: 'ScrutinGroupVote' });
export type ScrutinGroupVote = z.infer<typeof ScrutinGroupVoteSchema>;

/** Names are null for acteurs without a file (senators in the Congrès, departed deputies). */
const namedActeur = {
  acteurRef: z.string(),
  mandatRef: z.string().nullable(),
  civility: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
};

export const ScrutinDeputyVoteSchema = z
  .object({
    ...namedActeur,
    organeRef: z.string(),
    position: z.enum(POSITIONS),
    byProxy: z.boolean().nullable(),
    cause: z.string().nullable(),
    seat: z.string().nullable(),
  })
  .meta({ id: 'ScrutinDeputyVote' });
export type ScrutinDeputyVote = z.infer<typeof ScrutinDeputyVoteSchema>;

export const ScrutinMiseAuPointSchema = z
  .object({ ...namedActeur, position: z.enum(MISE_AU_POINT_POSITIONS), malfunction: z.boolean() })
  .meta({ id: 'ScrutinMiseAuPoint' });
export type ScrutinMiseAuPoint = z.infer<typeof ScrutinMiseAuPointSchema>;

export const ScrutinDetailSchema = ScrutinSummarySchema.extend({
  organeRef: z.string(),
  sessionRef: z.string().nullable(),
  seanceRef: z.string().nullable(),
  sittingOfDay: z.number().int().nullable(),
  typeLabel: z.string().nullable(),
  majorityLabel: z.string().nullable(),
  outcomeLabel: z.string().nullable(),
  announcement: z.string().nullable(),
  groups: z.array(ScrutinGroupVoteSchema),
  deputies: z.array(ScrutinDeputyVoteSchema),
  misesAuPoint: z.array(ScrutinMiseAuPointSchema),
  /** data-quality warnings of the record (issue 15); absent from older servers */
  warnings: z.array(QualityWarningSchema).optional(),
}).meta({ id: 'ScrutinDetail' });
export type ScrutinDetail = z.infer<typeof ScrutinDetailSchema>;
