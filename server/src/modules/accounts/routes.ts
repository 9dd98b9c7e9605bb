import { Router } from 'express';
import {
  NextPathSchema,
  SessionStateSchema,
  AcceptedResponseSchema, CompleteVerificationBodySchema, CsrfResponseSchema, DeleteAccountBodySchema, LinkTokenSchema, LoginBodySchema,
  MeSchema, PasswordResetConfirmBodySchema, PasswordResetRequestBodySchema, RegisterBodySchema, SessionResponseSchema,
  StartVerificationBodySchema, StartVerificationResponseSchema, VerificationProviderIdSchema, VerifyEmailBodySchema,
} from '@parallele/core';
import { AppError, sendJson, validate } from '../../errors';
import type { AppDeps } from '../../deps';
// This module's OpenAPI paths.
import './openapi';
import { citizenOf, readCookies, sessionTokenOf } from '../../http';

/**
 * /api/auth/… and /api/me: register, verify, login/logout, reset, delete, stronger verification.
 * Every write goes through the CSRF check; register/login/verify/reset through their own limits (auth-limits.ts).
 */
export function accountsRoutes(deps: Pick<AppDeps, 'accounts' | 'http' | 'config'>): Router {
  const { accounts, http, config } = deps;
  const router = Router();
  const write = [readCookies, http.csrf];
  const signedIn = [readCookies, http.session, http.requireCitizen];
  const accepted = { status: 'accepted' as const };
  const ipOf = (ip: string | undefined) => ip ?? null;

  router.get('/auth/csrf', readCookies, (req, res) => {
    sendJson(res, CsrfResponseSchema, { csrfToken: http.issueCsrf(res, sessionTokenOf(req) ?? null) });
  });

  router.post('/auth/register', ...http.limits.register, ...write, async (req, res) => {
    const body = validate(req, 'body', RegisterBodySchema);
    // the mailed link: PUBLIC_URL when set; in development the host the citizen is using
    const origin = !config.PUBLIC_URL && config.NODE_ENV === 'development' ? `${req.protocol}://${req.get('host') ?? ''}` : undefined;
    await accounts.register(body, ipOf(req.ip), origin);
    sendJson(res, AcceptedResponseSchema, accepted, 202);
  });

  router.post('/auth/verify-email', ...http.limits.verify, ...write, async (req, res) => {
    const body = validate(req, 'body', VerifyEmailBodySchema);
    sendJson(res, MeSchema, await accounts.verifyEmail(body));
  });

  /** The mailed link: verifies, then lands on the app with the outcome in the query. */
  router.get('/auth/verify-email', http.limits.verifyLink, async (req, res) => {
    const token = LinkTokenSchema.safeParse(req.query.token);
    let outcome = 'ok';
    try {
      if (!token.success) throw AppError.badRequest('token: malformed', { param: 'token' });
      await accounts.verifyEmail({ token: token.data });
    } catch (error) {
      if (!(error instanceof AppError) || !error.operational) throw error;
      outcome = 'invalid';
    }
    const next = NextPathSchema.safeParse(req.query.next);
    res.redirect(303, `/?emailVerification=${outcome}${next.success ? `&next=${encodeURIComponent(next.data)}` : ''}`);
  });

  router.post('/auth/login', ...http.limits.login, ...write, async (req, res) => {
    const body = validate(req, 'body', LoginBodySchema);
    const session = await accounts.login(body.email, body.password);
    http.setSession(res, session.token, session.expiresAt);
    sendJson(res, SessionResponseSchema, { me: session.me, csrfToken: http.issueCsrf(res, session.token) });
  });

  router.post('/auth/logout', ...write, async (req, res) => {
    await accounts.logout(sessionTokenOf(req));
    http.clearSession(res);
    http.issueCsrf(res, null);
    res.status(204).end();
  });

  // the app asks on every page load: an anonymous visitor is an answer, not a 401
  router.get('/auth/session', readCookies, http.session, async (_req, res) => {
    const citizen = res.locals.citizen as { citizenId: number } | undefined;
    sendJson(res, SessionStateSchema, { me: citizen ? await accounts.me(citizen.citizenId) : null });
  });

  router.get('/auth/me', ...signedIn, async (_req, res) => {
    sendJson(res, MeSchema, await accounts.me(citizenOf(res).citizenId));
  });

  router.post('/auth/password-reset/request', ...http.limits.resetRequest, ...write, async (req, res) => {
    const body = validate(req, 'body', PasswordResetRequestBodySchema);
    await accounts.requestPasswordReset(body.email);
    sendJson(res, AcceptedResponseSchema, accepted, 202);
  });

  router.post('/auth/password-reset/confirm', ...http.limits.resetConfirm, ...write, async (req, res) => {
    const body = validate(req, 'body', PasswordResetConfirmBodySchema);
    await accounts.confirmPasswordReset(body);
    res.status(204).end();
  });

  router.delete('/me', ...http.limits.account, ...signedIn, http.csrf, async (req, res) => {
    const body = validate(req, 'body', DeleteAccountBodySchema);
    await accounts.deleteAccount(citizenOf(res).citizenId, body.password);
    http.clearSession(res);
    res.status(204).end();
  });

  router.post('/me/verifications', ...http.limits.account, ...signedIn, http.csrf, async (req, res) => {
    const body = validate(req, 'body', StartVerificationBodySchema);
    sendJson(res, StartVerificationResponseSchema, await accounts.startVerification(citizenOf(res).citizenId, body), 201);
  });

  router.post('/me/verifications/:provider/complete', ...http.limits.account, ...signedIn, http.csrf, async (req, res) => {
    const provider = VerificationProviderIdSchema.safeParse(req.params.provider);
    if (!provider.success) throw AppError.badRequest('provider: expected sms or oidc', { param: 'provider' });
    const body = validate(req, 'body', CompleteVerificationBodySchema);
    sendJson(res, MeSchema, await accounts.completeVerification(citizenOf(res).citizenId, provider.data, body));
  });

  return router;
}
