import express, { type Router } from 'express';
import { DeputyParamsSchema, DeputyPositionsQuerySchema, DeputyResponseSchema } from '@parallele/core';
import type { AppDeps } from '../../deps';
import { validate } from '../../errors';
import { jsonResponse, problemResponses, registerRoute } from '../../openapi';

registerRoute({
  method: 'get',
  path: '/api/deputies/{ref}',
  tags: ['deputies'],
  summary: 'A deputy and their recorded positions, newest first (paginated)',
  request: { params: DeputyParamsSchema, query: DeputyPositionsQuerySchema },
  responses: { 200: jsonResponse('The deputy and one page of positions', DeputyResponseSchema), ...problemResponses(400, 404) },
});

export function deputiesRoutes(deps: AppDeps): Router {
  const service = deps.deputies;
  const router = express.Router();
  router.get('/deputies/:ref', async (req, res) => {
    const { ref } = validate(req, 'params', DeputyParamsSchema);
    const query = validate(req, 'query', DeputyPositionsQuerySchema);
    res.json(await service.get(ref, query));
  });
  return router;
}
