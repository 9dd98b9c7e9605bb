import { Router, type Request } from 'express';
import { RepresentativityQuerySchema, RepresentativitySchema, ScrutinUidParamSchema } from '@parallele/core';
import type { AppDeps } from '../../deps';
import { AppError, sendJson, validate } from '../../errors';
import type { ReweightingService } from './service';
// This module's OpenAPI paths.
import './openapi';

/** Public, aggregate only: who voted (against INSEE margins and the 2022 result) and the reweighted split. */
export function reweightingRouter(service: ReweightingService): Router {
  const router = Router();
  const uidOf = (req: Request) => {
    const parsed = ScrutinUidParamSchema.safeParse(req.params.uid);
    if (!parsed.success) throw AppError.badRequest(`uid: ${parsed.error.issues[0]?.message ?? 'invalid'}`, { param: 'uid' });
    return parsed.data;
  };
  router.get('/scrutins/:uid/representativity', async (req, res) => {
    const query = validate(req, 'query', RepresentativityQuerySchema);
    sendJson(res, RepresentativitySchema, await service.representativity(uidOf(req), query.variables));
  });
  router.get('/representativity', async (req, res) => {
    const query = validate(req, 'query', RepresentativityQuerySchema);
    sendJson(res, RepresentativitySchema, await service.representativity(null, query.variables));
  });
  return router;
}

/** The module factory for app.ts's list: the service is built once, in buildAppDeps (boot.ts). */
export const reweightingRoutes = (deps: Pick<AppDeps, 'reweighting'>): Router => reweightingRouter(deps.reweighting);
