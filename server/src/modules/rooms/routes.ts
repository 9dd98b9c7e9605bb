import express, { type Request, type Response, type Router } from 'express';
import {
  CreateRoomBodySchema, CreateRoomResponseSchema, JoinRoomBodySchema, JoinRoomResponseSchema, PackListResponseSchema,
  RoomActionSchema, RoomCodeParamsSchema, RoomQuestionParamsSchema, RoomViewQuerySchema, RoomViewSchema, VoteBodySchema,
} from '@parallele/core';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { AppError, validate } from '../../errors';
import { jsonResponse, problemResponses, registerRoute } from '../../openapi';
import { requestLanguage, toRoomProblem } from './problems';
import { roomCsv, roomReportHtml } from './report';
import { roomsOf } from './rooms';

const auth = { headers: z.object({ authorization: z.string().optional().describe('Bearer f_… (facilitator key) or Bearer p_… (participant token)') }) };
const tags = ['rooms'];
const withCode = { params: RoomCodeParamsSchema, ...auth };
registerRoute({ method: 'get', path: '/api/rooms/packs', tags, summary: 'The shipped question packs (data/packs/*.yaml)', responses: { 200: jsonResponse('Packs', PackListResponseSchema) } });
registerRoute({ method: 'post', path: '/api/rooms', tags, summary: 'Create a room from a deck (pack questions, scrutins, election rounds, custom questions): returns the join code and the secret facilitator link', request: { body: { content: { 'application/json': { schema: CreateRoomBodySchema } } } }, responses: { 201: jsonResponse('The room', CreateRoomResponseSchema), ...problemResponses(400, 429) } });
registerRoute({ method: 'get', path: '/api/rooms/{code}', tags, summary: 'The room as this viewer may see it: facilitator (its key), participant (its token), projector (no token) or recap (?recap=)', request: { ...withCode, query: RoomViewQuerySchema }, responses: { 200: jsonResponse('The view', RoomViewSchema), ...problemResponses(400, 403, 404, 410, 429) } });
registerRoute({ method: 'delete', path: '/api/rooms/{code}', tags, summary: 'Close and delete the room with all its data (facilitator)', request: withCode, responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 403, 404) } });
registerRoute({ method: 'post', path: '/api/rooms/{code}/participants', tags, summary: 'Join with a pseudonym: returns the participant token (keep it on the device)', request: { params: RoomCodeParamsSchema, body: { content: { 'application/json': { schema: JoinRoomBodySchema } } } }, responses: { 201: jsonResponse('Joined', JoinRoomResponseSchema), ...problemResponses(400, 404, 409, 410, 429) } });
registerRoute({ method: 'post', path: '/api/rooms/{code}/participants/me', tags, summary: 'Come back with the participant token (same identity, same ballots)', request: withCode, responses: { 200: jsonResponse('The participant view', RoomViewSchema), ...problemResponses(401, 403, 404, 410) } });
registerRoute({ method: 'delete', path: '/api/rooms/{code}/participants/me', tags, summary: 'Leave the room (the token can rejoin)', request: withCode, responses: { 204: { description: 'Left' }, ...problemResponses(401, 403, 404, 409) } });
registerRoute({ method: 'put', path: '/api/rooms/{code}/questions/{i}/vote', tags, summary: 'A participant’s ballot (and prediction) on the current question, during the vote phase', request: { params: z.object({ code: z.string().describe('the join code'), i: z.string().regex(/^\d+$/).describe('the question index, from 0') }), ...auth, body: { content: { 'application/json': { schema: VoteBodySchema } } } }, responses: { 200: jsonResponse('The participant view', RoomViewSchema), ...problemResponses(400, 401, 403, 404, 409, 410, 429) } });
registerRoute({ method: 'post', path: '/api/rooms/{code}/actions', tags, summary: 'A facilitator action: advance, reveal, setTimer, setK, kick, setTeams, close', request: { ...withCode, body: { content: { 'application/json': { schema: RoomActionSchema } } } }, responses: { 200: jsonResponse('The facilitator view', RoomViewSchema), ...problemResponses(400, 401, 403, 404, 409, 410, 429) } });
registerRoute({ method: 'get', path: '/api/rooms/{code}/export.csv', tags, summary: 'The results per question, anonymous (facilitator or ?recap=)', request: { ...withCode, query: RoomViewQuerySchema }, responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...problemResponses(401, 403, 404) } });
registerRoute({ method: 'get', path: '/api/rooms/{code}/report.html', tags, summary: 'A one-page report with the hemicycles as SVG (facilitator or ?recap=)', request: { ...withCode, query: RoomViewQuerySchema }, responses: { 200: { description: 'HTML', content: { 'text/html': { schema: z.string() } } }, ...problemResponses(401, 403, 404) } });

const bearer = (req: Request) => /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];

/** Runs a handler, turning core's RoomErrors into problems in the request's language. */
const handle = (fn: (req: Request, res: Response) => void) => (req: Request, res: Response) => {
  try {
    fn(req, res);
  } catch (error) {
    const lang = requestLanguage(req);
    if (error instanceof AppError && error.code === 'invalid_request') {
      const fr = `Requête invalide : ${error.detail.replace(/^Invalid \w+: /, '')}`;
      throw new AppError(error.code, lang === 'fr' ? fr : error.detail, { status: 400, title: error.title, extras: { ...error.extras, messages: { fr, en: error.detail } } });
    }
    throw toRoomProblem(error, lang);
  }
};

export function roomsRoutes(deps: AppDeps): Router {
  const { service, limits } = roomsOf(deps);
  const router = express.Router();
  router.use('/rooms', limits.perIp);
  router.get('/rooms/packs', (_req, res) => res.json({ packs: service.catalogue.packs }));
  router.post('/rooms', limits.joinsPerIp, handle((req, res) => res.status(201).json(service.create(validate(req, 'body', CreateRoomBodySchema)))));
  router.get('/rooms/:code', handle((req, res) => {
    const { code } = validate(req, 'params', RoomCodeParamsSchema);
    res.set('cache-control', 'no-store').json(service.view(code, bearer(req), validate(req, 'query', RoomViewQuerySchema).recap));
  }));
  router.delete('/rooms/:code', limits.perToken, handle((req, res) => {
    service.remove(validate(req, 'params', RoomCodeParamsSchema).code, bearer(req));
    res.status(204).end();
  }));
  router.post('/rooms/:code/participants', limits.joinsPerIp, handle((req, res) => {
    const { code } = validate(req, 'params', RoomCodeParamsSchema);
    res.status(201).json(service.join(code, validate(req, 'body', JoinRoomBodySchema).pseudonym));
  }));
  router.post('/rooms/:code/participants/me', limits.perToken, handle((req, res) => res.json(service.rejoin(validate(req, 'params', RoomCodeParamsSchema).code, bearer(req)))));
  router.delete('/rooms/:code/participants/me', limits.perToken, handle((req, res) => {
    service.leave(validate(req, 'params', RoomCodeParamsSchema).code, bearer(req));
    res.status(204).end();
  }));
  router.put('/rooms/:code/questions/:i/vote', limits.perToken, handle((req, res) => {
    const { code, i } = validate(req, 'params', RoomQuestionParamsSchema);
    res.json(service.vote(code, bearer(req), i, validate(req, 'body', VoteBodySchema)));
  }));
  router.post('/rooms/:code/actions', limits.perToken, handle((req, res) => {
    const { code } = validate(req, 'params', RoomCodeParamsSchema);
    res.json(service.action(code, bearer(req), validate(req, 'body', RoomActionSchema)));
  }));
  router.get('/rooms/:code/export.csv', handle((req, res) => {
    const { code } = validate(req, 'params', RoomCodeParamsSchema);
    const state = service.state(code, bearer(req), validate(req, 'query', RoomViewQuerySchema).recap);
    res.type('text/csv; charset=utf-8').attachment(`salle-${code}.csv`).send(roomCsv(state));
  }));
  router.get('/rooms/:code/report.html', handle((req, res) => {
    const { code } = validate(req, 'params', RoomCodeParamsSchema);
    const state = service.state(code, bearer(req), validate(req, 'query', RoomViewQuerySchema).recap);
    res.type('text/html; charset=utf-8').set('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:").send(roomReportHtml(state, requestLanguage(req)));
  }));
  return router;
}
