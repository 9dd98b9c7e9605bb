import express, { type Router } from 'express';
import { AgreementQuerySchema, AgreementResponseSchema, DifferencesQuerySchema, DifferencesResponseSchema, MyDeputyQuerySchema, MyDeputyResponseSchema } from '@parallele/core';
import type { AppDeps } from '../../deps';
import { sendJson, validate } from '../../errors';
import { jsonResponse, problemResponses, registerRoute } from '../../openapi';
import { citizensOf } from '../accounts/citizens';
import { citizenOf, readCookies } from '../accounts/http';
import { platformOf } from '../platform/platform';
import { AGREEMENT_RULES } from './service';
import { findDeputies } from './seats';

registerRoute({
  method: 'get', path: '/api/me/agreement', tags: ['agreement'],
  summary: 'Qui vote comme moi ? My agreement with each deputy and group over the scrutins we both voted on (private to me)',
  description: AGREEMENT_RULES,
  request: { query: AgreementQuerySchema },
  responses: { 200: jsonResponse('Agreement scores', AgreementResponseSchema), ...problemResponses(400, 401) },
});
registerRoute({
  method: 'get', path: '/api/me/agreement/differences', tags: ['agreement'], summary: 'The scrutins where a deputy or group voted differently from me',
  request: { query: DifferencesQuerySchema },
  responses: { 200: jsonResponse('Differences', DifferencesResponseSchema), ...problemResponses(400, 401) },
});

registerRoute({
  method: 'get', path: '/api/my-deputy', tags: ['agreement'],
  summary: 'Mon député·e: the deputies of a constituency (département + circonscription, from the acteurs’ mandates), or found by name',
  request: { query: MyDeputyQuerySchema },
  responses: { 200: jsonResponse('Deputies', MyDeputyResponseSchema), ...problemResponses(400) },
});

export function agreementRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.get('/my-deputy', (req, res) => {
    sendJson(res, MyDeputyResponseSchema, findDeputies(deps.db, validate(req, 'query', MyDeputyQuerySchema)));
  });
  const { http } = citizensOf(deps);
  const signedIn = [readCookies, http.session, http.requireCitizen];
  router.get('/me/agreement', ...signedIn, (req, res) => {
    const q = validate(req, 'query', AgreementQuerySchema);
    sendJson(res, AgreementResponseSchema, platformOf(deps).agreement.forCitizen(citizenOf(res).citizenId, q.legislature, q.minCompared));
  });
  router.get('/me/agreement/differences', ...signedIn, (req, res) => {
    const q = validate(req, 'query', DifferencesQuerySchema);
    sendJson(res, DifferencesResponseSchema, platformOf(deps).agreement.differences(citizenOf(res).citizenId, q.legislature, q.with));
  });
  return router;
}
