import { Router, type Request } from 'express';
import { RepresentativityQuerySchema, RepresentativitySchema, ScrutinUidParamSchema } from '@parallele/core';
import type { AppDeps } from '../../deps';
import { AppError, sendJson, validate } from '../../errors';
import { reweightingRepository } from './repository';
import { createReweightingService, type ReweightingService } from './service';
import { loadShippedMargins } from './shipped-margins';
import './openapi';

/** Public, aggregate only: who voted (against INSEE margins and the 2022 result) and the reweighted split. */
export function reweightingRouter(service: ReweightingService): Router {
  const router = Router();
  const uidOf = (req: Request) => {
    const parsed = ScrutinUidParamSchema.safeParse(req.params.uid);
    if (!parsed.success) throw AppError.badRequest(`uid: ${parsed.error.issues[0]?.message ?? 'invalid'}`, { param: 'uid' });
    return parsed.data;
  };
  router.get('/scrutins/:uid/representativity', (req, res) => {
    const query = validate(req, 'query', RepresentativityQuerySchema);
    sendJson(res, RepresentativitySchema, service.representativity(uidOf(req), query.variables));
  });
  router.get('/representativity', (req, res) => {
    const query = validate(req, 'query', RepresentativityQuerySchema);
    sendJson(res, RepresentativitySchema, service.representativity(null, query.variables));
  });
  return router;
}

const services = new WeakMap<AppDeps, ReweightingService>();

/** One service per app (its refresh cache is shared by the routes and the scenario splits). */
export function reweightingServiceOf(deps: AppDeps): ReweightingService {
  let service = services.get(deps);
  if (!service) {
    service = createReweightingService({ repo: reweightingRepository(deps.db), shipped: loadShippedMargins(), now: deps.now });
    services.set(deps, service);
  }
  return service;
}

/** The module factory for app.ts's list. */
export const reweightingRoutes = (deps: AppDeps): Router => reweightingRouter(reweightingServiceOf(deps));
