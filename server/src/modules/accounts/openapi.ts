import { z } from 'zod';
import {
  SessionStateSchema,
  AcceptedResponseSchema, CompleteVerificationBodySchema, CsrfResponseSchema, DeleteAccountBodySchema, LinkTokenSchema, LoginBodySchema, MeSchema, PasswordResetConfirmBodySchema, PasswordResetRequestBodySchema, RegisterBodySchema, SessionResponseSchema, StartVerificationBodySchema, StartVerificationResponseSchema, VerificationProviderIdSchema, VerifyEmailBodySchema,
} from '@parallele/core';
import { anonymousWrite, jsonBody, jsonResponse, noContent, problemResponses, registerRoute, signedIn, signedInWrite } from '../../openapi';

/** OpenAPI paths of the accounts routes (routes.ts imports this file), from their contracts in core/src/contracts. */

const accepted = { 202: jsonResponse('Accepted (the same answer whether or not the account exists)', AcceptedResponseSchema) };

registerRoute({
  method: 'get', path: '/api/auth/csrf', tags: ['accounts'], summary: 'A CSRF token (also set as a cookie)',
  responses: { 200: jsonResponse('The token to send back in the x-csrf-token header', CsrfResponseSchema) },
});
registerRoute({
  method: 'post', path: '/api/auth/register', tags: ['accounts'], summary: 'Create an account; a code and a link are mailed',
  security: anonymousWrite, request: { body: jsonBody(RegisterBodySchema) },
  responses: { ...accepted, ...problemResponses(400, 403, 429) },
});
registerRoute({
  method: 'post', path: '/api/auth/verify-email', tags: ['accounts'], summary: 'Verify the address with the mailed code or link token',
  security: anonymousWrite, request: { body: jsonBody(VerifyEmailBodySchema) },
  responses: { 200: jsonResponse('The verified account', MeSchema), ...problemResponses(400, 403, 429) },
});
registerRoute({
  method: 'get', path: '/api/auth/verify-email', tags: ['accounts'], summary: 'The mailed link: verifies, then redirects to the app',
  request: { query: z.object({ token: LinkTokenSchema }) },
  responses: {
    303: { description: 'Redirect to /?emailVerification=ok|invalid' },
    // Opened from a mail: past its per-IP limit the link answers a page, not JSON (issue 10, point 7).
    429: { description: 'Too many links opened from this network: an HTML page saying when to retry (Retry-After)', content: { 'text/html': { schema: z.string() } } },
  },
});
registerRoute({
  method: 'post', path: '/api/auth/login', tags: ['accounts'], summary: 'Sign in: sets the session cookie',
  security: anonymousWrite, request: { body: jsonBody(LoginBodySchema) },
  // 429: per IP over every auth action, and failed logins per IP and per address (http/auth-limits.ts).
  responses: { 200: jsonResponse('The account and a CSRF token bound to the session', SessionResponseSchema), ...problemResponses(400, 401, 403, 429) },
});
registerRoute({
  method: 'post', path: '/api/auth/logout', tags: ['accounts'], summary: 'Sign out', security: anonymousWrite,
  responses: { ...noContent, ...problemResponses(403) },
});
registerRoute({
  method: 'get', path: '/api/auth/session', tags: ['accounts'], summary: 'Who is signed in: `me`, or null for an anonymous visitor',
  responses: { 200: jsonResponse('The session state', SessionStateSchema) },
});
registerRoute({
  method: 'get', path: '/api/auth/me', tags: ['accounts'], summary: 'The signed-in account', security: signedIn,
  responses: { 200: jsonResponse('The account', MeSchema), ...problemResponses(401) },
});
registerRoute({
  method: 'post', path: '/api/auth/password-reset/request', tags: ['accounts'], summary: 'Mail a password-reset code and link',
  security: anonymousWrite, request: { body: jsonBody(PasswordResetRequestBodySchema) },
  responses: { ...accepted, ...problemResponses(400, 403, 429) },
});
registerRoute({
  method: 'post', path: '/api/auth/password-reset/confirm', tags: ['accounts'], summary: 'Set a new password with the mailed code or token',
  security: anonymousWrite, request: { body: jsonBody(PasswordResetConfirmBodySchema) },
  responses: { ...noContent, ...problemResponses(400, 403, 429) },
});
registerRoute({
  method: 'delete', path: '/api/me', tags: ['accounts'], summary: 'Delete the account (its votes stay counted, unlinked)',
  security: signedInWrite, request: { body: jsonBody(DeleteAccountBodySchema) },
  responses: { ...noContent, ...problemResponses(400, 401, 403, 429) },
});
registerRoute({
  method: 'post', path: '/api/me/verifications', tags: ['accounts'], summary: 'Start a stronger verification (SMS or identity provider)',
  security: signedInWrite, request: { body: jsonBody(StartVerificationBodySchema) },
  responses: { 201: jsonResponse('The challenge', StartVerificationResponseSchema), ...problemResponses(400, 401, 403, 429, 501) },
});
registerRoute({
  method: 'post', path: '/api/me/verifications/{provider}/complete', tags: ['accounts'], summary: 'Complete a stronger verification',
  security: signedInWrite,
  request: { params: z.object({ provider: VerificationProviderIdSchema }), body: jsonBody(CompleteVerificationBodySchema) },
  // 409: the proof verifies another account, or a deleted account whose votes overlap this one's (one person, one vote).
  responses: { 200: jsonResponse('The account at its new level', MeSchema), ...problemResponses(400, 401, 403, 409, 429, 501) },
});
