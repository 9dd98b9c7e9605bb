import {
  GetMyVoteResponseSchema, HashHexSchema, LogQuerySchema, MyVotesResponseSchema, PutMyVoteBodySchema, PutMyVoteResponseSchema, ReceiptCheckResponseSchema, ScrutinLogSchema, TallySchema,
} from '@parallele/core';
import { jsonBody, jsonResponse, scrutinUidParams, problemResponses, registerRoute, signedIn, signedInWrite } from '../../openapi';

/** OpenAPI paths of the votes routes (routes.ts imports this file), from their contracts in core/src/contracts. */

registerRoute({
  method: 'put', path: '/api/scrutins/{uid}/my-vote', tags: ['votes'], summary: 'Cast or change my vote on a scrutin',
  security: signedInWrite, request: { params: scrutinUidParams, body: jsonBody(PutMyVoteBodySchema) },
  // 403 verification_required: below VOTE_MIN_LEVEL, or an unverified address of a deleted account (verify it first, then inherit its votes).
  responses: { 200: jsonResponse('The recorded vote and its receipt', PutMyVoteResponseSchema), ...problemResponses(400, 401, 403, 404, 409, 429) },
});
registerRoute({
  method: 'get', path: '/api/scrutins/{uid}/my-vote', tags: ['votes'], summary: 'My vote on a scrutin', security: signedIn,
  request: { params: scrutinUidParams },
  responses: { 200: jsonResponse('My vote (null if none) and the vote window', GetMyVoteResponseSchema), ...problemResponses(400, 401, 404) },
});
registerRoute({
  method: 'get', path: '/api/me/votes', tags: ['votes'], summary: 'All my votes with their receipts', security: signedIn,
  responses: { 200: jsonResponse('My votes', MyVotesResponseSchema), ...problemResponses(401) },
});
registerRoute({
  method: 'get', path: '/api/scrutins/{uid}/tally', tags: ['votes'], summary: "The citizens' tally of a scrutin, in every scope",
  request: { params: scrutinUidParams },
  responses: { 200: jsonResponse('The tally', TallySchema), ...problemResponses(400, 404) },
});
registerRoute({
  method: 'get', path: '/api/scrutins/{uid}/log', tags: ['votes'], summary: 'The public hash-chained vote log of a scrutin',
  request: { params: scrutinUidParams, query: LogQuerySchema },
  responses: { 200: jsonResponse('Log entries after `after`', ScrutinLogSchema), ...problemResponses(400, 404) },
});
registerRoute({
  method: 'get', path: '/api/scrutins/{uid}/log/receipts/{receipt}', tags: ['votes'], summary: 'Check that a receipt is in the log',
  request: { params: scrutinUidParams.extend({ receipt: HashHexSchema }) },
  responses: { 200: jsonResponse('Whether the receipt was found, and superseded', ReceiptCheckResponseSchema), ...problemResponses(400, 404) },
});
