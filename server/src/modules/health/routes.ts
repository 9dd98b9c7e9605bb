import express, { type Router } from 'express';
import { HealthResponseSchema, type HealthResponse } from '@parallele/core';
import { countScrutins } from '../../db/an-reads';
import type { AppDeps } from '../../deps';
import { jsonResponse, registerRoute } from '../../openapi';

registerRoute({
  method: 'get',
  path: '/api/health',
  tags: ['meta'],
  summary: 'Liveness and store check',
  responses: {
    200: jsonResponse('The server and its store answer', HealthResponseSchema),
    503: jsonResponse('The store does not answer', HealthResponseSchema),
  },
});

/** GET /api/health: 200 when the store answers a count, 503 (same body, ok: false) otherwise. */
export function healthRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.get('/health', async (_req, res) => {
    let scrutins = 0;
    let ok = true;
    try {
      scrutins = await countScrutins(deps.db);
    } catch (error) {
      ok = false;
      deps.logger.error({ err: error }, 'Health check: the store does not answer');
    }
    const body: HealthResponse = {
      status: ok ? 'ok' : 'degraded',
      version: deps.config.version,
      db: { ok, scrutins },
      uptime: Math.round(process.uptime()),
    };
    res.status(ok ? 200 : 503).setHeader('Cache-Control', 'no-store').json(body);
  });
  return router;
}
