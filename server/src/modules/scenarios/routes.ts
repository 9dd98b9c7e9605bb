import express, { type Router } from 'express';
import { ScenarioChartParamSchema, ScenarioDetailResponseSchema, ScenarioListResponseSchema, ScenarioNameParamSchema } from '@parallele/core';
import type { AppDeps } from '../../deps';
import { validate } from '../../errors';
import { jsonResponse, problemResponses, registerRoute } from '../../openapi';

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

export function scenariosRoutes(deps: Pick<AppDeps, 'scenarios'>): Router {
  const service = deps.scenarios;
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
