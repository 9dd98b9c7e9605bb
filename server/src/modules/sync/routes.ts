import express, { type Router } from 'express';
import { SyncStatusResponseSchema } from '@parallele/core';
import type { AppDeps } from '../../deps';
import { sendJson } from '../../errors';
// This module's OpenAPI paths.
import './openapi';

/** GET /api/sync/status */
export function syncRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.get('/sync/status', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    sendJson(res, SyncStatusResponseSchema, await deps.sync.status());
  });
  return router;
}
