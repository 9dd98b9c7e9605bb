import express, { type Router } from 'express';
import { CouncilImportBodySchema, CouncilImportSummarySchema } from '@parallele/core';
import type { AppDeps } from '../../deps';
import { AppError } from '../../errors';
import { jsonBody, jsonResponse, problemResponses, registerRoute, signedInWrite } from '../../openapi';
import { readCookies } from '../../http';
import { CouncilFileError, deliberationsFromCsv, parseCouncil } from './reader';

/**
 * POST /api/admin/councils (issue 15 §4): an administrator defines a council and its deliberations,
 * as the JSON of a council file, optionally with `deliberationsCsv` (the CSV text). A bad file is a
 * 400 problem listing every bad field (`problems`); nothing is written then.
 */
registerRoute({
  method: 'post', path: '/api/admin/councils', tags: ['councils'], summary: 'Define or update a local council and its deliberations (administrators)',
  security: signedInWrite, request: { body: jsonBody(CouncilImportBodySchema) },
  responses: { 200: jsonResponse('What was imported', CouncilImportSummarySchema), ...problemResponses(400, 401, 403) },
});

export function councilsRoutes(deps: Pick<AppDeps, 'councils' | 'http' | 'now'>): Router {
  const { councils, http } = deps;
  const router = express.Router();
  router.post('/admin/councils', readCookies, http.session, http.requireAdmin, http.csrf, async (req, res) => {
    const body = CouncilImportBodySchema.safeParse(req.body);
    if (!body.success) throw AppError.badRequest('body: expected a council file as JSON', { param: 'body' });
    const { deliberationsCsv, ...file } = body.data;
    try {
      const extra = deliberationsCsv === undefined ? [] : deliberationsFromCsv(deliberationsCsv, 'deliberationsCsv');
      res.json(await councils.importCouncil(parseCouncil(file, extra, 'body'), deps.now().getTime()));
    } catch (e) {
      if (e instanceof CouncilFileError) throw AppError.badRequest(e.message, { param: 'body', problems: e.problems });
      throw e;
    }
  });
  return router;
}
