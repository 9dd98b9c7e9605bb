import express, { type Router } from 'express';
import { ScenarioChartParamSchema, ScenarioDetailResponseSchema, ScenarioListResponseSchema, ScenarioNameParamSchema } from '@parallele/core';
import type { AppDeps } from '../../deps';
import { validate } from '../../errors';
import { jsonResponse, problemResponses, registerRoute } from '../../openapi';
import { citizensOf } from '../accounts/citizens';
import { platformVotesOf } from './platform-votes';
// issue 16: the `redresse` tally
import { reweightingServiceOf } from '../reweighting/routes';
import { reweightedVotesOf } from '../reweighting/scenario-split';
import { createScenariosService, type ScenariosService, type ScenariosServiceOptions } from './service';

registerRoute({
  method: 'get',
  path: '/api/scenarios',
  tags: ['scenarios'],
  summary: 'The scenario gallery: every shipped "what if" scenario with its key figures',
  responses: { 200: jsonResponse('The scenarios', ScenarioListResponseSchema) },
});

registerRoute({
  method: 'get',
  path: '/api/scenarios/{name}',
  tags: ['scenarios'],
  summary: 'One scenario: its results, key figures, sources and chart URLs (SVG, PNG, CSV)',
  request: { params: ScenarioNameParamSchema },
  responses: { 200: jsonResponse('The scenario results', ScenarioDetailResponseSchema), ...problemResponses(400, 404) },
});

registerRoute({
  method: 'get',
  path: '/api/scenarios/{name}/charts/{chart}',
  tags: ['scenarios'],
  summary: 'A chart of a scenario as SVG or PNG, or its data as CSV (`k-curve-liot.svg`)',
  request: { params: ScenarioChartParamSchema },
  responses: { 200: { description: 'image/svg+xml, image/png or text/csv' }, ...problemResponses(400, 404) },
});

/**
 * `platform` scenarios read the live tallies through the votes service (built lazily: a gallery
 * without such a scenario never opens the citizens' side) and are recomputed when votes are cast
 * or moderation changes a tally.
 */
function liveTallies(deps: AppDeps): Pick<ScenariosServiceOptions, 'platformVotes' | 'onTalliesChanged'> {
  if (!deps.db || !deps.events) return {};
  const { events } = deps;
  return {
    platformVotes: platformVotesOf(() => citizensOf(deps).votes, reweightedVotesOf(() => reweightingServiceOf(deps))),
    onTalliesChanged: (listener) => {
      const onVotes = (e: { votes: { scrutinUid: string }[] }) => listener([...new Set(e.votes.map((v) => v.scrutinUid))]);
      const onTallies = (e: { uids: string[] }) => listener(e.uids);
      events.on('votes:cast', onVotes);
      events.on('tallies:changed', onTallies);
      return () => {
        events.off('votes:cast', onVotes);
        events.off('tallies:changed', onTallies);
      };
    },
  };
}

/** One service per app (its caches are what the gallery serves): boot() warms this one. */
const services = new WeakMap<AppDeps, ScenariosService>();
export function scenariosServiceOf(deps: AppDeps): ScenariosService {
  let service = services.get(deps);
  if (!service) {
    service = createScenariosService(liveTallies(deps));
    services.set(deps, service);
  }
  return service;
}

export function scenariosRoutes(deps: AppDeps, opts?: ScenariosServiceOptions): Router {
  const service = opts ? createScenariosService({ ...liveTallies(deps), ...opts }) : scenariosServiceOf(deps);
  const router = express.Router();

  router.get('/scenarios', async (_req, res) => {
    res.json(await service.list());
  });

  router.get('/scenarios/:name', async (req, res) => {
    const { name } = validate(req, 'params', ScenarioNameParamSchema);
    res.json(await service.get(name));
  });

  router.get('/scenarios/:name/charts/:chart', async (req, res) => {
    const { name, chart } = validate(req, 'params', ScenarioChartParamSchema);
    const file = await service.chartFile(name, chart);
    res.type(file.contentType).setHeader('Cache-Control', 'public, max-age=300');
    res.send(file.body);
  });

  return router;
}
