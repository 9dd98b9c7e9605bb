import express, { type Router } from 'express';
import {
  ScrutinDetailSchema,
  ScrutinListQuerySchema,
  ScrutinListResponseSchema,
  ScrutinUidParamsSchema,
} from '@parallele/core';
import type { AppDeps } from '../../deps';
import { validate } from '../../errors';
import { jsonResponse, problemResponses, registerRoute } from '../../openapi';

registerRoute({
  method: 'get',
  path: '/api/scrutins',
  tags: ['scrutins'],
  summary: 'List scrutins (paginated, filtered, sorted)',
  description:
    'Filters combine with AND. `q` matches every word in titre or objet (ignoring case and accents), in the curated ' +
    'keywords of well-known votes, the government in office ("Barnier"), the number (3+ digits) or the uid; curated and exact-number matches come first. ' +
    '`sort=closeness` puts the votes decided by the fewest votes first (|pour − requis|).',
  request: { query: ScrutinListQuerySchema },
  responses: { 200: jsonResponse('One page of scrutins and the total of the filter', ScrutinListResponseSchema), ...problemResponses(400) },
});

registerRoute({
  method: 'get',
  path: '/api/scrutins/{uid}',
  tags: ['scrutins'],
  summary: 'One scrutin with its groups, deputies and mises au point',
  request: { params: ScrutinUidParamsSchema },
  responses: { 200: jsonResponse('The scrutin', ScrutinDetailSchema), ...problemResponses(400, 404) },
});

export function scrutinsRoutes(deps: AppDeps): Router {
  const service = deps.scrutins;
  const router = express.Router();

  router.get('/scrutins', async (req, res) => {
    const query = validate(req, 'query', ScrutinListQuerySchema);
    res.json(await service.list(query));
  });

  router.get('/scrutins/:uid', async (req, res) => {
    const { uid } = validate(req, 'params', ScrutinUidParamsSchema);
    res.json(await service.get(uid));
  });

  return router;
}
