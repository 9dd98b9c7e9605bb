import express, { type Router } from 'express';
import { AlertSubscriptionsSchema, UnsubscribeQuerySchema, UnsubscribeResponseSchema } from '@parallele/core';
import type { AppDeps } from '../../deps';
import { sendJson, validate } from '../../errors';
import { jsonResponse, problemResponses, registerRoute } from '../../openapi';
import { citizenOf, readCookies } from '../../http';

registerRoute({
  method: 'get', path: '/api/me/alerts', tags: ['alerts'], summary: 'My alert subscriptions',
  responses: { 200: jsonResponse('Subscriptions', AlertSubscriptionsSchema), ...problemResponses(401) },
});
registerRoute({
  method: 'put', path: '/api/me/alerts', tags: ['alerts'], summary: 'Subscribe to all solemn votes, to texts, or to nothing',
  request: { body: { content: { 'application/json': { schema: AlertSubscriptionsSchema } } } },
  responses: { 200: jsonResponse('Subscriptions', AlertSubscriptionsSchema), ...problemResponses(400, 401, 403) },
});
for (const method of ['get', 'post'] as const) {
  registerRoute({
    method, path: '/api/alerts/unsubscribe', tags: ['alerts'],
    summary: method === 'post' ? 'One-click unsubscribe (RFC 8058: List-Unsubscribe-Post)' : 'Unsubscribe from every alert (the link of the mails)',
    request: { query: UnsubscribeQuerySchema },
    responses: { 200: jsonResponse('Unsubscribed', UnsubscribeResponseSchema), ...problemResponses(400) },
  });
}

export function alertsRoutes(deps: Pick<AppDeps, 'platform' | 'http'>): Router {
  const router = express.Router();
  const { http } = deps;
  const { alerts } = deps.platform;
  const signedIn = [readCookies, http.session, http.requireCitizen];

  router.get('/me/alerts', ...signedIn, async (_req, res) => {
    sendJson(res, AlertSubscriptionsSchema, await alerts.subscriptions(citizenOf(res).citizenId));
  });
  router.put('/me/alerts', ...signedIn, http.csrf, async (req, res) => {
    sendJson(res, AlertSubscriptionsSchema, await alerts.subscribe(citizenOf(res).citizenId, validate(req, 'body', AlertSubscriptionsSchema)));
  });
  // No session, no CSRF: the signed token is the authority, and mail clients POST it cross-site.
  const unsubscribe: express.RequestHandler = async (req, res) => {
    await alerts.unsubscribe(validate(req, 'query', UnsubscribeQuerySchema).token);
    sendJson(res, UnsubscribeResponseSchema, { unsubscribed: true });
  };
  router.get('/alerts/unsubscribe', unsubscribe);
  router.post('/alerts/unsubscribe', express.urlencoded({ extended: false, limit: '1kb' }), unsubscribe);
  return router;
}
