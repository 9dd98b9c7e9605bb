import express, { type Router } from 'express';
import { FlippableQuerySchema, FlippableResponseSchema, LeverageParamsSchema } from '@parallele/core';
import type { AppDeps } from '../../deps';
import { validate } from '../../errors';
import { jsonResponse, problemResponses, registerRoute } from '../../openapi';

registerRoute({
  method: 'get',
  path: '/api/legislatures/{n}/flippable',
  tags: ['simulation'],
  summary: 'The scrutins a bloc of K could have overturned (best-case split), with their tipping point K*',
  request: { params: LeverageParamsSchema, query: FlippableQuerySchema },
  responses: { 200: jsonResponse('Flippable scrutins', FlippableResponseSchema), ...problemResponses(400, 404) },
});

/** /api/legislatures/:n/flippable — the list behind the web client's legislature page. */
export function legislaturesRoutes(deps: AppDeps): Router {
  const service = deps.legislatures;
  const router = express.Router();
  router.get('/legislatures/:n/flippable', async (req, res) => {
    const { n } = validate(req, 'params', LeverageParamsSchema);
    res.json(await service.flippable(n, validate(req, 'query', FlippableQuerySchema)));
  });
  return router;
}
