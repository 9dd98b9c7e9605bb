import { z } from 'zod';
import {
  DetectorRunResponseSchema, FlagIdParamSchema, FlagListQuerySchema, FlagListResponseSchema, FlagSchema, ReviewFlagBodySchema, VoteWindowBodySchema, VoteWindowSchema,
} from '@parallele/core';
import { jsonBody, jsonResponse, scrutinUidParams, problemResponses, registerRoute, signedIn, signedInWrite } from '../../openapi';

/** OpenAPI paths of the moderation (administrators) routes (routes.ts imports this file), from their contracts in core/src/contracts. */

registerRoute({
  method: 'get', path: '/api/admin/flags', tags: ['moderation'], summary: 'Flags raised by the burst detector', security: signedIn,
  request: { query: FlagListQuerySchema },
  responses: { 200: jsonResponse('One page of flags', FlagListResponseSchema), ...problemResponses(400, 401, 403) },
});
registerRoute({
  method: 'post', path: '/api/admin/flags/{id}/review', tags: ['moderation'], summary: 'Clear or confirm a flag', security: signedInWrite,
  request: { params: z.object({ id: FlagIdParamSchema }), body: jsonBody(ReviewFlagBodySchema) },
  responses: { 200: jsonResponse('The reviewed flag', FlagSchema), ...problemResponses(400, 401, 403, 404, 409) },
});
registerRoute({
  method: 'post', path: '/api/admin/detector/run', tags: ['moderation'], summary: 'Run the burst detector now', security: signedInWrite,
  responses: { 200: jsonResponse('What the run flagged', DetectorRunResponseSchema), ...problemResponses(401, 403) },
});
registerRoute({
  method: 'put', path: '/api/admin/scrutins/{uid}/window', tags: ['moderation'], summary: 'Open, move or close the vote window of a scrutin',
  security: signedInWrite, request: { params: scrutinUidParams, body: jsonBody(VoteWindowBodySchema) },
  responses: { 200: jsonResponse('The vote window', VoteWindowSchema), ...problemResponses(400, 401, 403, 404) },
});
