import { z } from 'zod';
import {
  AcceptedResponseSchema, CompleteVerificationBodySchema, CSRF_HEADER, CsrfResponseSchema, DeleteAccountBodySchema,
  DetectorRunResponseSchema, FlagIdParamSchema, FlagListQuerySchema, FlagListResponseSchema, FlagSchema, GetMyVoteResponseSchema,
  HashHexSchema, LinkTokenSchema, LoginBodySchema, LogQuerySchema, MeSchema, MyVotesResponseSchema, PasswordResetConfirmBodySchema,
  PasswordResetRequestBodySchema, PutMyVoteBodySchema, PutMyVoteResponseSchema, ReceiptCheckResponseSchema, RegisterBodySchema,
  ReviewFlagBodySchema, ScrutinLogSchema, ScrutinUidParamSchema, SESSION_COOKIE, SessionResponseSchema, StartVerificationBodySchema,
  StartVerificationResponseSchema, TallySchema, VerificationProviderIdSchema, VerifyEmailBodySchema, VoteWindowBodySchema, VoteWindowSchema,
} from '@parallele/core';
import { jsonResponse, openApiRegistry, problemResponses, registerRoute } from './openapi';

/**
 * OpenAPI paths of the citizens' modules (accounts, votes, moderation), from their contracts in
 * core/src/contracts. Registered here, apart from their routes.ts, so the document covers the whole
 * API; registerRoute() is idempotent per method + path, so moving these calls into the modules'
 * routes.ts later changes nothing.
 */

openApiRegistry.registerComponent('securitySchemes', 'session', {
  type: 'apiKey',
  in: 'cookie',
  name: SESSION_COOKIE,
  description: 'The HttpOnly session cookie set by POST /api/auth/login',
});
openApiRegistry.registerComponent('securitySchemes', 'csrf', {
  type: 'apiKey',
  in: 'header',
  name: CSRF_HEADER,
  description: 'Double-submit token from GET /api/auth/csrf (or the login answer), required on every write',
});

const anonymousWrite = [{ csrf: [] }];
const signedIn = [{ session: [] }];
const signedInWrite = [{ session: [], csrf: [] }];
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const noContent = { 204: { description: 'Done' } };
const accepted = { 202: jsonResponse('Accepted (the same answer whether or not the account exists)', AcceptedResponseSchema) };
const uidParams = z.object({ uid: ScrutinUidParamSchema });

// accounts
registerRoute({
  method: 'get', path: '/api/auth/csrf', tags: ['accounts'], summary: 'A CSRF token (also set as a cookie)',
  responses: { 200: jsonResponse('The token to send back in the x-csrf-token header', CsrfResponseSchema) },
});
registerRoute({
  method: 'post', path: '/api/auth/register', tags: ['accounts'], summary: 'Create an account; a code and a link are mailed',
  security: anonymousWrite, request: { body: json(RegisterBodySchema) },
  responses: { ...accepted, ...problemResponses(400, 403, 429) },
});
registerRoute({
  method: 'post', path: '/api/auth/verify-email', tags: ['accounts'], summary: 'Verify the address with the mailed code or link token',
  security: anonymousWrite, request: { body: json(VerifyEmailBodySchema) },
  responses: { 200: jsonResponse('The verified account', MeSchema), ...problemResponses(400, 403, 429) },
});
registerRoute({
  method: 'get', path: '/api/auth/verify-email', tags: ['accounts'], summary: 'The mailed link: verifies, then redirects to the app',
  request: { query: z.object({ token: LinkTokenSchema }) },
  responses: { 303: { description: 'Redirect to /?emailVerification=ok|invalid' }, ...problemResponses(429) },
});
registerRoute({
  method: 'post', path: '/api/auth/login', tags: ['accounts'], summary: 'Sign in: sets the session cookie',
  security: anonymousWrite, request: { body: json(LoginBodySchema) },
  responses: { 200: jsonResponse('The account and a CSRF token bound to the session', SessionResponseSchema), ...problemResponses(400, 401, 403, 429) },
});
registerRoute({
  method: 'post', path: '/api/auth/logout', tags: ['accounts'], summary: 'Sign out', security: anonymousWrite,
  responses: { ...noContent, ...problemResponses(403) },
});
registerRoute({
  method: 'get', path: '/api/auth/me', tags: ['accounts'], summary: 'The signed-in account', security: signedIn,
  responses: { 200: jsonResponse('The account', MeSchema), ...problemResponses(401) },
});
registerRoute({
  method: 'post', path: '/api/auth/password-reset/request', tags: ['accounts'], summary: 'Mail a password-reset code and link',
  security: anonymousWrite, request: { body: json(PasswordResetRequestBodySchema) },
  responses: { ...accepted, ...problemResponses(400, 403, 429) },
});
registerRoute({
  method: 'post', path: '/api/auth/password-reset/confirm', tags: ['accounts'], summary: 'Set a new password with the mailed code or token',
  security: anonymousWrite, request: { body: json(PasswordResetConfirmBodySchema) },
  responses: { ...noContent, ...problemResponses(400, 403, 429) },
});
registerRoute({
  method: 'delete', path: '/api/me', tags: ['accounts'], summary: 'Delete the account (its votes stay counted, unlinked)',
  security: signedInWrite, request: { body: json(DeleteAccountBodySchema) },
  responses: { ...noContent, ...problemResponses(400, 401, 403, 429) },
});
registerRoute({
  method: 'post', path: '/api/me/verifications', tags: ['accounts'], summary: 'Start a stronger verification (SMS or identity provider)',
  security: signedInWrite, request: { body: json(StartVerificationBodySchema) },
  responses: { 201: jsonResponse('The challenge', StartVerificationResponseSchema), ...problemResponses(400, 401, 403, 429) },
});
registerRoute({
  method: 'post', path: '/api/me/verifications/{provider}/complete', tags: ['accounts'], summary: 'Complete a stronger verification',
  security: signedInWrite,
  request: { params: z.object({ provider: VerificationProviderIdSchema }), body: json(CompleteVerificationBodySchema) },
  responses: { 200: jsonResponse('The account at its new level', MeSchema), ...problemResponses(400, 401, 403, 409, 429) },
});

// votes
registerRoute({
  method: 'put', path: '/api/scrutins/{uid}/my-vote', tags: ['votes'], summary: 'Cast or change my vote on a scrutin',
  security: signedInWrite, request: { params: uidParams, body: json(PutMyVoteBodySchema) },
  responses: { 200: jsonResponse('The recorded vote and its receipt', PutMyVoteResponseSchema), ...problemResponses(400, 401, 403, 404, 409, 429) },
});
registerRoute({
  method: 'get', path: '/api/scrutins/{uid}/my-vote', tags: ['votes'], summary: 'My vote on a scrutin', security: signedIn,
  request: { params: uidParams },
  responses: { 200: jsonResponse('My vote (null if none) and the vote window', GetMyVoteResponseSchema), ...problemResponses(400, 401, 404) },
});
registerRoute({
  method: 'get', path: '/api/me/votes', tags: ['votes'], summary: 'All my votes with their receipts', security: signedIn,
  responses: { 200: jsonResponse('My votes', MyVotesResponseSchema), ...problemResponses(401) },
});
registerRoute({
  method: 'get', path: '/api/scrutins/{uid}/tally', tags: ['votes'], summary: "The citizens' tally of a scrutin, in every scope",
  request: { params: uidParams },
  responses: { 200: jsonResponse('The tally', TallySchema), ...problemResponses(400, 404) },
});
registerRoute({
  method: 'get', path: '/api/scrutins/{uid}/log', tags: ['votes'], summary: 'The public hash-chained vote log of a scrutin',
  request: { params: uidParams, query: LogQuerySchema },
  responses: { 200: jsonResponse('Log entries after `after`', ScrutinLogSchema), ...problemResponses(400, 404) },
});
registerRoute({
  method: 'get', path: '/api/scrutins/{uid}/log/receipts/{receipt}', tags: ['votes'], summary: 'Check that a receipt is in the log',
  request: { params: z.object({ uid: ScrutinUidParamSchema, receipt: HashHexSchema }) },
  responses: { 200: jsonResponse('Whether the receipt was found, and superseded', ReceiptCheckResponseSchema), ...problemResponses(400, 404) },
});

// moderation (administrators)
registerRoute({
  method: 'get', path: '/api/admin/flags', tags: ['moderation'], summary: 'Flags raised by the burst detector', security: signedIn,
  request: { query: FlagListQuerySchema },
  responses: { 200: jsonResponse('One page of flags', FlagListResponseSchema), ...problemResponses(400, 401, 403) },
});
registerRoute({
  method: 'post', path: '/api/admin/flags/{id}/review', tags: ['moderation'], summary: 'Clear or confirm a flag', security: signedInWrite,
  request: { params: z.object({ id: FlagIdParamSchema }), body: json(ReviewFlagBodySchema) },
  responses: { 200: jsonResponse('The reviewed flag', FlagSchema), ...problemResponses(400, 401, 403, 404, 409) },
});
registerRoute({
  method: 'post', path: '/api/admin/detector/run', tags: ['moderation'], summary: 'Run the burst detector now', security: signedInWrite,
  responses: { 200: jsonResponse('What the run flagged', DetectorRunResponseSchema), ...problemResponses(401, 403) },
});
registerRoute({
  method: 'put', path: '/api/admin/scrutins/{uid}/window', tags: ['moderation'], summary: 'Open, move or close the vote window of a scrutin',
  security: signedInWrite, request: { params: uidParams, body: json(VoteWindowBodySchema) },
  responses: { 200: jsonResponse('The vote window', VoteWindowSchema), ...problemResponses(400, 401, 403, 404) },
});
