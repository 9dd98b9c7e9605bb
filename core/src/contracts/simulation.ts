import { z } from 'zod';
import { OUTCOMES, VOTE_TYPES } from '../an/model';
import { APPORTION_METHODS, parseMethod } from '../simulator/apportion';
import { FLIP_MODELS } from '../simulator/flip-probability';
import { isSimulationError } from '../simulator/errors';
import { formatMode, parseMode, parseSplit } from '../simulator/types';
import { emptyAsUndefined } from './scrutins';
import { ScrutinUidParamSchema } from './votes';

/**
 * HTTP contracts of the simulator: query schemas of /api/scrutins/:uid/simulation (…/curve,
 * …/phase, …/flip-probability) and /api/legislatures/:n/leverage, and their response DTOs.
 * Query values arrive as strings; the split, mode and method are checked by the simulator's own
 * parsers so the API and the CLI accept exactly the same spellings.
 */

/** A whole-number query parameter whose errors name it (`k: expected a number ≤ 2000`). */
export const wholeParam = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name}: expected a whole number` })
    .int({ error: `${name}: expected a whole number` })
    .min(min, { error: `${name}: expected a number ≥ ${min}` })
    .max(max, { error: `${name}: expected a number ≤ ${max}` });

/** Runs a simulator parser inside zod, its SimulationError message becoming the issue. */
function viaParser<T>(parse: (s: string) => T) {
  return z.string().transform((value, ctx): T => {
    try {
      return parse(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: isSimulationError(error) ? error.message : String(error) });
      return z.NEVER;
    }
  });
}

/** Largest K the API accepts (the simulator then checks it against the scrutin's members). */
export const MAX_API_K = 2000;
/** The exact flip probability costs O(K²) (uniform) to O(K⁴) (by-group) big-integer steps. */
export const MAX_FLIP_K = 200;

export const SplitParamSchema = viaParser((s) => parseSplit(s, 'split')).meta({
  description: 'Citizens’ split pour,contre,abstention: counts or percentages (`55,35,10`)',
  example: '55,35,10',
});
export const ModeParamSchema = viaParser((s) => formatMode(parseMode(s, 'mode'))).meta({
  description: 'Displacement: proportional (default), added, group:<organeRef>, deputies:<ref,…>',
  example: 'proportional',
});
export const MethodParamSchema = viaParser((s) => parseMethod(s, 'method')).meta({
  description: `Apportionment of the bloc: ${APPORTION_METHODS.join(', ')} (default largest-remainder)`,
  example: 'largest-remainder',
});

export const SimulationParamsSchema = z.strictObject({ uid: ScrutinUidParamSchema });

export const SimulationQuerySchema = z.strictObject({
  k: wholeParam('k', 0, MAX_API_K).meta({ description: 'Number K of MaVoix deputies', example: 10 }),
  split: SplitParamSchema,
  mode: emptyAsUndefined(ModeParamSchema).default('proportional'),
  method: emptyAsUndefined(MethodParamSchema).default('largest-remainder'),
});
export type SimulationQuery = z.output<typeof SimulationQuerySchema>;

export const CurveQuerySchema = z.strictObject({
  split: SplitParamSchema,
  mode: emptyAsUndefined(ModeParamSchema).default('proportional'),
  method: emptyAsUndefined(MethodParamSchema).default('largest-remainder'),
  from: emptyAsUndefined(wholeParam('from', 0, MAX_API_K)).default(0).meta({ description: 'First K (default 0)' }),
  to: emptyAsUndefined(wholeParam('to', 0, MAX_API_K)).meta({ description: 'Last K (default: the members M, or 577 when added)' }),
});
export type CurveQuery = z.output<typeof CurveQuerySchema>;

export const PhaseQuerySchema = z.strictObject({
  mode: emptyAsUndefined(ModeParamSchema).default('proportional'),
  method: emptyAsUndefined(MethodParamSchema).default('largest-remainder'),
  from: emptyAsUndefined(wholeParam('from', 0, MAX_API_K)).default(0),
  to: emptyAsUndefined(wholeParam('to', 0, MAX_API_K)),
  kStep: emptyAsUndefined(wholeParam('kStep', 1, MAX_API_K)).default(1),
  shareStep: emptyAsUndefined(wholeParam('shareStep', 1, 100)).default(5).meta({ description: 'Pour-share step in percent (default 5)' }),
});
export type PhaseQuery = z.output<typeof PhaseQuerySchema>;

export const FlipProbabilityQuerySchema = z.strictObject({
  k: wholeParam('k', 0, MAX_FLIP_K).meta({ description: `K replaced deputies drawn at random (≤ ${MAX_FLIP_K})`, example: 10 }),
  split: SplitParamSchema,
  method: emptyAsUndefined(MethodParamSchema).default('largest-remainder'),
  model: emptyAsUndefined(z.enum(FLIP_MODELS, { error: `model: expected ${FLIP_MODELS.join(' or ')}` })).default('uniform'),
});
export type FlipProbabilityQuery = z.output<typeof FlipProbabilityQuerySchema>;

export const LeverageParamsSchema = z.strictObject({ n: wholeParam('n', 1, 99).meta({ description: 'Legislature, e.g. 17' }) });

export const DEFAULT_KS = [1, 2, 5, 10, 20, 50];

/** `1,2,5` → [1, 2, 5]: whole K values in 1..577, at most `maxCount` of them. */
const ksParam = (maxCount: number) =>
  emptyAsUndefined(
    z
      .string()
      .transform((s) => s.split(',').map((x) => (x.trim() === '' ? NaN : Number(x))))
      .pipe(z.array(z.number().int({ error: 'ks: expected whole numbers' }).min(1, { error: 'ks: every K must be ≥ 1' }).max(577, { error: 'ks: every K must be ≤ 577' })).min(1).max(maxCount)),
  )
    .default(DEFAULT_KS)
    .meta({ description: 'Comma-separated K values (default 1,2,5,10,20,50)', example: '1,2,5,10,20,50' });

export const LeverageQuerySchema = z.strictObject({
  ks: ksParam(50),
  mode: emptyAsUndefined(ModeParamSchema).default('proportional'),
});
/**
 * The leverage CLI's options: the API's, without its cap of 50 K values (the cap protects a shared
 * server; a command line spends only its own user's time).
 */
export const LeverageCliQuerySchema = LeverageQuerySchema.extend({ ks: ksParam(Number.MAX_SAFE_INTEGER) });
export type LeverageQuery = z.output<typeof LeverageQuerySchema>;

const SplitSchema = z.tuple([z.number(), z.number(), z.number()]);
export const SimTallySchema = z
  .object({ pour: z.number().int(), contre: z.number().int(), abstentions: z.number().int(), required: z.number().int(), outcome: z.enum(OUTCOMES) })
  .meta({ id: 'SimTally' });
const CountsSchema = z.object({ pour: z.number().int(), contre: z.number().int(), abstentions: z.number().int() });

export const SimulationResponseSchema = z
  .object({
    uid: z.string(),
    type: z.enum(VOTE_TYPES),
    k: z.number().int(),
    mode: z.string(),
    method: z.enum(APPORTION_METHODS),
    split: SplitSchema,
    bloc: CountsSchema,
    removed: CountsSchema,
    official: SimTallySchema,
    parallel: SimTallySchema,
    flipped: z.boolean(),
    tippingPoint: z.number().int().nullable(),
  })
  .meta({ id: 'Simulation' });
export type SimulationResponse = z.infer<typeof SimulationResponseSchema>;

export const CurvePointSchema = z.object({
  k: z.number().int(),
  pour: z.number().int(),
  contre: z.number().int(),
  abstentions: z.number().int(),
  required: z.number().int(),
  margin: z.number().int(),
  outcome: z.enum(OUTCOMES),
});
export const CurveResponseSchema = z
  .object({
    uid: z.string(),
    type: z.enum(VOTE_TYPES),
    mode: z.string(),
    method: z.enum(APPORTION_METHODS),
    split: SplitSchema,
    from: z.number().int(),
    to: z.number().int(),
    officialOutcome: z.enum(OUTCOMES),
    firstFlip: z.number().int().nullable(),
    points: z.array(CurvePointSchema),
  })
  .meta({ id: 'KCurve' });
export type CurveResponse = z.infer<typeof CurveResponseSchema>;

export const PhaseResponseSchema = z
  .object({
    uid: z.string(),
    mode: z.string(),
    method: z.enum(APPORTION_METHODS),
    ks: z.array(z.number().int()),
    shares: z.array(z.number()),
    /** adopted[i][j]: 1 if adopted at ks[i] with pour share shares[j] % */
    adopted: z.array(z.array(z.union([z.literal(0), z.literal(1)]))),
  })
  .meta({ id: 'PhaseGrid' });
export type PhaseResponse = z.infer<typeof PhaseResponseSchema>;

export const FlipProbabilityResponseSchema = z
  .object({ uid: z.string(), k: z.number().int(), model: z.enum(FLIP_MODELS), flips: z.string(), draws: z.string(), probability: z.number() })
  .meta({ id: 'FlipProbability' });
export type FlipProbabilityResponse = z.infer<typeof FlipProbabilityResponseSchema>;

export const LeverageResponseSchema = z
  .object({ legislature: z.number().int(), mode: z.string(), scrutins: z.number().int(), flippable: z.record(z.string(), z.number().int()) })
  .meta({ id: 'Leverage' });
export type LeverageResponse = z.infer<typeof LeverageResponseSchema>;
