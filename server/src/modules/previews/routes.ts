import express, { type Request, type Router } from 'express';
import { z } from 'zod';
import { ScenarioNameParamSchema, ScrutinUidParamSchema, ScrutinUidParamsSchema } from '@parallele/core';
import type { AppDeps } from '../../deps';
import { validate } from '../../errors';
import { problemResponses, registerRoute } from '../../openapi';
import { previewLang, publicOrigin } from './lang';
import type { PageMeta } from './service';


/** `<id>.png` in the path: the extension checked, then the id by its own contract. */
const png = <T extends z.ZodType<string, string>>(id: T) => z.string().regex(/\.png$/, { error: 'expected a name ending in .png' }).transform((s) => s.slice(0, -4)).pipe(id);
const ScrutinPngParams = z.object({ uid: png(ScrutinUidParamSchema) });
const ScenarioPngParams = z.object({ name: png(ScenarioNameParamSchema.shape.name) });

registerRoute({
  method: 'get',
  path: '/api/previews/scrutins/{uid}',
  tags: ['previews'],
  summary: 'Link preview of a scrutin (1200×630 PNG): the vote, its outcome and the parallel result; `uid` ends in .png',
  description: 'Settings as in the page permalink (`k`, `split`, `mode`, `method`, `source`), `lang=fr|en`. Cached.',
  request: { params: ScrutinPngParams },
  responses: { 200: { description: 'image/png' }, ...problemResponses(400, 404) },
});

registerRoute({
  method: 'get',
  path: '/api/previews/scenarios/{name}',
  tags: ['previews'],
  summary: 'Link preview of a scenario (1200×630 PNG): its first chart; `name` ends in .png',
  request: { params: ScenarioPngParams },
  responses: { 200: { description: 'image/png' }, ...problemResponses(400, 404) },
});

const searchOf = (req: Request) => new URLSearchParams(req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '');

export function previewsRoutes(deps: Pick<AppDeps, 'previews' | 'config'>): Router {
  const router = express.Router();

  router.get('/previews/scrutins/:uid', async (req, res) => {
    const { uid } = validate(req, 'params', ScrutinPngParams);
    const png = await deps.previews.scrutinPng(uid, searchOf(req), previewLang(req), publicOrigin(deps.config, req));
    res.type('image/png').setHeader('Cache-Control', 'public, max-age=300');
    res.send(png);
  });

  router.get('/previews/scenarios/:name', async (req, res) => {
    const { name } = validate(req, 'params', ScenarioPngParams);
    const png = await deps.previews.scenarioPng(name);
    res.type('image/png').setHeader('Cache-Control', 'public, max-age=300');
    res.send(png);
  });

  return router;
}

/**
 * The tags of an app page the server can describe (a scrutin, a scenario), null for the others;
 * static-client.ts puts them into index.html. Unknown uids and names get the plain page.
 */
export function pageMetaOf(deps: Pick<AppDeps, 'previews' | 'config'>) {
  return async (req: Request): Promise<PageMeta | null> => {
    const lang = previewLang(req);
    const origin = publicOrigin(deps.config, req);
    try {
      const scrutin = /^\/scrutins\/([A-Za-z0-9]+)\/?$/.exec(req.path);
      if (scrutin && ScrutinUidParamsSchema.safeParse({ uid: scrutin[1] }).success) return await deps.previews.scrutinMeta(scrutin[1]!, searchOf(req), lang, origin);
      const scenario = /^\/scenarios\/([^/]+)\/?$/.exec(req.path);
      if (scenario && ScenarioNameParamSchema.safeParse({ name: scenario[1] }).success) return await deps.previews.scenarioMeta(scenario[1]!, lang, origin);
    } catch {
      // an unknown vote or scenario: the app's own page says so
    }
    return null;
  };
}
