import express, { type Router } from 'express';
import { CapacityResponseSchema } from '@parallele/core';
import type { AppDeps } from '../../deps';
import { sendJson } from '../../errors';
import { jsonResponse, problemResponses, registerRoute } from '../../openapi';

registerRoute({
  method: 'get',
  path: '/api/capacity',
  tags: ['meta'],
  summary: 'Measured capacity (the saved `npm run bench -- scale` report), current load, and the monthly cost per 1,000 active voters',
  responses: { 200: jsonResponse('Capacity, load and cost', CapacityResponseSchema), ...problemResponses(503) },
});

/** GET /api/capacity: public, like the figures it shows. */
export function capacityRoutes(deps: Pick<AppDeps, 'capacity'>): Router {
  const router = express.Router();
  router.get('/capacity', async (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=60');
    sendJson(res, CapacityResponseSchema, await deps.capacity.view());
  });
  return router;
}
