import { z } from 'zod';
import { AGE_BANDS, PRES2022_CHOICES, PROFILE_VARIABLES, REGION_CODES, SEXES } from '../reweighting/margins';

/**
 * HTTP contracts of the optional profile (issue 16) and of the representativity pages.
 *
 * The profile (sex, age band, region, département, circonscription) and the 2022 presidential
 * vote are two resources: the vote is a political opinion (GDPR art. 9), given with its own
 * explicit consent, stored in its own table, deletable on its own. Both are deleted with the
 * account, and neither ever appears in the public log or any per-person export.
 */

/**
 * Département codes: 01–95 with 2A/2B (no 20), 971–976, the overseas collectivities that elect
 * deputies (977 Saint-Barthélemy et Saint-Martin, 986–988), and ZZ for French citizens abroad.
 */
export const DepartementSchema = z
  .string()
  .regex(/^(0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-7]|98[6-8]|ZZ)$/, 'departement: an INSEE code such as 01, 2A, 75, 974 or ZZ');

/**
 * The profile's département (the one place a citizen's circonscription is stored) and the AN's
 * `numDepartement` of a seat differ only for the Français établis hors de France: ZZ and 099.
 */
export const seatDepartementOf = (departement: string): string => (departement === 'ZZ' ? '099' : departement);
export const profileDepartementOf = (numDepartement: string): string => (numDepartement === '099' ? 'ZZ' : numDepartement.toUpperCase());

export const ProfileFieldsSchema = z.strictObject({
  sex: z.enum(SEXES).nullable(),
  age: z.enum(AGE_BANDS).nullable(),
  region: z.enum(REGION_CODES).nullable(),
  departement: DepartementSchema.nullable(),
  /** number of the circonscription within the département (1–21) */
  circonscription: z.number().int().min(1).max(21).nullable(),
});
export type ProfileFields = z.infer<typeof ProfileFieldsSchema>;

/** PUT /api/me/profile: every field optional; an absent or null field is "not given". */
export const PutProfileBodySchema = ProfileFieldsSchema.partial().superRefine((p, ctx) => {
  if (p.circonscription != null && p.departement == null)
    ctx.addIssue({ code: 'custom', path: ['circonscription'], message: 'circonscription: give the département too' });
});
export type PutProfileBody = z.infer<typeof PutProfileBodySchema>;

export const ProfileSchema = ProfileFieldsSchema.extend({ updatedAt: z.string() });
export type Profile = z.infer<typeof ProfileSchema>;

/** PUT /api/me/profile/past-vote: `consent` must be the literal `true` (explicit, separate consent). */
export const PutPastVoteBodySchema = z.strictObject({
  pres2022: z.enum(PRES2022_CHOICES),
  consent: z.literal(true, { error: 'consent: the 2022 vote is only stored with explicit consent (consent: true)' }),
});
export type PutPastVoteBody = z.infer<typeof PutPastVoteBodySchema>;

export const PastVoteSchema = z.object({ pres2022: z.enum(PRES2022_CHOICES), consentedAt: z.string() });
export type PastVote = z.infer<typeof PastVoteSchema>;

export const MyProfileResponseSchema = z.object({ profile: ProfileSchema.nullable(), pastVote: PastVoteSchema.nullable() });
export type MyProfileResponse = z.infer<typeof MyProfileResponseSchema>;

// ── representativity ──────────────────────────────────────────────────────────────────────────

export const ProfileVariableSchema = z.enum(PROFILE_VARIABLES);

/** A published count: hidden under the minimum cell size (see core suppressSmallCells). */
export const PublishedCellSchema = z.union([z.object({ hidden: z.literal(false), count: z.number().int().nonnegative() }), z.object({ hidden: z.literal(true) })]);

export const VariableDistortionSchema = z.object({
  variable: ProfileVariableSchema,
  /** voters who answered this variable */
  answered: z.number().int().nonnegative(),
  categories: z.array(
    z.object({
      category: z.string(),
      /** display name (region name, candidate name) */
      label: z.string(),
      /** voters in this category (hidden when small) */
      sample: PublishedCellSchema,
      /** voters' share among those who answered; null when the cell is hidden */
      sampleShare: z.number().nullable(),
      populationShare: z.number(),
    }),
  ),
  /** total variation distance between the voters and the population; null when any cell is hidden */
  tvd: z.number().nullable(),
});
export type VariableDistortion = z.infer<typeof VariableDistortionSchema>;

const ShareIntervalSchema = z.object({ share: z.number(), low: z.number(), high: z.number() });

export const ReweightedSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    n: z.number().int(),
    excluded: z.number().int(),
    nEff: z.number(),
    iterations: z.number().int(),
    converged: z.boolean(),
    maxMarginError: z.number(),
    weights: z.object({ min: z.number(), max: z.number(), trimmed: z.number().int() }),
    raked: z.object({ pour: ShareIntervalSchema, contre: ShareIntervalSchema, abstention: ShareIntervalSchema }),
    interval: z.literal('linearization'),
  }),
  z.object({ status: z.literal('too-few'), n: z.number().int(), excluded: z.number().int(), minimum: z.number().int() }),
  z.object({ status: z.literal('empty-cell'), n: z.number().int(), excluded: z.number().int(), variable: z.string(), category: z.string() }),
]);
export type Reweighted = z.infer<typeof ReweightedSchema>;

export const RepresentativityQuerySchema = z.object({
  /** raking variables, comma-separated (default sex,age) */
  variables: z
    .string()
    .optional()
    .transform((s, ctx) => {
      const list = (s ?? 'sex,age').split(',').map((v) => v.trim()).filter(Boolean);
      const bad = list.find((v) => !(PROFILE_VARIABLES as readonly string[]).includes(v));
      if (bad || list.length === 0 || new Set(list).size !== list.length) {
        ctx.addIssue({ code: 'custom', message: `variables: a comma-separated list of distinct ${PROFILE_VARIABLES.join(', ')}` });
        return z.NEVER;
      }
      return list as (typeof PROFILE_VARIABLES)[number][];
    }),
});
export type RepresentativityQuery = z.infer<typeof RepresentativityQuerySchema>;

export const RepresentativitySchema = z.object({
  /** null: the whole platform (every citizen who voted at least once) */
  scrutinUid: z.string().nullable(),
  /** voters counted (unflagged), and those of them who gave at least one profile answer */
  voters: z.number().int().nonnegative(),
  withProfile: z.number().int().nonnegative(),
  variables: z.array(VariableDistortionSchema),
  /** raking variables used */
  rakedOn: z.array(ProfileVariableSchema),
  /** raw split of the counted voters (null for the whole platform) */
  raw: z.object({ pour: z.number(), contre: z.number(), abstention: z.number() }).nullable(),
  /** reweighted split (null for the whole platform, which has no single question) */
  reweighted: ReweightedSchema.nullable(),
  /** Kish effective sample size of the raking weights (null when no weights) */
  nEff: z.number().nullable(),
  /** the time the figures were computed: they are refreshed at most every few minutes */
  computedAt: z.string(),
  minCellCount: z.number().int(),
});
export type Representativity = z.infer<typeof RepresentativitySchema>;

