import { z } from 'zod';
import { OUTCOMES, VOTE_TYPES } from '../an/model';

/**
 * The scenario file format: a reproducible "what if" story on real scrutins (issue 7).
 * Every object is strict so that a typo (`titel:`) is an error rather than a silently ignored
 * field. Cross-references (uids that must exist, charts that name a scrutin of the selection)
 * are checked by `checkScenarioReferences`, which needs the data.
 */

/** Seats of the Assemblée nationale: no K beyond it is meaningful for a real AN scrutin. */
export const SCENARIO_MAX_K = 577;

const SCRUTIN_UID_RE = /^VT(AN|CG)R5L\d+V\d+$/;
const ORGANE_REF_RE = /^PO\d+$/;
const ACTEUR_REF_RE = /^PA\d+$/;

const isoDate = z.iso.date({ error: 'expected a date as YYYY-MM-DD' });
export const scenarioUidSchema = z.string().regex(SCRUTIN_UID_RE, { error: 'expected a scrutin uid such as VTANR5L17V519' });

const kValue = z
  .number({ error: 'expected a whole number of MaVoix deputies' })
  .int({ error: 'K must be a whole number' })
  .min(0, { error: 'K must be ≥ 0' })
  .max(SCENARIO_MAX_K, { error: `K must be ≤ ${SCENARIO_MAX_K} (seats of the Assemblée nationale)` });

export const kRangeSchema = z
  .strictObject({ from: kValue, to: kValue, step: z.number().int().min(1).default(1) })
  .refine((r) => r.from <= r.to, { error: '`from` must be ≤ `to`', path: ['to'] });

/** `k: 10`, `k: [1, 2, 5, 10]` or `k: {from: 1, to: 100, step: 1}`. */
export const kSpecSchema = z.union([kValue, z.array(kValue).min(1), kRangeSchema], {
  error: 'expected K as a number, a list of numbers, or {from, to, step}',
});
export type KSpec = z.infer<typeof kSpecSchema>;

/** Expands a K spec into sorted distinct values. */
export function expandK(spec: KSpec): number[] {
  if (typeof spec === 'number') return [spec];
  if (Array.isArray(spec)) return [...new Set(spec)].sort((a, b) => a - b);
  const out: number[] = [];
  for (let k = spec.from; k <= spec.to; k += spec.step) out.push(k);
  return out;
}

/** Who the K MaVoix deputies replace (issue 3): proportional, added, group:POxxx, deputies:PAx,PAy. */
export const scenarioModeSchema = z.string().refine(
  (m) => {
    if (m === 'proportional' || m === 'added') return true;
    if (m.startsWith('group:')) return ORGANE_REF_RE.test(m.slice(6));
    if (m.startsWith('deputies:')) return m.slice(9).split(',').every((r) => ACTEUR_REF_RE.test(r.trim()));
    return false;
  },
  { error: 'expected a displacement mode: proportional, added, group:PO…, or deputies:PA…,PA…' },
);

export const SCENARIO_METHODS = ['largest-remainder', 'dhondt', 'sainte-lague', 'majority'] as const;
export const scenarioMethodSchema = z.enum(SCENARIO_METHODS, {
  error: `expected an apportionment method: ${SCENARIO_METHODS.join(', ')}`,
});

export const sourceCitationSchema = z.strictObject({
  label: z.string().min(1),
  url: z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' }),
  /** Publication (or consultation) date */
  date: isoDate,
  publisher: z.string().min(1).optional(),
  note: z.string().min(1).optional(),
});
export type SourceCitation = z.infer<typeof sourceCitationSchema>;

export const pollCitationSchema = z.strictObject({
  pollster: z.string().min(1),
  /** Fieldwork or publication date */
  date: isoDate,
  client: z.string().min(1).optional(),
  question: z.string().min(1),
  /** The published figure, quoted as published */
  figure: z.string().min(1),
  sample: z.string().min(1).optional(),
  url: z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' }),
  /** false when the figure could not be checked against the pollster's own publication */
  verified: z.boolean(),
  note: z.string().min(1).optional(),
});
export type PollCitation = z.infer<typeof pollCitationSchema>;

const weight = z.number({ error: 'expected a number ≥ 0' }).min(0, { error: 'a split weight must be ≥ 0' });
const weightsShape = { pour: weight, contre: weight, abstention: weight.default(0) };
const positiveSum = (w: { pour: number; contre: number; abstention: number }) => w.pour + w.contre + w.abstention > 0;
const sumMessage = 'the split sums to 0: give at least one positive weight (pour, contre, abstention)';

export const splitWeightsSchema = z.strictObject(weightsShape).refine(positiveSum, { error: sumMessage });
export type SplitWeights = z.infer<typeof splitWeightsSchema>;

const overridesSchema = z.record(scenarioUidSchema, splitWeightsSchema);

/**
 * Which of the platform's tallies a `platform` split reads (the votes module keeps all four).
 * Default `unflagged`: a published chart should not count accounts held for moderation
 * (suspected brigading, issue 5) while they are reviewed.
 * `redresse` (issue 16): the unflagged voters' split raked to the INSEE sex and age margins;
 * a scrutin with too few profiled voters (or an empty margin cell) has no such split.
 */
export const PLATFORM_TALLIES = ['all', 'verified', 'unflagged', 'verified-unflagged', 'redresse'] as const;
export type PlatformTallyName = (typeof PLATFORM_TALLIES)[number];

/**
 * `split.source: platform`: the citizens' votes on each scrutin are the bloc's split. A scrutin
 * with fewer than `minVotes` votes in that tally has no platform split, and `whenNoVotes` says
 * what happens, explicitly: `exclude` (default) leaves it out of every figure and lists it in the
 * report; `fallback` uses the declared `fallback` split (with its rationale) and marks the row.
 */
export const platformSplitSchema = z
  .strictObject({
    source: z.literal('platform'),
    tally: z.enum(PLATFORM_TALLIES, { error: `expected a tally: ${PLATFORM_TALLIES.join(', ')}` }).default('unflagged'),
    minVotes: z.number({ error: 'expected a whole number of citizen votes' }).int({ error: 'minVotes must be a whole number' }).min(1, { error: 'minVotes must be ≥ 1' }).default(1),
    whenNoVotes: z.enum(['exclude', 'fallback'], { error: 'expected whenNoVotes: exclude or fallback' }).default('exclude'),
    fallback: z.strictObject({ ...weightsShape, rationale: z.string().min(1) }).refine(positiveSum, { error: sumMessage }).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.whenNoVotes === 'fallback' && !p.fallback)
      ctx.addIssue({ code: 'custom', path: ['whenNoVotes'], message: 'whenNoVotes: fallback needs a `fallback` split (pour, contre, abstention, rationale)' });
    if (p.whenNoVotes === 'exclude' && p.fallback)
      ctx.addIssue({ code: 'custom', path: ['fallback'], message: 'a `fallback` split is only used with `whenNoVotes: fallback`' });
  });
export type PlatformSplitSpec = z.infer<typeof platformSplitSchema>;

export const splitSourceSchema = z.discriminatedUnion(
  'source',
  [
    platformSplitSchema,
    z
      .strictObject({ source: z.literal('fixed'), ...weightsShape, rationale: z.string().min(1), overrides: overridesSchema.optional() })
      .refine(positiveSum, { error: sumMessage }),
    z
      .strictObject({ source: z.literal('poll'), ...weightsShape, citations: z.array(pollCitationSchema).min(1), overrides: overridesSchema.optional() })
      .refine(positiveSum, { error: sumMessage })
      .refine((w) => w.pour + w.contre + w.abstention <= 100.5, { error: 'poll figures are percentages: they must not sum to more than 100' }),
    /** 100 % against the official outcome: the most a bloc of K could ever change (leverage). */
    z.strictObject({ source: z.literal('best-case') }),
  ],
  { error: 'expected split.source to be one of: platform, fixed, poll, best-case' },
);
export type SplitSource = z.infer<typeof splitSourceSchema>;

export const closenessSchema = z
  .strictObject({
    /** |pour − contre| ≤ maxGap (MOC: |pour − required|) */
    maxGap: z.number().int().min(0).optional(),
    /** the fewest deputies changing sides that would have flipped the outcome ≤ maxSwing */
    maxSwing: z.number().int().min(1).optional(),
  })
  .refine((c) => c.maxGap !== undefined || c.maxSwing !== undefined, { error: 'give maxGap or maxSwing' });

const legislatureNumber = z.number({ error: 'expected a legislature number such as 17' }).int().min(1).max(30);

export const scrutinFilterShape = {
  /** one legislature or several: `legislature: 17`, `legislature: [16, 17]` */
  legislature: z.union([legislatureNumber, z.array(legislatureNumber).min(1)]).optional(),
  type: z.array(z.enum(VOTE_TYPES)).min(1).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** case- and accent-insensitive substring of titre or objet */
  text: z.string().min(1).optional(),
  /** only the final votes on a law (the whole text; see final-vote.ts), never a resolution or a part */
  finalLawVote: z.boolean({ error: 'expected finalLawVote: true or false' }).optional(),
  closeness: closenessSchema.optional(),
};

export const scrutinSelectionSchema = z
  .strictObject({ uids: z.array(scenarioUidSchema).min(1).optional(), ...scrutinFilterShape })
  .superRefine((sel, ctx) => {
    const filterKeys = Object.keys(scrutinFilterShape).filter((k) => sel[k as keyof typeof sel] !== undefined);
    if (sel.uids && filterKeys.length > 0)
      ctx.addIssue({ code: 'custom', path: [filterKeys[0]!], message: 'give either `uids` or filter fields, not both' });
    if (!sel.uids && sel.legislature === undefined)
      ctx.addIssue({ code: 'custom', path: ['legislature'], message: 'a filter needs a legislature (or give `uids`)' });
    if (sel.from && sel.to && sel.from > sel.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '`from` must be on or before `to`' });
  });
export type ScrutinSelection = z.infer<typeof scrutinSelectionSchema>;

const chartBase = {
  /** file name stem; defaults to the chart type and its index */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a kebab-case name' }).optional(),
  title: z.string().min(1).optional(),
  /** the title in English (the gallery read in English); the French one otherwise */
  titleEn: z.string().min(1).optional(),
};

export const chartSpecSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('k-curve'), ...chartBase, scrutin: scenarioUidSchema.optional(), k: kRangeSchema.optional(), mode: scenarioModeSchema.optional() }),
    z.strictObject({
      type: z.literal('phase'),
      ...chartBase,
      scrutin: scenarioUidSchema.optional(),
      k: kRangeSchema.optional(),
      /** pour-share steps in percent (contre takes the rest) */
      shareStep: z.number().int().min(1).max(50).default(5),
      mode: scenarioModeSchema.optional(),
    }),
    z.strictObject({ type: z.literal('leverage'), ...chartBase, k: kRangeSchema.optional() }),
    z.strictObject({ type: z.literal('hemicycle'), ...chartBase, scrutin: scenarioUidSchema.optional(), k: kValue, mode: scenarioModeSchema.optional() }),
    z.strictObject({
      type: z.literal('table'),
      ...chartBase,
      k: kValue.optional(),
      /** `flipped`: only the scrutins whose outcome changes at that K */
      rows: z.enum(['all', 'flipped']).default('all'),
      limit: z.number().int().min(1).max(5000).optional(),
    }),
  ],
  { error: 'expected chart type to be one of: k-curve, phase, leverage, hemicycle, table' },
);
export type ChartSpec = z.infer<typeof chartSpecSchema>;

const oneOrMany = <T extends z.ZodType>(s: T) => z.union([s, z.array(s).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

export const scenarioSchema = z.strictObject({
  title: z.string().min(1),
  titleEn: z.string().min(1).optional(),
  description: z.string().min(1),
  descriptionEn: z.string().min(1).optional(),
  sources: z.array(sourceCitationSchema).min(1, { error: 'cite at least one source' }),
  assembly: z.enum(['AN', 'Congres']).default('AN'),
  scrutins: scrutinSelectionSchema,
  k: kSpecSchema,
  mode: oneOrMany(scenarioModeSchema).default(['proportional']),
  method: scenarioMethodSchema.default('largest-remainder'),
  split: splitSourceSchema,
  charts: z.array(chartSpecSchema).min(1, { error: 'ask for at least one chart' }),
});
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
