import express, { type Router } from 'express';
import { AgreementQuerySchema, AgreementResponseSchema, DifferencesQuerySchema, DifferencesResponseSchema, MyDeputyQuerySchema, MyDeputyResponseSchema,
  DeputyVotesQuerySchema, DeputyVotesResponseSchema, MyConstituencyBodySchema, MyConstituencySchema,
  AgreementShareSchema, ShareTokenParamsSchema } from '@parallele/core';
import type { AppDeps } from '../../deps';
import { sendJson, validate } from '../../errors';
import { jsonResponse, problemResponses, registerRoute } from '../../openapi';
import { citizenOf, readCookies } from '../../http';
import { AGREEMENT_RULES } from './service';
import { findDeputies } from './seats';
import { deputyVotes, myConstituency, setMyConstituency } from './deputy-votes';
import { createShare, resolveShare, withdrawShares } from './shares';

registerRoute({
  method: 'get', path: '/api/me/agreement', tags: ['agreement'],
  summary: 'Qui vote comme moi ? My agreement with each deputy and group over the scrutins we both voted on (private to me)',
  description: AGREEMENT_RULES,
  request: { query: AgreementQuerySchema },
  responses: { 200: jsonResponse('Agreement scores', AgreementResponseSchema), ...problemResponses(400, 401) },
});
registerRoute({
  method: 'get', path: '/api/me/agreement/differences', tags: ['agreement'], summary: 'The scrutins where a deputy or group voted differently from me',
  request: { query: DifferencesQuerySchema },
  responses: { 200: jsonResponse('Differences', DifferencesResponseSchema), ...problemResponses(400, 401) },
});

registerRoute({
  method: 'get', path: '/api/my-deputy', tags: ['agreement'],
  summary: 'Mon député·e: the deputies of a constituency (département + circonscription, from the acteurs’ mandates), or found by name',
  request: { query: MyDeputyQuerySchema },
  responses: { 200: jsonResponse('Deputies', MyDeputyResponseSchema), ...problemResponses(400) },
});

registerRoute({
  method: 'get', path: '/api/my-deputy/votes', tags: ['agreement'],
  summary: "A deputy's latest votes, mine beside them (signed in), and the split of the citizens of their constituency (from 5 votes)",
  request: { query: DeputyVotesQuerySchema },
  responses: { 200: jsonResponse('Votes', DeputyVotesResponseSchema), ...problemResponses(400) },
});
registerRoute({
  method: 'get', path: '/api/me/constituency', tags: ['agreement'], summary: 'My circonscription, if I told it (optional)',
  responses: { 200: jsonResponse('My constituency or null', MyConstituencySchema), ...problemResponses(401) },
});
registerRoute({
  method: 'put', path: '/api/me/constituency', tags: ['agreement'],
  summary: 'Tell my circonscription (optional: used only aggregated, for the split of its citizens)',
  request: { body: { content: { 'application/json': { schema: MyConstituencyBodySchema } } } },
  responses: { 200: jsonResponse('My constituency', MyConstituencySchema), ...problemResponses(400, 401, 403) },
});
registerRoute({
  method: 'delete', path: '/api/me/constituency', tags: ['agreement'], summary: 'Forget my circonscription',
  responses: { 200: jsonResponse('null', MyConstituencySchema), ...problemResponses(401, 403) },
});

registerRoute({
  method: 'post', path: '/api/me/agreement/share', tags: ['agreement'], summary: 'Share my comparison: a link anyone can open, until I withdraw it',
  request: { query: AgreementQuerySchema },
  responses: { 201: jsonResponse('The share link', AgreementShareSchema), ...problemResponses(400, 401, 403) },
});
registerRoute({
  method: 'delete', path: '/api/me/agreement/share', tags: ['agreement'], summary: 'Withdraw every share link of my comparison',
  responses: { 204: { description: 'Withdrawn' }, ...problemResponses(401, 403) },
});
registerRoute({
  method: 'get', path: '/api/agreement/shared/{token}', tags: ['agreement'], summary: 'A comparison its author chose to share (scores only, no e-mail, no vote list)',
  request: { params: ShareTokenParamsSchema },
  responses: { 200: jsonResponse('Agreement scores', AgreementResponseSchema), ...problemResponses(400, 404) },
});

export function agreementRoutes(deps: Pick<AppDeps, 'db' | 'now' | 'platform' | 'http'>): Router {
  const router = express.Router();
  router.get('/my-deputy', async (req, res) => {
    sendJson(res, MyDeputyResponseSchema, await findDeputies(deps.db, validate(req, 'query', MyDeputyQuerySchema)));
  });
  const { http } = deps;
  const signedIn = [readCookies, http.session, http.requireCitizen];
  router.get('/my-deputy/votes', readCookies, http.session, async (req, res) => {
    const q = validate(req, 'query', DeputyVotesQuerySchema);
    const citizen = res.locals.citizen as { citizenId: number } | undefined;
    sendJson(res, DeputyVotesResponseSchema, await deputyVotes(deps.db, q.ref, q.legislature, q.limit, citizen?.citizenId ?? null));
  });
  router.post('/me/agreement/share', ...signedIn, http.csrf, async (req, res) => {
    const q = validate(req, 'query', AgreementQuerySchema);
    sendJson(res, AgreementShareSchema, await createShare(deps.db, citizenOf(res).citizenId, q.legislature, deps.now().getTime()), 201);
  });
  router.delete('/me/agreement/share', ...signedIn, http.csrf, async (_req, res) => {
    await withdrawShares(deps.db, citizenOf(res).citizenId);
    res.status(204).end();
  });
  router.get('/agreement/shared/:token', async (req, res) => {
    const { token } = validate(req, 'params', ShareTokenParamsSchema);
    const share = await resolveShare(deps.db, token);
    sendJson(res, AgreementResponseSchema, await deps.platform.agreement.forCitizen(share.citizenId, share.legislature, 10));
  });
  router.get('/me/constituency', ...signedIn, async (_req, res) => {
    sendJson(res, MyConstituencySchema, await myConstituency(deps.db, citizenOf(res).citizenId));
  });
  router.put('/me/constituency', ...signedIn, http.csrf, async (req, res) => {
    const body = validate(req, 'body', MyConstituencyBodySchema);
    sendJson(res, MyConstituencySchema, await setMyConstituency(deps.db, citizenOf(res).citizenId, body, deps.now().getTime()));
  });
  router.delete('/me/constituency', ...signedIn, http.csrf, async (_req, res) => {
    sendJson(res, MyConstituencySchema, await setMyConstituency(deps.db, citizenOf(res).citizenId, null, deps.now().getTime()));
  });
  router.get('/me/agreement', ...signedIn, async (req, res) => {
    const q = validate(req, 'query', AgreementQuerySchema);
    sendJson(res, AgreementResponseSchema, await deps.platform.agreement.forCitizen(citizenOf(res).citizenId, q.legislature, q.minCompared));
  });
  router.get('/me/agreement/differences', ...signedIn, async (req, res) => {
    const q = validate(req, 'query', DifferencesQuerySchema);
    sendJson(res, DifferencesResponseSchema, await deps.platform.agreement.differences(citizenOf(res).citizenId, q.legislature, q.with));
  });
  return router;
}
