import { resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import express, { type Request, type Router } from 'express';
import type { Config } from './config';
import { withPageMeta, type PageMeta } from './modules/previews';

/**
 * The pages other sites may frame: the embed widget's route only (client/src/app/app.tsx:
 * `/embed/scrutin/:uid`). Any other path under /embed/ is the whole app, which only this site
 * may frame (issue 10, point 14: `/embed/anything/account` served the account page framable).
 */
export const isEmbedRoute = (path: string) => /^\/embed\/scrutin\/[A-Za-z0-9-]{1,64}\/?$/.test(path);

/**
 * The web client: Vite's build (client/dist) with an SPA fallback, so /scrutins/VTANR5L17V519
 * reloads into the app. /api and /socket.io never fall back to index.html. Without a build, every
 * page says how to make one; the API works either way. A page `pageMeta` describes (a scrutin, a
 * scenario) gets its title and Open Graph tags written into index.html, for crawlers.
 */
export function clientRoutes(config: Pick<Config, 'clientDistPath' | 'clientBuilt'>, pageMeta?: (req: Request) => Promise<PageMeta | null>): Router {
  const router = express.Router();
  // A path with a file extension is a missing file (404), not a page of the app.
  const isAppPath = (path: string) =>
    !path.startsWith('/api/') && path !== '/api' && !path.startsWith('/socket.io') && !/\.[A-Za-z0-9]+$/.test(path);

  if (config.clientBuilt) {
    // Hashed assets are immutable; index.html must be revalidated so a new build is picked up.
    router.use('/assets', express.static(resolve(config.clientDistPath, 'assets'), { immutable: true, maxAge: '1y', fallthrough: true }));
    router.use(express.static(config.clientDistPath, { index: false, maxAge: 0 }));
    const indexPath = resolve(config.clientDistPath, 'index.html');
    router.get(/.*/, async (req, res, next) => {
      if (!isAppPath(req.path) || !req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      const meta = pageMeta ? await pageMeta(req) : null;
      if (!meta) return res.sendFile(indexPath);
      // read per request: a rebuilt client is served without a restart, as sendFile does
      res.type('html').send(withPageMeta(await readFile(indexPath, 'utf8'), meta, 'MaVoix · Législature parallèle'));
    });
    return router;
  }

  router.get(/.*/, (req, res, next) => {
    if (!isAppPath(req.path) || !req.accepts('html')) return next();
    res.status(200).type('html').send(NO_CLIENT_PAGE);
  });
  return router;
}

const NO_CLIENT_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>MaVoix · Législature parallèle</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>MaVoix · Législature parallèle</h1>
<p>Le serveur fonctionne, mais l'interface web n'est pas encore construite.
Lancez <code>npm run build:client</code> puis rechargez la page (ou <code>npm start</code>, qui la construit).</p>
<p lang="en">The server is running but the web client has not been built yet.
Run <code>npm run build:client</code> and reload (or <code>npm start</code>, which builds it).</p>
<p>API : <a href="/api/health">/api/health</a> · <a href="/api/scrutins?legislature=17">/api/scrutins</a> ·
<a href="/api/openapi.json">/api/openapi.json</a></p>
</body></html>
`;
