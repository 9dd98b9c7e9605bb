import type { z } from 'zod';
import { MyProfileResponseSchema, PastVoteSchema, ProfileSchema, PutPastVoteBodySchema, PutProfileBodySchema } from '@parallele/core';
import { jsonResponse, problemResponses, registerRoute } from '../../openapi';

/** OpenAPI paths of the profiles module (registered by the module itself, see openapi.ts). */
const signedIn = [{ session: [] }];
const signedInWrite = [{ session: [], csrf: [] }];
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const tags = ['profiles'];

registerRoute({
  method: 'get', path: '/api/me/profile', tags, summary: 'My optional profile and, apart, my 2022 vote (if I consented)', security: signedIn,
  responses: { 200: jsonResponse('Profile and past vote, each null when not given', MyProfileResponseSchema), ...problemResponses(401) },
});
registerRoute({
  method: 'put', path: '/api/me/profile', tags, summary: 'Save my profile (every field optional; a missing field is not given)', security: signedInWrite,
  request: { body: json(PutProfileBodySchema) },
  responses: { 200: jsonResponse('The saved profile', ProfileSchema), ...problemResponses(400, 401, 403) },
});
registerRoute({
  method: 'delete', path: '/api/me/profile', tags, summary: 'Delete my profile (the 2022 vote has its own DELETE)', security: signedInWrite,
  responses: { 204: { description: 'Deleted (or there was none)' }, ...problemResponses(401, 403) },
});
registerRoute({
  method: 'put', path: '/api/me/profile/past-vote', tags, summary: 'Save my 2022 first-round vote, with explicit consent (consent: true)', security: signedInWrite,
  request: { body: json(PutPastVoteBodySchema) },
  responses: { 200: jsonResponse('The saved vote and when consent was given', PastVoteSchema), ...problemResponses(400, 401, 403) },
});
registerRoute({
  method: 'delete', path: '/api/me/profile/past-vote', tags, summary: 'Delete my 2022 vote (withdraws the consent)', security: signedInWrite,
  responses: { 204: { description: 'Deleted (or there was none)' }, ...problemResponses(401, 403) },
});
