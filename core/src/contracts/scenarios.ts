import { z } from 'zod';
import { OUTCOMES, VOTE_TYPES } from '../an/model';
import { pollCitationSchema, sourceCitationSchema } from '../scenarios/schema';

/**
 * HTTP contracts of the scenario gallery (issue 7): `GET /api/scenarios`,
 * `GET /api/scenarios/:name` and `GET /api/scenarios/:name/charts/:chart.(svg|png|csv)`.
 * The runner writes `result.json` in the ScenarioResult shape, so a file and the API agree.
 */

export const ScenarioNameParamSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a scenario name (kebab-case, as its file name)' }),
});

/** `?lang=en`: the charts' words and titles in English (else Accept-Language, else French). */
export const ScenarioLangQuerySchema = z.object({
  lang: z.enum(['fr', 'en'], { error: 'lang: expected fr or en' }).optional(),
});

export const SCENARIO_CHART_FORMATS = ['svg', 'png', 'csv'] as const;
export const ScenarioChartParamSchema = ScenarioNameParamSchema.extend({
  /** `k-curve-v1240.svg` */
  chart: z.string().regex(/^[a-z0-9][a-z0-9-]*\.(svg|png|csv)$/, { error: 'expected a chart file name such as k-curve.svg, .png or .csv' }),
});

export const ScenarioChartDtoSchema = z.object({
  name: z.string(),
  type: z.enum(['k-curve', 'phase', 'leverage', 'hemicycle', 'table']),
  title: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  /** relative file names in the output folder; the API turns them into URLs */
  files: z.object({ svg: z.string(), png: z.string(), csv: z.string() }),
  /** the web client's view in the same state: /scrutins/:uid?k=…&split=…&mode=…&method=… */
  interactiveUrl: z.string().nullable(),
});
export type ScenarioChartDto = z.infer<typeof ScenarioChartDtoSchema>;

export const ScenarioKeyFigureSchema = z.object({
  id: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  /** one line of explanation, e.g. the K* of each mode */
  detail: z.string().optional(),
});
export type ScenarioKeyFigure = z.infer<typeof ScenarioKeyFigureSchema>;

const TallySchema = z.object({ pour: z.number(), contre: z.number(), abstentions: z.number(), required: z.number(), outcome: z.enum(OUTCOMES) });

export const ScenarioRowSchema = z.object({
  uid: z.string(),
  legislature: z.number(),
  numero: z.number(),
  date: z.string(),
  type: z.enum(VOTE_TYPES),
  titre: z.string(),
  official: TallySchema,
  /** per displacement mode, at the scenario's table K */
  modes: z.record(
    z.string(),
    z.object({
      k: z.number(),
      split: z.tuple([z.number(), z.number(), z.number()]),
      parallel: TallySchema.nullable(),
      flipped: z.boolean().nullable(),
      /** K* with the scenario's split, null: never tips */
      tippingPoint: z.number().nullable(),
      /** K* with the best-case split */
      bestCaseTippingPoint: z.number().nullable(),
      /** why the row could not be computed in this mode (e.g. K beyond the group's size) */
      error: z.string().optional(),
    }),
  ),
  /** `split.source: platform`: the citizens' votes counted on this scrutin and which split was used */
  platform: z
    .object({
      votes: z.object({ pour: z.number(), contre: z.number(), abstention: z.number() }),
      total: z.number(),
      used: z.enum(['platform', 'fallback']),
    })
    .optional(),
});
export type ScenarioRow = z.infer<typeof ScenarioRowSchema>;

export const ScenarioSplitDtoSchema = z.object({
  source: z.enum(['platform', 'fixed', 'poll', 'best-case']),
  weights: z.tuple([z.number(), z.number(), z.number()]).nullable(),
  rationale: z.string().nullable(),
  citations: z.array(pollCitationSchema),
  overrides: z.record(z.string(), z.tuple([z.number(), z.number(), z.number()])),
  /** `source: platform`: which tally, the threshold, what happens without votes, and how many scrutins had votes */
  platform: z
    .object({
      tally: z.string(),
      minVotes: z.number(),
      whenNoVotes: z.enum(['exclude', 'fallback']),
      fallback: z.tuple([z.number(), z.number(), z.number()]).nullable(),
      fallbackRationale: z.string().nullable(),
      scrutinsWithVotes: z.number(),
      scrutinsWithoutVotes: z.number(),
      votes: z.number(),
    })
    .nullable()
    .optional(),
});

export const ScenarioSummaryDtoSchema = z.object({
  name: z.string(),
  title: z.string(),
  titleEn: z.string().nullable(),
  description: z.string(),
  descriptionEn: z.string().nullable(),
  scrutinCount: z.number(),
  keyFigures: z.array(ScenarioKeyFigureSchema),
  /** the first chart, for a gallery thumbnail */
  thumbnail: z.string().nullable(),
  interactiveUrl: z.string().nullable(),
});
export type ScenarioSummaryDto = z.infer<typeof ScenarioSummaryDtoSchema>;

export const ScenarioResultSchema = ScenarioSummaryDtoSchema.extend({
  sources: z.array(sourceCitationSchema),
  modes: z.array(z.string()),
  method: z.string(),
  ks: z.array(z.number()),
  tableK: z.number(),
  split: ScenarioSplitDtoSchema,
  /** per mode: flippable scrutins (K* ≤ K) for each K of the scenario */
  leverage: z.record(z.string(), z.object({ scrutins: z.number(), excluded: z.number(), flippable: z.record(z.string(), z.number()) })),
  charts: z.array(ScenarioChartDtoSchema),
  rows: z.array(ScenarioRowSchema),
  /** rows left out of `rows` (all are in the table CSV) */
  rowsOmitted: z.number(),
  /** scrutins of the selection left out of every figure (`platform` split without votes) */
  excluded: z.array(z.object({ uid: z.string(), titre: z.string(), reason: z.string() })).default([]),
});
export type ScenarioResult = z.infer<typeof ScenarioResultSchema>;

export const ScenarioListResponseSchema = z.object({ scenarios: z.array(ScenarioSummaryDtoSchema.extend({ url: z.string() })) });
export type ScenarioListResponse = z.infer<typeof ScenarioListResponseSchema>;

/** The detail response: the result with chart URLs filled in. */
export const ScenarioDetailResponseSchema = ScenarioResultSchema.extend({
  charts: z.array(ScenarioChartDtoSchema.extend({ urls: z.object({ svg: z.string(), png: z.string(), csv: z.string() }) })),
});
export type ScenarioDetailResponse = z.infer<typeof ScenarioDetailResponseSchema>;
