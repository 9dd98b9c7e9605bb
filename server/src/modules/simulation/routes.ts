import express, { type Router } from 'express';
import {
  CurveQuerySchema,
  CurveResponseSchema,
  FlipProbabilityQuerySchema,
  FlipProbabilityResponseSchema,
  LeverageParamsSchema,
  LeverageQuerySchema,
  LeverageResponseSchema,
  PhaseQuerySchema,
  PhaseResponseSchema,
  SimulationParamsSchema,
  SimulationQuerySchema,
  SimulationResponseSchema,
} from '@parallele/core';
import type { AppDeps } from '../../deps';
import { validate } from '../../errors';
import { jsonResponse, problemResponses, registerRoute } from '../../openapi';

const scrutinRoute = (path: string, summary: string, query: typeof SimulationQuerySchema | typeof CurveQuerySchema | typeof PhaseQuerySchema | typeof FlipProbabilityQuerySchema, response: Parameters<typeof jsonResponse>[1]) =>
  registerRoute({
    method: 'get',
    path: `/api/scrutins/{uid}/${path}`,
    tags: ['simulation'],
    summary,
    request: { params: SimulationParamsSchema, query },
    responses: { 200: jsonResponse(summary, response), ...problemResponses(400, 404) },
  });

scrutinRoute('simulation', 'The parallel result with K MaVoix deputies casting the citizens’ split', SimulationQuerySchema, SimulationResponseSchema);
scrutinRoute('simulation/curve', 'Outcome, tally and margin for every K of a range (K-curve)', CurveQuerySchema, CurveResponseSchema);
scrutinRoute('simulation/phase', 'Outcome over K × pour share (phase grid, for a heatmap)', PhaseQuerySchema, PhaseResponseSchema);
scrutinRoute('simulation/flip-probability', 'Exact probability that the outcome flips when the K replaced deputies are drawn at random', FlipProbabilityQuerySchema, FlipProbabilityResponseSchema);
registerRoute({
  method: 'get',
  path: '/api/legislatures/{n}/leverage',
  tags: ['simulation'],
  summary: 'How many scrutins of the legislature a bloc of K could have overturned (best-case split), per K',
  request: { params: LeverageParamsSchema, query: LeverageQuerySchema },
  responses: { 200: jsonResponse('Leverage per K', LeverageResponseSchema), ...problemResponses(400, 404) },
});

export function simulationRoutes(deps: AppDeps): Router {
  const service = deps.simulation;
  const router = express.Router();

  router.get('/scrutins/:uid/simulation', async (req, res) => {
    const { uid } = validate(req, 'params', SimulationParamsSchema);
    res.json(await service.simulate(uid, validate(req, 'query', SimulationQuerySchema)));
  });
  router.get('/scrutins/:uid/simulation/curve', async (req, res) => {
    const { uid } = validate(req, 'params', SimulationParamsSchema);
    res.json(await service.curve(uid, validate(req, 'query', CurveQuerySchema)));
  });
  router.get('/scrutins/:uid/simulation/phase', async (req, res) => {
    const { uid } = validate(req, 'params', SimulationParamsSchema);
    res.json(await service.phase(uid, validate(req, 'query', PhaseQuerySchema)));
  });
  router.get('/scrutins/:uid/simulation/flip-probability', async (req, res) => {
    const { uid } = validate(req, 'params', SimulationParamsSchema);
    res.json(await service.flipProbability(uid, validate(req, 'query', FlipProbabilityQuerySchema)));
  });
  router.get('/legislatures/:n/leverage', async (req, res) => {
    const { n } = validate(req, 'params', LeverageParamsSchema);
    res.json(await service.leverage(n, validate(req, 'query', LeverageQuerySchema)));
  });
  return router;
}
