import express, { type Router } from 'express';
import { SyncStatusResponseSchema } from '@parallele/core';
import type { AppDeps } from '../../deps';
import { sendJson } from '../../errors';
import { jsonResponse, registerRoute } from '../../openapi';

registerRoute({
  method: 'get',
  path: '/api/sync/status',
  tags: ['sync'],
  summary: 'State of the sync with the Assemblée nationale: schedule, last runs, resume points, quarantine',
  responses: { 200: jsonResponse('The sync status', SyncStatusResponseSchema) },
});

/** GET /api/sync/status */
export function syncRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.get('/sync/status', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    sendJson(res, SyncStatusResponseSchema, deps.sync.status());
  });
  return router;
}
