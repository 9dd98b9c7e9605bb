import express, { type Router } from 'express';
import {
  ElectionDetailSchema, ElectionIdParamsSchema, ElectionListResponseSchema, ElectionRoundParamsSchema, ElectionSimulationQuerySchema,
  ElectionSimulationResponseSchema, MyBallotsResponseSchema, PutBallotBodySchema,
} from '@parallele/core';
import type { AppDeps } from '../../deps';
import { sendJson, validate } from '../../errors';
// This module's OpenAPI paths.
import './openapi';
import { citizenOf, readCookies } from '../../http';

/**
 * /api/elections (issue 15 §3): the Président de l'Assemblée elections, the citizens' ballot per
 * round (signed in, CSRF, the votes' rate limits) and the simulation with K MaVoix deputies.
 */
export function electionsRoutes(deps: Pick<AppDeps, 'elections' | 'http' | 'now'>): Router {
  const { elections: service, http } = deps;
  const router = express.Router();
  const signedIn = [readCookies, http.session, http.requireCitizen];
  router.put('/elections/:id/rounds/:round/my-ballot', http.limits.votesPerIp, ...signedIn, http.csrf, http.limits.votesPerAccount, async (req, res) => {
    const { id, round } = validate(req, 'params', ElectionRoundParamsSchema);
    const { candidate } = validate(req, 'body', PutBallotBodySchema);
    res.json(await service.castBallot(id, round, citizenOf(res).citizenId, candidate, deps.now().getTime()));
  });
  router.get('/elections/:id/my-ballots', ...signedIn, async (req, res) => {
    const { id } = validate(req, 'params', ElectionIdParamsSchema);
    sendJson(res, MyBallotsResponseSchema, await service.myBallots(id, citizenOf(res).citizenId));
  });
  router.get('/elections', (_req, res) => sendJson(res, ElectionListResponseSchema, service.list()));
  router.get('/elections/:id', async (req, res) => {
    const { id } = validate(req, 'params', ElectionIdParamsSchema);
    sendJson(res, ElectionDetailSchema, await service.get(id));
  });
  router.get('/elections/:id/rounds/:round/simulation', async (req, res) => {
    const { id, round } = validate(req, 'params', ElectionRoundParamsSchema);
    sendJson(res, ElectionSimulationResponseSchema, await service.simulate(id, round, validate(req, 'query', ElectionSimulationQuerySchema)));
  });
  return router;
}
