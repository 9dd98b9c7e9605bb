/** Entry file 1 of 4 — the express app: middleware, the API modules under /api, the client; no listening (tests drive it with supertest). */
import express, { type Router } from 'express';
import type { HelmetOptions } from 'helmet';
import { accessLog } from './access-log';
import { precomputedHeaders, securityHeaders } from './security-headers';
import type { AppDeps } from './deps';
import { apiNotFound, errorHandler } from './errors';
import { healthRoutes } from './modules/health/routes';
import { scrutinsRoutes } from './modules/scrutins/routes';
import { groupsRoutes } from './modules/groups/routes';
import { deputiesRoutes } from './modules/deputies/routes';
import { openApiRoutes } from './openapi';
import { accountsRoutes } from './modules/accounts/routes';
import { votesRoutes } from './modules/votes/routes';
import { moderationRoutes } from './modules/moderation/routes';
import { clientRoutes, isEmbedRoute } from './static-client';
import { syncRoutes } from './modules/sync/routes';
import { scenariosRoutes } from './modules/scenarios/routes';
import { scenarioBuilderRoutes } from './modules/scenarios/builder';
import { simulationRoutes } from './modules/simulation/routes';
import { legislaturesRoutes } from './modules/legislatures/routes';
// issue 16: profiles and representativity
import { profilesRoutes } from './modules/profiles/routes';
import { reweightingRoutes } from './modules/reweighting/routes';
import { roomsRoutes } from './modules/rooms/routes';
import { electionsRoutes } from './modules/elections/routes';
import { assembliesRoutes } from './modules/assemblies/routes';
import { councilsRoutes } from './modules/councils/routes';
// issue 13: agenda, platform questions
import { agendaRoutes } from './modules/agenda/routes';
import { questionsRoutes } from './modules/questions/routes';
import { alertsRoutes } from './modules/alerts/routes';
import { agreementRoutes } from './modules/agreement/routes';
import { pageMetaOf, previewsRoutes } from './modules/previews/routes';
import { capacityRoutes } from './modules/capacity/routes';

/**
 * The API modules, mounted under /api in this order. ONE line per module: a factory
 * `(deps) => Router` whose paths are relative to /api (`/scrutins/:uid`). Register its OpenAPI
 * paths in the module too (see openapi.ts).
 */
export const apiModules: Array<(deps: AppDeps) => Router> = [
  healthRoutes,
  // First after health: votes are the hottest write path, and express tries routers in order.
  votesRoutes,
  scrutinsRoutes,
  groupsRoutes,
  deputiesRoutes,
  accountsRoutes,
  moderationRoutes,
  scenariosRoutes,
  scenarioBuilderRoutes,
  simulationRoutes,
  syncRoutes,
  legislaturesRoutes,
  profilesRoutes,
  reweightingRoutes,
  roomsRoutes,
  electionsRoutes, // issue 15: multi-candidate elections
  assembliesRoutes, // issue 15: the votes of each assembly (European Parliament, councils)
  councilsRoutes, // issue 15: administrators define local councils
  agendaRoutes,
  questionsRoutes,
  alertsRoutes,
  agreementRoutes,
  previewsRoutes,
  capacityRoutes, // issue 14: "Coûts et capacité"
  openApiRoutes,
];

/** Build the express app without listening: tests drive it with supertest, startServer() serves it. */
export function createApp(deps: AppDeps): express.Express {
  const { config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.set('query parser', 'simple');

  const https = (config.PUBLIC_URL ?? '').startsWith('https:');
  // HSTS and Secure cookies follow ONE setting (issue 10, point 15: config.ts's cookieSecure).
  const secureTransport = config.cookieSecure;
  const helmetOptions = (embeddable: boolean): HelmetOptions => ({
    contentSecurityPolicy: {
      directives: {
        // socket.io falls back to long polling (same origin) or opens a ws: to the same host.
        connectSrc: ["'self'", 'ws:', 'wss:'],
        // Served over plain http on a laptop or a LAN: upgrading would break every asset.
        upgradeInsecureRequests: https ? [] : null,
        // The embed widget exists to be framed by any site; every other page only by ours.
        frameAncestors: embeddable ? ['*'] : ["'self'"],
      },
    },
    xFrameOptions: embeddable ? false : { action: 'sameorigin' },
    strictTransportSecurity: secureTransport,
  });
  // helmet's headers computed once (see security-headers.ts): 0 = pages and API, 1 = embed widget.
  const headerSets = [precomputedHeaders(helmetOptions(false)), precomputedHeaders(helmetOptions(true))];
  app.use(securityHeaders(headerSets, (path) => (isEmbedRoute(path) ? 1 : 0)));
  // Health checks every few seconds would drown the log.
  app.use(accessLog(logger, config.LOG_REQUESTS, (url) => url === '/api/health'));
  app.use(express.json({ limit: config.JSON_BODY_LIMIT }));

  const api = express.Router();
  for (const routes of apiModules) api.use(routes(deps));
  api.use(apiNotFound);
  app.use('/api', api);

  app.use(clientRoutes(config, pageMetaOf(deps)));
  app.use(errorHandler(logger));
  return app;
}
