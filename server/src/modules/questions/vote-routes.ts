import express, { type Router } from 'express';
import {
  GetMyVoteResponseSchema, HashHexSchema, LogQuerySchema, PutMyVoteBodySchema, PutMyVoteResponseSchema, QuestionParamsSchema,
  ReceiptCheckResponseSchema, ScrutinLogSchema, TallySchema,
} from '@parallele/core';
import type { AppDeps } from '../../deps';
import { sendJson, validate } from '../../errors';
import { citizenOf, readCookies } from '../../http';
import { jsonBody, jsonResponse, problemResponses, registerRoute, signedIn, signedInWrite } from '../../openapi';

/**
 * A question's own voting endpoints. The votes are the votes module's (one person one vote,
 * levels, hash-chained log, receipts: the same contracts as a scrutin's), keyed by the question id;
 * what differs is the wording: a question closes when its sitting starts (409 question_closed).
 */
const params = QuestionParamsSchema;
registerRoute({
  method: 'put', path: '/api/questions/{id}/vote', tags: ['questions'], summary: 'Cast or change my vote on a platform question, before the deputies vote',
  security: signedInWrite, request: { params, body: jsonBody(PutMyVoteBodySchema) },
  // 409 question_closed: the sitting started (reason sitting-started, or replay-sitting-started on a replayed agenda), the closing time passed, or the deputies voted
  responses: { 200: jsonResponse('The recorded vote and its receipt', PutMyVoteResponseSchema), ...problemResponses(400, 401, 403, 404, 409, 429) },
});
registerRoute({
  method: 'get', path: '/api/questions/{id}/vote', tags: ['questions'], summary: 'My vote on a platform question', security: signedIn,
  request: { params }, responses: { 200: jsonResponse('My vote (null if none) and the window', GetMyVoteResponseSchema), ...problemResponses(400, 401, 404) },
});
registerRoute({
  method: 'get', path: '/api/questions/{id}/tally', tags: ['questions'], summary: "The citizens' tally of a question, in every scope",
  request: { params }, responses: { 200: jsonResponse('The tally', TallySchema), ...problemResponses(400, 404) },
});
registerRoute({
  method: 'get', path: '/api/questions/{id}/log', tags: ['questions'], summary: 'The public hash-chained vote log of a question',
  request: { params, query: LogQuerySchema }, responses: { 200: jsonResponse('Log entries after `after`', ScrutinLogSchema), ...problemResponses(400, 404) },
});
registerRoute({
  method: 'get', path: '/api/questions/{id}/log/receipts/{receipt}', tags: ['questions'], summary: 'Check that a receipt is in the log of a question',
  request: { params: params.extend({ receipt: HashHexSchema }) },
  responses: { 200: jsonResponse('Whether the receipt was found, and superseded', ReceiptCheckResponseSchema), ...problemResponses(400, 404) },
});

export function questionVoteRoutes(deps: Pick<AppDeps, 'platform' | 'http'>): Router {
  const router = express.Router();
  const { http } = deps;
  const ballots = deps.platform.questions.votes;
  const signed = [readCookies, http.session, http.requireCitizen];
  const idOf = (req: express.Request) => validate(req, 'params', params).id;

  router.put('/questions/:id/vote', http.limits.votesPerIp, ...signed, http.csrf, http.limits.votesPerAccount, async (req, res) => {
    const id = idOf(req);
    const body = validate(req, 'body', PutMyVoteBodySchema);
    sendJson(res, PutMyVoteResponseSchema, await ballots.cast(citizenOf(res), id, body.choice, req.ip ?? null));
  });
  router.get('/questions/:id/vote', ...signed, async (req, res) => {
    sendJson(res, GetMyVoteResponseSchema, await ballots.mine(citizenOf(res).citizenId, idOf(req)));
  });
  router.get('/questions/:id/tally', async (req, res) => {
    sendJson(res, TallySchema, await ballots.tally(idOf(req)));
  });
  router.get('/questions/:id/log', async (req, res) => {
    const q = validate(req, 'query', LogQuerySchema);
    sendJson(res, ScrutinLogSchema, await ballots.log(idOf(req), q.after, q.limit));
  });
  router.get('/questions/:id/log/receipts/:receipt', async (req, res) => {
    const { id, receipt } = validate(req, 'params', params.extend({ receipt: HashHexSchema }));
    sendJson(res, ReceiptCheckResponseSchema, await ballots.checkReceipt(id, receipt));
  });
  return router;
}
