import express, { type Router } from 'express';
import {
  CreateQuestionBodySchema, LeverageParamsSchema, MandateQuerySchema, PlatformRecordSchema, QuestionParamsSchema, QuestionSchema,
  QuestionsResponseSchema, RecordQuerySchema, ScrutinMandateSchema, ScrutinUidParamsSchema,
} from '@parallele/core';
import type { AppDeps } from '../../deps';
import { sendJson, validate } from '../../errors';
import { jsonResponse, problemResponses, registerRoute } from '../../openapi';
import { readCookies } from '../../http';
import { platformRecord, recordCsv } from './record';

registerRoute({
  method: 'get', path: '/api/questions', tags: ['questions'],
  summary: "The platform's questions: upcoming texts put to citizens before the deputies vote, with their window, mandate and linked scrutins",
  description: 'Vote on a question with PUT /api/scrutins/{questionId}/my-vote; its tally, log and receipts are at the same paths as a scrutin\'s.',
  responses: { 200: jsonResponse('Questions', QuestionsResponseSchema) },
});
registerRoute({
  method: 'get', path: '/api/questions/{id}', tags: ['questions'], summary: 'One platform question',
  request: { params: QuestionParamsSchema },
  responses: { 200: jsonResponse('The question', QuestionSchema), ...problemResponses(400, 404) },
});
registerRoute({
  method: 'post', path: '/api/admin/questions', tags: ['questions'],
  summary: 'Admin: put an upcoming text to citizens (optionally with its own closing time)',
  request: { body: { content: { 'application/json': { schema: CreateQuestionBodySchema } } } },
  responses: { 201: jsonResponse('The question', QuestionSchema), ...problemResponses(400, 401, 403, 422) },
});
registerRoute({
  method: 'get', path: '/api/scrutins/{uid}/mandate', tags: ['questions'],
  summary: 'What citizens had decided before this scrutin (the frozen mandate), how the link was made, and the parallel result with it',
  request: { params: ScrutinUidParamsSchema, query: MandateQuerySchema },
  responses: { 200: jsonResponse('The mandate, or nulls when no question is linked', ScrutinMandateSchema), ...problemResponses(400) },
});
registerRoute({
  method: 'get', path: '/api/legislatures/{n}/record', tags: ['questions'],
  summary: "The platform's record: every question, its mandate, the Assembly's outcome, what K deputies would have changed, the largest divergences",
  request: { params: LeverageParamsSchema, query: RecordQuerySchema },
  responses: { 200: jsonResponse('The record', PlatformRecordSchema), ...problemResponses(400) },
});
registerRoute({
  method: 'get', path: '/api/legislatures/{n}/record.csv', tags: ['questions'], summary: "The platform's record as CSV",
  request: { params: LeverageParamsSchema, query: RecordQuerySchema },
  responses: { 200: { description: 'CSV, one row per question', content: { 'text/csv': { schema: { type: 'string' } } } }, ...problemResponses(400) },
});

export function questionsRoutes(deps: Pick<AppDeps, 'db' | 'platform' | 'http'>): Router {
  const router = express.Router();
  const { questions } = deps.platform;

  router.get('/questions', async (_req, res) => {
    sendJson(res, QuestionsResponseSchema, { questions: await questions.list() });
  });
  router.get('/questions/:id', async (req, res) => {
    sendJson(res, QuestionSchema, await questions.get(validate(req, 'params', QuestionParamsSchema).id));
  });
  router.get('/scrutins/:uid/mandate', async (req, res) => {
    const { uid } = validate(req, 'params', ScrutinUidParamsSchema);
    sendJson(res, ScrutinMandateSchema, await questions.forScrutin(uid, validate(req, 'query', MandateQuerySchema).k));
  });
  router.get('/legislatures/:n/record', async (req, res) => {
    const { n } = validate(req, 'params', LeverageParamsSchema);
    const q = validate(req, 'query', RecordQuerySchema);
    sendJson(res, PlatformRecordSchema, await platformRecord(deps.db, questions, n, q.k, q.minVotes));
  });
  router.get('/legislatures/:n/record.csv', async (req, res) => {
    const { n } = validate(req, 'params', LeverageParamsSchema);
    const q = validate(req, 'query', RecordQuerySchema);
    res.type('text/csv; charset=utf-8').attachment(`mavoix-record-L${n}.csv`).send(recordCsv(await platformRecord(deps.db, questions, n, q.k, q.minVotes)));
  });

  const { http } = deps;
  router.post('/admin/questions', readCookies, http.session, http.requireAdmin, http.csrf, async (req, res) => {
    const body = validate(req, 'body', CreateQuestionBodySchema);
    sendJson(res, QuestionSchema, await questions.create(body.dossierRef, body.closesAt), 201);
  });
  return router;
}
