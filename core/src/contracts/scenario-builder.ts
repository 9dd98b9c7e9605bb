import { z } from 'zod';
import { OUTCOMES, VOTE_TYPES } from '../an/model';
import { expandK, scenarioModeSchema, scenarioUidSchema, SCENARIO_MAX_K, SCENARIO_METHODS, type KSpec, type ScenarioInput } from '../scenarios/schema';
import { ScenarioKeyFigureSchema, ScenarioRowSchema } from './scenarios';

/**
 * The scenario builder's state as a URL (STYLE 12): the page's permalink `/scenarios/builder?…`
 * and the query of `GET /api/scenario-builder?…` are the same parameters, so a shared link shows
 * exactly what the server computed. `builderScenario` turns them into a scenario file's content
 * (what the CLI reads); the server writes it as YAML and loads it back with the CLI's loader.
 */

const list = (v: string) => [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))];
const intParam = (name: string, min: number, max: number) =>
  z.string().regex(/^\d{1,6}$/, { error: `${name}: expected a whole number` }).transform(Number).pipe(z.number().min(min, { error: `${name}: expected a number ≥ ${min}` }).max(max, { error: `${name}: expected a number ≤ ${max}` }));

/** `k=10`, `k=1-50` or `k=1-100:5` (from-to:step). */
const kParam = z.string().transform((v, ctx): KSpec => {
  const m = /^(\d{1,3})(?:-(\d{1,3})(?::(\d{1,3}))?)?$/.exec(v);
  const [from, to, step] = [m?.[1], m?.[2], m?.[3]].map((x) => (x === undefined ? undefined : Number(x)));
  if (!m || from === undefined || from > SCENARIO_MAX_K || (to !== undefined && (to > SCENARIO_MAX_K || to < from)) || step === 0) {
    ctx.addIssue({ code: 'custom', message: `k: expected K (10), a range (1-50) or a range with a step (1-100:5), K ≤ ${SCENARIO_MAX_K}` });
    return z.NEVER;
  }
  return to === undefined ? from : { from, to, step: step ?? 1 };
});

const weightsParam = z.string().transform((v, ctx): [number, number, number] => {
  const parts = v.split(',').map(Number);
  if (parts.length < 2 || parts.length > 3 || parts.some((x) => !Number.isFinite(x) || x < 0) || parts.reduce((a, b) => a + b, 0) <= 0) {
    ctx.addIssue({ code: 'custom', message: 'w: expected pour,contre,abstention weights ≥ 0 with a positive sum (60,40,0)' });
    return z.NEVER;
  }
  return [parts[0]!, parts[1]!, parts[2] ?? 0];
});

const text = (max: number) => z.string().trim().min(1).max(max, { error: `at most ${max} characters` });

export const BUILDER_SPLITS = ['manual', 'poll', 'platform', 'best-case'] as const;
export type BuilderSplit = (typeof BUILDER_SPLITS)[number];
/** Most scrutins a hand-picked list may hold (a URL stays well under browsers' limits). */
export const BUILDER_MAX_UIDS = 300;

export const ScenarioBuilderQuerySchema = z
  .strictObject({
    leg: z.string().transform((v) => list(v).map(Number)).pipe(z.array(z.number().int().min(1).max(30)).min(1, { error: 'leg: expected a legislature number such as 17' })).optional(),
    type: z.string().transform((v) => list(v).map((s) => s.toUpperCase())).pipe(z.array(z.enum(VOTE_TYPES, { error: `type: expected ${VOTE_TYPES.join(', ')}` })).min(1)).optional(),
    final: z.enum(['1', '0'], { error: 'final: expected 1 (final votes on a law only) or 0 (the others)' }).transform((v) => v === '1').optional(),
    outcome: z.enum(OUTCOMES, { error: `outcome: expected ${OUTCOMES.join(' or ')}` }).optional(),
    from: z.iso.date({ error: 'from: expected YYYY-MM-DD' }).optional(),
    to: z.iso.date({ error: 'to: expected YYYY-MM-DD' }).optional(),
    q: text(200).optional(),
    gap: intParam('gap', 0, 600).optional(),
    swing: intParam('swing', 1, 600).optional(),
    uids: z.string().transform(list).pipe(z.array(scenarioUidSchema).min(1).max(BUILDER_MAX_UIDS, { error: `uids: at most ${BUILDER_MAX_UIDS} scrutins` })).optional(),
    k: kParam.optional(),
    /** the K of the table and key figures (default: the largest K) */
    tk: intParam('tk', 0, SCENARIO_MAX_K).optional(),
    split: z.enum(BUILDER_SPLITS, { error: `split: expected ${BUILDER_SPLITS.join(', ')}` }).optional(),
    w: weightsParam.optional(),
    pollster: text(120).optional(),
    pollDate: z.iso.date({ error: 'pollDate: expected YYYY-MM-DD' }).optional(),
    pollQuestion: text(400).optional(),
    pollFigure: text(120).optional(),
    pollUrl: z.url({ error: 'pollUrl: expected an absolute URL', protocol: /^https?$/ }).optional(),
    mode: z.string().transform(list).pipe(z.array(scenarioModeSchema).min(1).max(4)).optional(),
    method: z.enum(SCENARIO_METHODS, { error: `method: expected ${SCENARIO_METHODS.join(', ')}` }).optional(),
    title: text(200).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.uids && (q.leg || q.type || q.final !== undefined || q.outcome || q.from || q.to || q.q || q.gap !== undefined || q.swing !== undefined))
      ctx.addIssue({ code: 'custom', path: ['uids'], message: 'uids: give either a hand-picked list or filters, not both' });
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to: must be on or after from' });
    if (q.split === 'poll')
      for (const key of ['pollster', 'pollDate', 'pollQuestion', 'pollFigure', 'pollUrl'] as const)
        if (!q[key]) ctx.addIssue({ code: 'custom', path: [key], message: `${key}: a poll figure needs its source (pollster, date, question, published figure, URL)` });
  });
export type ScenarioBuilderQuery = z.output<typeof ScenarioBuilderQuerySchema>;

/** The builder's defaults: the 17th legislature's final votes on a law, K from 1 to 20, a 50/50 bloc. */
export const BUILDER_DEFAULTS = { leg: [17], final: true, k: { from: 1, to: 20, step: 1 }, split: 'manual', w: [50, 50, 0], mode: ['proportional'], method: 'largest-remainder' } as const;

const kParamText = (k: KSpec): string => (typeof k === 'number' ? String(k) : Array.isArray(k) ? String(k[0]) : `${k.from}-${k.to}${k.step === 1 ? '' : `:${k.step}`}`);

/** The query string of a builder state (its permalink's and the API's), parameters in a fixed order. */
export function builderParams(q: ScenarioBuilderQuery): URLSearchParams {
  const p = new URLSearchParams();
  const set = (key: string, v: string | undefined) => v !== undefined && v !== '' && p.set(key, v);
  if (q.uids) set('uids', q.uids.join(','));
  else {
    set('leg', q.leg?.join(','));
    set('type', q.type?.join(','));
    set('final', q.final === undefined ? undefined : q.final ? '1' : '0');
    set('outcome', q.outcome);
    set('from', q.from);
    set('to', q.to);
    set('q', q.q);
    set('gap', q.gap?.toString());
    set('swing', q.swing?.toString());
  }
  set('k', q.k === undefined ? undefined : kParamText(q.k));
  set('tk', q.tk?.toString());
  set('split', q.split);
  if (q.split === undefined || q.split === 'manual' || q.split === 'poll') set('w', q.w?.join(','));
  if (q.split === 'poll') {
    set('pollster', q.pollster);
    set('pollDate', q.pollDate);
    set('pollQuestion', q.pollQuestion);
    set('pollFigure', q.pollFigure);
    set('pollUrl', q.pollUrl);
  }
  set('mode', q.mode?.join(','));
  set('method', q.method);
  set('title', q.title);
  return p;
}

/** Reads a builder state from a query string; with `lenient`, a bad parameter is dropped instead of failing. */
export function parseBuilderParams(params: URLSearchParams): { query: ScenarioBuilderQuery; errors: string[] } {
  const raw = Object.fromEntries([...params.entries()].filter(([key]) => key in ScenarioBuilderQuerySchema.shape));
  const parsed = ScenarioBuilderQuerySchema.safeParse(raw);
  if (parsed.success) return { query: parsed.data, errors: [] };
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  const kept = ScenarioBuilderQuerySchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key))));
  return { query: kept.success ? kept.data : {}, errors: parsed.error.issues.map((i) => i.message) };
}

/** The open data the scrutins come from, cited by every built scenario. */
const AN_SOURCE = {
  label: 'Scrutins de l’Assemblée nationale',
  url: 'https://data.assemblee-nationale.fr/travaux-parlementaires/votes',
  publisher: 'Assemblée nationale – données ouvertes',
  date: '2025-11-21',
};

/**
 * A builder state as a scenario file's content (the same fields the CLI reads). The charts: the
 * K-curve of the first scrutin, the leverage curve when there are several K, the table at the
 * table's K. Defaults are those of BUILDER_DEFAULTS.
 */
export function builderScenario(q: ScenarioBuilderQuery): ScenarioInput {
  const k = q.k ?? BUILDER_DEFAULTS.k;
  const ks = expandK(k);
  const w = q.w ?? BUILDER_DEFAULTS.w;
  const weights = { pour: w[0], contre: w[1], abstention: w[2] };
  const split = q.split ?? 'manual';
  const scrutins: ScenarioInput['scrutins'] = q.uids
    ? { uids: q.uids }
    : {
        legislature: q.leg === undefined ? 17 : q.leg.length === 1 ? q.leg[0]! : q.leg,
        ...(q.type ? { type: q.type } : {}),
        ...(q.final !== undefined ? { finalLawVote: q.final } : {}),
        ...(q.outcome ? { outcome: q.outcome } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        ...(q.q ? { text: q.q } : {}),
        ...(q.gap !== undefined || q.swing !== undefined ? { closeness: { ...(q.gap !== undefined ? { maxGap: q.gap } : {}), ...(q.swing !== undefined ? { maxSwing: q.swing } : {}) } } : {}),
      };
  const splitSpec: ScenarioInput['split'] =
    split === 'best-case'
      ? { source: 'best-case' }
      : split === 'platform'
        ? { source: 'platform', whenNoVotes: 'fallback', fallback: { pour: 50, contre: 50, abstention: 0, rationale: 'aucun vote citoyen : répartition neutre' } }
        : split === 'poll'
          ? { source: 'poll', ...weights, citations: [{ pollster: q.pollster ?? '', date: q.pollDate ?? '', question: q.pollQuestion ?? '', figure: q.pollFigure ?? '', url: q.pollUrl ?? '', verified: false, note: 'saisi dans le constructeur de scénarios, non vérifié' }] }
          : { source: 'fixed', ...weights, rationale: 'répartition choisie dans le constructeur de scénarios' };
  const tableK = q.tk ?? Math.max(...ks);
  return {
    title: q.title ?? 'Scénario « et si… ? » construit sur MaVoix',
    description: 'Scénario construit avec le constructeur de MaVoix · Législature parallèle ; la sélection, K, la répartition, le mode et la méthode sont dans ce fichier.',
    sources: [AN_SOURCE],
    scrutins,
    k,
    mode: q.mode ?? [...BUILDER_DEFAULTS.mode],
    method: q.method ?? BUILDER_DEFAULTS.method,
    split: splitSpec,
    charts: [
      { type: 'k-curve', k: { from: 0, to: Math.max(1, ...ks), step: 1 } },
      ...(ks.length > 1 ? [{ type: 'leverage' as const }] : []),
      { type: 'table', k: tableK, rows: 'all' as const },
    ],
  };
}

export const ScenarioBuilderChartSchema = z.object({
  name: z.string(),
  type: z.enum(['k-curve', 'phase', 'leverage', 'hemicycle', 'table']),
  title: z.string(),
  /** the chart as the charts workspace draws it (an SVG element's markup) */
  svg: z.string(),
  /** what an exported image says around the chart */
  context: z.object({ title: z.string(), lines: z.array(z.string()) }),
  csv: z.string(),
  interactiveUrl: z.string().nullable(),
});

/** GET /api/scenario-builder: the scenario file, its key figures, table rows and charts. */
export const ScenarioBuilderResponseSchema = z.object({
  /** the scenario file, as `npm run scenario -- file.yaml` reads it */
  yaml: z.string(),
  /** the scenario's file name stem, from its title */
  name: z.string(),
  scrutinCount: z.number().int(),
  keyFigures: z.array(ScenarioKeyFigureSchema),
  ks: z.array(z.number().int()),
  tableK: z.number().int(),
  modes: z.array(z.string()),
  rows: z.array(ScenarioRowSchema),
  /** rows beyond `rows` (the table CSV has them all) */
  rowsOmitted: z.number().int(),
  excluded: z.array(z.object({ uid: z.string(), titre: z.string(), reason: z.string() })),
  charts: z.array(ScenarioBuilderChartSchema),
  /** how long the server took to compute it (ms), for the page to show */
  computeMs: z.number(),
});
export type ScenarioBuilderResponse = z.infer<typeof ScenarioBuilderResponseSchema>;
