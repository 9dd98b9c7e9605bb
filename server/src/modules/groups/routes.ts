import express, { type Router } from 'express';
import { GroupListQuerySchema, GroupListResponseSchema } from '@parallele/core';
import type { AppDeps } from '../../deps';
import { validate } from '../../errors';
import { jsonResponse, problemResponses, registerRoute } from '../../openapi';

registerRoute({
  method: 'get',
  path: '/api/groups',
  tags: ['groups'],
  summary: 'Political groups (or other organes) with names, colours and positions',
  request: { query: GroupListQuerySchema },
  responses: { 200: jsonResponse('The groups, newest legislature first, in order of preseance', GroupListResponseSchema), ...problemResponses(400) },
});

export function groupsRoutes(deps: AppDeps): Router {
  const service = deps.groups;
  const router = express.Router();
  router.get('/groups', async (req, res) => {
    res.json(await service.list(validate(req, 'query', GroupListQuerySchema)));
  });
  return router;
}
