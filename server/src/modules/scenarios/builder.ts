import express, { type Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { builderParams, builderScenario, platformSplitSchema, ScenarioBuilderQuerySchema, ScenarioBuilderResponseSchema, ScenarioLangQuerySchema, type ScenarioBuilderResponse } from '@parallele/core';
import { formatScenarioError, loadBundledData, previewScenario, ScenarioLoadError, ScenarioRunError, type ChartLang } from '@parallele/scenarios';
import type { AppDeps } from '../../deps';
import { AppError, validate } from '../../errors';
import { secondsLeft } from '../../http/retry-after';
import { jsonResponse, problemResponses, registerRoute } from '../../openapi';
import { platformTalliesOf, platformVotesOf, type PlatformTallies } from './platform-votes';

registerRoute({
  method: 'get',
  path: '/api/scenario-builder',
  tags: ['scenarios'],
  summary: 'The scenario builder: a "what if" from its permalink parameters, as a scenario file (YAML) with its figures, table and charts',
  description:
    'The parameters are those of the page /scenarios/builder. The scenario is written as the YAML the CLI reads, loaded back with the CLI loader ' +
    'and computed on the bundled open data, as `npm run scenario -- file.yaml` does: the figures are the same.',
  // `lang` (fr | en, default French) is read apart: it sets the charts' words, not the scenario
  request: { query: ScenarioBuilderQuerySchema },
  responses: { 200: jsonResponse('The built scenario', ScenarioBuilderResponseSchema), ...problemResponses(400, 429) },
});

/** Answers kept per normalised query: a shared link opened by many is computed once. */
const CACHE_SIZE = 64;

/**
 * The builder's computation. `platform` scenarios read the live tallies and are not cached
 * (a vote changes them); the others depend only on the query and the bundled files.
 */
export function createScenarioBuilder(platformTallies?: PlatformTallies, publicUrl = '') {
  const cache = new Map<string, ScenarioBuilderResponse>();
  return {
    async build(query: Parameters<typeof builderParams>[0], lang: ChartLang = 'fr'): Promise<ScenarioBuilderResponse> {
      const key = builderParams(query).toString();
      const cacheKey = `${lang}|${key}`;
      const hit = cache.get(cacheKey);
      if (hit) return hit;
      const input = builderScenario(query);
      // an invalid split reads nothing: the loader below reports it
      const platform = input.split.source === 'platform' ? platformSplitSchema.safeParse(input.split).data : undefined;
      const platformVotes = platform && platformTallies ? await platformTallies(platform.tally) : undefined;
      const started = performance.now();
      const data = { ...loadBundledData(), ...(platformVotes ? { platformVotes } : {}) };
      let out: ScenarioBuilderResponse;
      try {
        const permalink = `${publicUrl.replace(/\/$/, '')}/scenarios/builder?${key}`;
        out = { ...previewScenario(input, data, { permalink, lang }), computeMs: Math.round(performance.now() - started) };
      } catch (e) {
        if (e instanceof ScenarioLoadError) {
          const errors = e.errors.map((err) => ({ param: err.field, in: 'query' as const, detail: err.message }));
          throw AppError.badRequest(`The scenario is not valid: ${e.errors.map(formatScenarioError).join('; ')}`, { param: errors[0]?.param, errors });
        }
        if (e instanceof ScenarioRunError) throw AppError.badRequest(e.message, { param: 'scenario' });
        throw e;
      }
      if (query.split !== 'platform') {
        if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
        cache.set(cacheKey, out);
      }
      return out;
    },
  };
}

export function scenarioBuilderRoutes(deps: AppDeps): Router {
  const builder = createScenarioBuilder(platformTalliesOf(deps.db, platformVotesOf(() => deps.votes)), deps.config.PUBLIC_URL ?? '');
  const router = express.Router();
  // a whole legislature takes about half a second of the event loop: a few per minute per address
  const limit = rateLimit({
    windowMs: 60_000,
    limit: 60,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: () => deps.config.RATE_LIMITS === 'off',
    handler: (req, res, next, options) => {
      const retryAfterSeconds = secondsLeft(req, options.windowMs);
      res.setHeader('Retry-After', String(retryAfterSeconds));
      next(AppError.tooManyRequests(`Too many scenario builds: try again in ${retryAfterSeconds} s`, { retryAfterSeconds }));
    },
  });
  router.get('/scenario-builder', limit, async (req, res) => {
    const { lang = 'fr' } = validate(req, 'query', ScenarioLangQuerySchema);
    const { lang: _lang, ...rest } = req.query;
    const parsed = ScenarioBuilderQuerySchema.safeParse(rest);
    if (!parsed.success) throw AppError.fromZod(parsed.error, 'query');
    const query = parsed.data;
    res.setHeader('Cache-Control', query.split === 'platform' ? 'no-store' : 'public, max-age=300');
    res.json(await builder.build(query, lang));
  });
  return router;
}
