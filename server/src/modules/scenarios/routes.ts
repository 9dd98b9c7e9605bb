import express, { type Request, type Router } from 'express';
import { ScenarioChartParamSchema, ScenarioDetailResponseSchema, ScenarioLangQuerySchema, ScenarioListResponseSchema, ScenarioNameParamSchema } from '@parallele/core';
import type { AppDeps } from '../../deps';
import { validate } from '../../errors';
import { jsonResponse, problemResponses, registerRoute } from '../../openapi';

registerRoute({
  method: 'get',
  path: '/api/scenarios',
  tags: ['scenarios'],
  summary: 'The scenario gallery: every shipped "what if" scenario with its key figures',
  request: { query: ScenarioLangQuerySchema },
  responses: { 200: jsonResponse('The scenarios', ScenarioListResponseSchema) },
});

registerRoute({
  method: 'get',
  path: '/api/scenarios/{name}',
  tags: ['scenarios'],
  summary: 'One scenario: its results, key figures, sources and chart URLs (SVG, PNG, CSV), in the language asked',
  request: { params: ScenarioNameParamSchema, query: ScenarioLangQuerySchema },
  responses: { 200: jsonResponse('The scenario results', ScenarioDetailResponseSchema), ...problemResponses(400, 404) },
});

registerRoute({
  method: 'get',
  path: '/api/scenarios/{name}/charts/{chart}',
  tags: ['scenarios'],
  summary: 'A chart of a scenario as SVG or PNG, or its data as CSV (`k-curve-liot.svg`), drawn in the language asked',
  request: { params: ScenarioChartParamSchema, query: ScenarioLangQuerySchema },
  responses: { 200: { description: 'image/svg+xml, image/png or text/csv' }, ...problemResponses(400, 404) },
});

/** `?lang=`, else the first of fr/en in Accept-Language, else French. */
function chartLang(req: Request): 'fr' | 'en' {
  return validate(req, 'query', ScenarioLangQuerySchema).lang ?? (req.acceptsLanguages('fr', 'en') === 'en' ? 'en' : 'fr');
}

export function scenariosRoutes(deps: Pick<AppDeps, 'scenarios'>): Router {
  const service = deps.scenarios;
  const router = express.Router();

  router.get('/scenarios', async (req, res) => {
    res.setHeader('Vary', 'Accept-Language');
    res.json(await service.list(chartLang(req)));
  });

  router.get('/scenarios/:name', async (req, res) => {
    const { name } = validate(req, 'params', ScenarioNameParamSchema);
    res.setHeader('Vary', 'Accept-Language');
    res.json(await service.get(name, chartLang(req)));
  });

  router.get('/scenarios/:name/charts/:chart', async (req, res) => {
    const { name, chart } = validate(req, 'params', ScenarioChartParamSchema);
    const file = await service.chartFile(name, chart, chartLang(req));
    res.type(file.contentType).setHeader('Cache-Control', 'public, max-age=300').setHeader('Vary', 'Accept-Language');
    res.send(file.body);
  });

  return router;
}
