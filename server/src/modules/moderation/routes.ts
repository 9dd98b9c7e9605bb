import { Router } from 'express';
import {
  DetectorRunResponseSchema, FlagIdParamSchema, FlagListQuerySchema, FlagListResponseSchema, FlagSchema, ReviewFlagBodySchema,
  ScrutinUidParamSchema, VoteWindowBodySchema, VoteWindowSchema,
} from '@parallele/core';
import { AppError, sendJson, validate } from '../../errors';
import type { AppDeps } from '../../deps';
// This module's OpenAPI paths.
import './openapi';
import { citizenOf, readCookies } from '../../http';

/** /api/admin/…: review the detector's flags, run it now, open or close upcoming scrutins. */
export function moderationRoutes(deps: Pick<AppDeps, 'moderation' | 'votes' | 'http'>): Router {
  const { moderation, votes, http } = deps;
  const router = Router();
  const admin = [readCookies, http.session, http.requireAdmin];

  router.get('/admin/flags', ...admin, async (req, res) => {
    const query = validate(req, 'query', FlagListQuerySchema);
    sendJson(res, FlagListResponseSchema, await moderation.list(query.status, query.limit, query.offset));
  });

  router.post('/admin/flags/:id/review', ...admin, http.csrf, async (req, res) => {
    const id = FlagIdParamSchema.safeParse(req.params.id);
    if (!id.success) throw AppError.badRequest('id: a positive integer', { param: 'id' });
    const body = validate(req, 'body', ReviewFlagBodySchema);
    sendJson(res, FlagSchema, await moderation.review(id.data, citizenOf(res).citizenId, body));
  });

  router.post('/admin/detector/run', ...admin, http.csrf, async (_req, res) => {
    sendJson(res, DetectorRunResponseSchema, await moderation.runDetector());
  });

  router.put('/admin/scrutins/:uid/window', ...admin, http.csrf, async (req, res) => {
    const uid = ScrutinUidParamSchema.safeParse(req.params.uid);
    if (!uid.success) throw AppError.badRequest('uid: 1-64 letters, digits, - or _', { param: 'uid' });
    const body = validate(req, 'body', VoteWindowBodySchema);
    sendJson(res, VoteWindowSchema, await votes.setWindow(uid.data, body));
  });

  return router;
}
