import { Router } from 'express';
import { MyProfileResponseSchema, PastVoteSchema, ProfileSchema, PutPastVoteBodySchema, PutProfileBodySchema } from '@parallele/core';
import type { AppDeps } from '../../deps';
import { sendJson, validate } from '../../errors';
import { citizensOf } from '../accounts/citizens';
import { citizenOf, readCookies } from '../accounts/http';
import { profilesRepository } from './repository';
import { createProfilesService, type ProfilesService } from './service';
import './openapi';

/** /api/me/profile and /api/me/profile/past-vote: signed in only, every write CSRF-checked. */
export function profilesRouter(profiles: ProfilesService, http: ReturnType<typeof citizensOf>['http']): Router {
  const router = Router();
  const signedIn = [readCookies, http.session, http.requireCitizen];
  const write = [...signedIn, http.csrf];
  const me = (res: Parameters<typeof citizenOf>[0]) => citizenOf(res).citizenId;

  router.get('/me/profile', ...signedIn, (_req, res) => {
    res.set('cache-control', 'no-store');
    sendJson(res, MyProfileResponseSchema, profiles.mine(me(res)));
  });
  router.put('/me/profile', ...write, (req, res) => {
    sendJson(res, ProfileSchema, profiles.save(me(res), validate(req, 'body', PutProfileBodySchema)));
  });
  router.delete('/me/profile', ...write, (_req, res) => {
    profiles.remove(me(res));
    res.status(204).end();
  });
  router.put('/me/profile/past-vote', ...write, (req, res) => {
    sendJson(res, PastVoteSchema, profiles.savePastVote(me(res), validate(req, 'body', PutPastVoteBodySchema)));
  });
  router.delete('/me/profile/past-vote', ...write, (_req, res) => {
    profiles.removePastVote(me(res));
    res.status(204).end();
  });
  return router;
}

/** The module factory for app.ts's list. */
export const profilesRoutes = (deps: AppDeps): Router =>
  profilesRouter(createProfilesService({ repo: profilesRepository(deps.db), logger: deps.logger.child({ module: 'profiles' }), now: deps.now }), citizensOf(deps).http);
