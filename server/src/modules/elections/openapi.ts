import {
  ElectionDetailSchema, ElectionIdParamsSchema, ElectionListResponseSchema, ElectionRoundParamsSchema, ElectionSimulationQuerySchema,
  ElectionSimulationResponseSchema, MyBallotsResponseSchema, PutBallotBodySchema,
} from '@parallele/core';
import { jsonBody, jsonResponse, problemResponses, registerRoute, signedIn, signedInWrite } from '../../openapi';

/** OpenAPI paths of the elections routes (routes.ts imports this file), from their contracts in core. */

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
  security: signedInWrite, request: { params: ElectionRoundParamsSchema, body: jsonBody(PutBallotBodySchema) },
  responses: { 200: jsonResponse('The recorded ballot', PutBallotBodySchema), ...problemResponses(400, 401, 403, 404, 429) },
});
registerRoute({
  method: 'get', path: '/api/elections/{id}/my-ballots', tags: ['elections'], summary: 'My ballots in an election, by round', security: signedIn,
  request: { params: ElectionIdParamsSchema }, responses: { 200: jsonResponse('My ballots', MyBallotsResponseSchema), ...problemResponses(401, 404) },
});
