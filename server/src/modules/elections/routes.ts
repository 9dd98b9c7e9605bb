import express, { type Router } from 'express';
import {
  ElectionDetailSchema, ElectionIdParamsSchema, ElectionListResponseSchema, ElectionRoundParamsSchema, ElectionSimulationQuerySchema,
  ElectionSimulationResponseSchema, MyBallotsResponseSchema, PutBallotBodySchema,
} from '@parallele/core';
import type { AppDeps } from '../../deps';
import { sendJson, validate } from '../../errors';
import { jsonResponse, problemResponses, registerRoute } from '../../openapi';
import { citizensOf } from '../accounts/citizens';
import { citizenOf, readCookies } from '../accounts/http';
import { createElectionsService } from './service';

/**
 * /api/elections (issue 15 §3): the Président de l'Assemblée elections, the citizens' ballot per
 * round (signed in, CSRF, the votes' rate limits) and the simulation with K MaVoix deputies.
 */
registerRoute({ method: 'get', path: '/api/elections', tags: ['elections'], summary: 'Multi-candidate elections', responses: { 200: jsonResponse('Elections', ElectionListResponseSchema) } });
registerRoute({
  method: 'get', path: '/api/elections/{id}', tags: ['elections'], summary: 'An election, round by round, with its gaps and the citizens’ ballots',
  request: { params: ElectionIdParamsSchema }, responses: { 200: jsonResponse('Election', ElectionDetailSchema), ...problemResponses(400, 404) },
});
registerRoute({
  method: 'get', path: '/api/elections/{id}/rounds/{round}/simulation', tags: ['elections'],
  summary: 'What K MaVoix deputies casting the platform’s split over the candidates would have done in this round',
  request: { params: ElectionRoundParamsSchema, query: ElectionSimulationQuerySchema },
  responses: { 200: jsonResponse('Election simulation', ElectionSimulationResponseSchema), ...problemResponses(400, 404) },
});
registerRoute({
  method: 'put', path: '/api/elections/{id}/rounds/{round}/my-ballot', tags: ['elections'], summary: 'Cast or change my ballot in a round ("" = blank)',
  security: [{ session: [], csrf: [] }], request: { params: ElectionRoundParamsSchema, body: { content: { 'application/json': { schema: PutBallotBodySchema } } } },
  responses: { 200: jsonResponse('The recorded ballot', PutBallotBodySchema), ...problemResponses(400, 401, 403, 404, 429) },
});
registerRoute({
  method: 'get', path: '/api/elections/{id}/my-ballots', tags: ['elections'], summary: 'My ballots in an election, by round', security: [{ session: [] }],
  request: { params: ElectionIdParamsSchema }, responses: { 200: jsonResponse('My ballots', MyBallotsResponseSchema), ...problemResponses(401, 404) },
});

export function electionsRoutes(deps: AppDeps): Router {
  const service = createElectionsService(deps.db);
  const router = express.Router();
  const { http } = citizensOf(deps);
  const signedIn = [readCookies, http.session, http.requireCitizen];
  router.put('/elections/:id/rounds/:round/my-ballot', http.limits.votesPerIp, ...signedIn, http.csrf, http.limits.votesPerAccount, (req, res) => {
    const { id, round } = validate(req, 'params', ElectionRoundParamsSchema);
    const { candidate } = validate(req, 'body', PutBallotBodySchema);
    res.json(service.castBallot(id, round, citizenOf(res).citizenId, candidate, deps.now().getTime()));
  });
  router.get('/elections/:id/my-ballots', ...signedIn, (req, res) => {
    const { id } = validate(req, 'params', ElectionIdParamsSchema);
    sendJson(res, MyBallotsResponseSchema, service.myBallots(id, citizenOf(res).citizenId));
  });
  router.get('/elections', (_req, res) => sendJson(res, ElectionListResponseSchema, service.list()));
  router.get('/elections/:id', (req, res) => {
    const { id } = validate(req, 'params', ElectionIdParamsSchema);
    sendJson(res, ElectionDetailSchema, service.get(id));
  });
  router.get('/elections/:id/rounds/:round/simulation', (req, res) => {
    const { id, round } = validate(req, 'params', ElectionRoundParamsSchema);
    sendJson(res, ElectionSimulationResponseSchema, service.simulate(id, round, validate(req, 'query', ElectionSimulationQuerySchema)));
  });
  return router;
}
