import { Router } from 'express';
import { MyProfileResponseSchema, PastVoteSchema, ProfileSchema, PutPastVoteBodySchema, PutProfileBodySchema } from '@parallele/core';
import type { AppDeps } from '../../deps';
import { sendJson, validate } from '../../errors';
import { citizenOf, readCookies, type HttpMiddleware } from '../../http';
import type { ProfilesService } from './service';
// This module's OpenAPI paths.
import './openapi';

/** /api/me/profile and /api/me/profile/past-vote: signed in only, every write CSRF-checked. */
export function profilesRouter(profiles: ProfilesService, http: HttpMiddleware): Router {
  const router = Router();
  const signedIn = [readCookies, http.session, http.requireCitizen];
  const write = [...signedIn, http.csrf];
  const me = (res: Parameters<typeof citizenOf>[0]) => citizenOf(res).citizenId;

  router.get('/me/profile', ...signedIn, async (_req, res) => {
    res.set('cache-control', 'no-store');
    sendJson(res, MyProfileResponseSchema, await profiles.mine(me(res)));
  });
  router.put('/me/profile', ...write, async (req, res) => {
    sendJson(res, ProfileSchema, await profiles.save(me(res), validate(req, 'body', PutProfileBodySchema)));
  });
  router.delete('/me/profile', ...write, async (_req, res) => {
    await profiles.remove(me(res));
    res.status(204).end();
  });
  router.put('/me/profile/past-vote', ...write, async (req, res) => {
    sendJson(res, PastVoteSchema, await profiles.savePastVote(me(res), validate(req, 'body', PutPastVoteBodySchema)));
  });
  router.delete('/me/profile/past-vote', ...write, async (_req, res) => {
    await profiles.removePastVote(me(res));
    res.status(204).end();
  });
  return router;
}

/** The module factory for app.ts's list: the service is built once, in buildAppDeps (boot.ts). */
export const profilesRoutes = (deps: Pick<AppDeps, 'profiles' | 'http'>): Router => profilesRouter(deps.profiles, deps.http);
