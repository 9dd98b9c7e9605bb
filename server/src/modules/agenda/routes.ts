import express, { type Router } from 'express';
import { UpcomingAgendaResponseSchema } from '@parallele/core';
import type { AppDeps } from '../../deps';
import { sendJson } from '../../errors';
import { jsonResponse, problemResponses, registerRoute } from '../../openapi';

registerRoute({
  method: 'get',
  path: '/api/agenda/upcoming',
  tags: ['agenda'],
  summary: "The Assemblée's upcoming sittings (confirmed séances and points after now) and the texts they will vote on",
  description:
    '"now" is the real clock, the AS_OF setting, or, when the stored agenda is older than the clock (the bundled data), the end of ' +
    'the day it was taken: `clock` says which, and `clock.asOfDate` is the date to label the page with.',
  responses: { 200: jsonResponse('The upcoming agenda', UpcomingAgendaResponseSchema), ...problemResponses(500) },
});

/** GET /api/agenda/upcoming */
export function agendaRoutes(deps: Pick<AppDeps, 'platform'>): Router {
  const router = express.Router();
  router.get('/agenda/upcoming', async (_req, res) => {
    const { platform } = deps;
    // questions opened for texts that just entered the agenda are listed with it
    await platform.questions.refresh();
    sendJson(res, UpcomingAgendaResponseSchema, await platform.agenda.upcomingResponse());
  });
  return router;
}
