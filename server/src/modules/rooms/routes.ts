import express, { type Request, type Response, type Router } from 'express';
import {
  ChooseTeamBodySchema, CreateRoomBodySchema, FacilitatorKeyResponseSchema, JoinRoomBodySchema, MyRoomsResponseSchema, RoomScenarioListResponseSchema, RoomActionSchema, RoomCodeParamsSchema, RoomQuestionParamsSchema, RoomViewQuerySchema, VoteBodySchema,
} from '@parallele/core';
import type { AppDeps } from '../../deps';
import { AppError, sendJson, validate } from '../../errors';
import { citizenOf, readCookies } from '../../http';
import './openapi';
import { requestLanguage, toRoomProblem } from './problems';
import { roomCsv, roomReportHtml } from './report';

const bearer = (req: Request) => /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];

/** Runs a handler, turning core's RoomErrors into problems in the request's language. */
const handle = (fn: (req: Request, res: Response) => void | Promise<void>) => async (req: Request, res: Response) => {
  try {
    await fn(req, res);
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
  const { service, limits } = deps.rooms;
  const { http } = deps;
  const router = express.Router();
  router.use('/rooms', limits.perIp);
  router.get('/rooms/packs', (_req, res) => res.json({ packs: service.catalogue.packs }));
  router.get('/rooms/scenarios', (_req, res, next) => {
    service.scenarios().then((scenarios) => sendJson(res, RoomScenarioListResponseSchema, { scenarios }), next);
  });
  // Anonymous creation stays open; a signed-in creator becomes the room's owner, and then the
  // write is CSRF-checked like every other cookie-authenticated write.
  const ownerIfSignedIn = [readCookies, http.session, ((req, res, next) => (res.locals.citizen ? http.csrf(req, res, next) : next())) as express.RequestHandler];
  router.post('/rooms', limits.joinsPerIp, ...ownerIfSignedIn, handle(async (req, res) => {
    const owner = res.locals.citizen ? citizenOf(res).citizenId : null;
    res.status(201).json(await service.create(validate(req, 'body', CreateRoomBodySchema), owner));
  }));
  const signedIn = [readCookies, http.session, http.requireCitizen];
  router.get('/me/rooms', limits.perIp, ...signedIn, async (_req, res) => {
    res.set('cache-control', 'no-store');
    sendJson(res, MyRoomsResponseSchema, { rooms: await service.ownedBy(citizenOf(res).citizenId) });
  });
  router.post('/me/rooms/:code/facilitator-key', limits.perIp, ...signedIn, http.csrf, handle(async (req, res) => {
    const { code } = validate(req, 'params', RoomCodeParamsSchema);
    res.set('cache-control', 'no-store');
    sendJson(res, FacilitatorKeyResponseSchema, await service.reissueFacilitatorKey(code, citizenOf(res).citizenId));
  }));
  router.get('/rooms/:code', handle(async (req, res) => {
    const { code } = validate(req, 'params', RoomCodeParamsSchema);
    res.set('cache-control', 'no-store').json(await service.view(code, bearer(req), validate(req, 'query', RoomViewQuerySchema).recap));
  }));
  router.delete('/rooms/:code', limits.perToken, handle(async (req, res) => {
    await service.remove(validate(req, 'params', RoomCodeParamsSchema).code, bearer(req));
    res.status(204).end();
  }));
  router.post('/rooms/:code/participants', limits.joinsPerIp, handle(async (req, res) => {
    const { code } = validate(req, 'params', RoomCodeParamsSchema);
    res.status(201).json(await service.join(code, validate(req, 'body', JoinRoomBodySchema).pseudonym));
  }));
  router.post('/rooms/:code/participants/me', limits.perToken, handle(async (req, res) => {
    res.json(await service.rejoin(validate(req, 'params', RoomCodeParamsSchema).code, bearer(req)));
  }));
  router.delete('/rooms/:code/participants/me', limits.perToken, handle(async (req, res) => {
    await service.leave(validate(req, 'params', RoomCodeParamsSchema).code, bearer(req));
    res.status(204).end();
  }));
  router.put('/rooms/:code/participants/me/team', limits.perToken, handle(async (req, res) => {
    const { code } = validate(req, 'params', RoomCodeParamsSchema);
    res.json(await service.chooseTeam(code, bearer(req), validate(req, 'body', ChooseTeamBodySchema).teamId));
  }));
  router.put('/rooms/:code/questions/:i/vote', limits.perToken, handle(async (req, res) => {
    const { code, i } = validate(req, 'params', RoomQuestionParamsSchema);
    res.json(await service.vote(code, bearer(req), i, validate(req, 'body', VoteBodySchema)));
  }));
  router.post('/rooms/:code/actions', limits.perToken, handle(async (req, res) => {
    const { code } = validate(req, 'params', RoomCodeParamsSchema);
    res.json(await service.action(code, bearer(req), validate(req, 'body', RoomActionSchema)));
  }));
  router.get('/rooms/:code/export.csv', handle(async (req, res) => {
    const { code } = validate(req, 'params', RoomCodeParamsSchema);
    const state = await service.state(code, bearer(req), validate(req, 'query', RoomViewQuerySchema).recap);
    res.type('text/csv; charset=utf-8').attachment(`salle-${code}.csv`).send(roomCsv(state));
  }));
  router.get('/rooms/:code/report.html', handle(async (req, res) => {
    const { code } = validate(req, 'params', RoomCodeParamsSchema);
    const state = await service.state(code, bearer(req), validate(req, 'query', RoomViewQuerySchema).recap);
    res.type('text/html; charset=utf-8').set('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:").send(roomReportHtml(state, requestLanguage(req)));
  }));
  return router;
}
