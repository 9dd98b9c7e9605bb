import express, { type Router } from 'express';
import { AssemblyParamsSchema, ScrutinListQuerySchema, ScrutinListResponseSchema } from '@parallele/core';
import type { AppDeps } from '../../deps';
import { sendJson, validate } from '../../errors';
import { jsonResponse, problemResponses, registerRoute } from '../../openapi';

/**
 * The votes of each real assembly (issue 15): `/api/assemblies/ep/scrutins` lists the European
 * Parliament's with the same filters and pages as `/api/scrutins` (which lists the AN's). Detail,
 * simulation, citizens' votes and tallies stay under `/api/scrutins/{uid}` whatever the assembly.
 */
registerRoute({
  method: 'get',
  path: '/api/assemblies/{assembly}/scrutins',
  tags: ['scrutins'],
  summary: 'Votes of one assembly (an, ep), filtered and paginated as /api/scrutins',
  request: { params: AssemblyParamsSchema, query: ScrutinListQuerySchema },
  responses: { 200: jsonResponse('A page of votes', ScrutinListResponseSchema), ...problemResponses(400) },
});

export function assembliesRoutes(deps: Pick<AppDeps, 'scrutins'>): Router {
  const { scrutins } = deps;
  const router = express.Router();
  router.get('/assemblies/:assembly/scrutins', async (req, res) => {
    const { assembly } = validate(req, 'params', AssemblyParamsSchema);
    sendJson(res, ScrutinListResponseSchema, await scrutins.list({ ...validate(req, 'query', ScrutinListQuerySchema), assembly }));
  });
  return router;
}
