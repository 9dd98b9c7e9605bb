import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import express, { type Router } from 'express';
import type { ZodType } from 'zod';
import { z } from 'zod';
import { CSRF_HEADER, ProblemSchema, ScrutinUidParamSchema, SESSION_COOKIE } from '@parallele/core';
import type { AppDeps } from './deps';
import { PROBLEM_CONTENT_TYPE } from './errors';

/**
 * The OpenAPI document of the public API, generated from the zod contracts of core/src/contracts.
 *
 * Pattern for a module: next to its router, in its routes.ts (or an openapi.ts beside it that
 * routes.ts imports), register each route ONCE at module load with the same schemas the handler
 * validates with:
 *
 *     registerRoute({
 *       method: 'get', path: '/api/scrutins/{uid}', tags: ['scrutins'], summary: '…',
 *       request: { params: ScrutinUidParamsSchema },
 *       responses: { 200: jsonResponse('The scrutin', ScrutinDetailSchema), ...problemResponses(400, 404) },
 *     });
 *
 * Paths are full (`/api/...`) with OpenAPI `{param}` syntax. Give response schemas a component
 * name with zod's `.meta({ id: 'Name' })` in the contract. A test (openapi.test.ts) walks every
 * router of app.ts and fails when a route is missing from the document.
 */

export const openApiRegistry = new OpenAPIRegistry();

/** method + path already registered: the registry is the document's, one per process like the modules it lists. */
const registered = new Set<string>();

/** Register a route (idempotent: a module re-imported by a test does not duplicate it). */
export function registerRoute(route: RouteConfig): void {
  const key = `${route.method} ${route.path}`;
  if (registered.has(key)) return;
  registered.add(key);
  openApiRegistry.registerPath(route);
}

export const jsonResponse = (description: string, schema: ZodType) => ({
  description,
  content: { 'application/json': { schema } },
});

/** The citizens' routes: the session cookie and the CSRF header, as security requirements. */
openApiRegistry.registerComponent('securitySchemes', 'session', {
  type: 'apiKey',
  in: 'cookie',
  name: SESSION_COOKIE,
  description: 'The HttpOnly session cookie set by POST /api/auth/login',
});
openApiRegistry.registerComponent('securitySchemes', 'csrf', {
  type: 'apiKey',
  in: 'header',
  name: CSRF_HEADER,
  description: 'Double-submit token from GET /api/auth/csrf (or the login answer), required on every write',
});
export const anonymousWrite = [{ csrf: [] }];
export const signedIn = [{ session: [] }];
export const signedInWrite = [{ session: [], csrf: [] }];
export const jsonBody = (schema: ZodType) => ({ content: { 'application/json': { schema } } });
export const noContent = { 204: { description: 'Done' } };
/** `{uid}` of the routes under /api/scrutins/{uid}/… */
export const scrutinUidParams = z.object({ uid: ScrutinUidParamSchema });

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid parameters: `param` names the first, `errors` lists them all',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body too large',
  429: 'Too many requests (`retryAfterSeconds` equals the Retry-After header)',
  501: 'Not offered by this deployment (e.g. no provider configured for this verification)',
  500: 'Unexpected error',
};

/** `{ 400: …, 404: … }` problem+json responses for the given statuses. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: PROBLEM_DESCRIPTIONS[status] ?? 'Error', content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } } },
    ]),
  );
}

export function buildOpenApiDocument(version: string) {
  return new OpenApiGeneratorV31(openApiRegistry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'MaVoix · Législature parallèle API',
      version,
      description:
        'Real votes of the Assemblée nationale (données ouvertes, Licence Ouverte) and the parallel legislature of citizens. ' +
        'Errors are RFC 9457 problem details (application/problem+json).',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: '/' }],
  });
}

export function openApiRoutes(deps: AppDeps): Router {
  const router = express.Router();
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  // Built on first request: by then every module has registered its routes.
  router.get('/openapi.json', (_req, res) => {
    document ??= buildOpenApiDocument(deps.config.version);
    res.json(document);
  });
  return router;
}

registerRoute({
  method: 'get',
  path: '/api/openapi.json',
  tags: ['meta'],
  summary: 'This OpenAPI 3.1 document',
  responses: { 200: { description: 'The OpenAPI document', content: { 'application/json': { schema: { type: 'object' } } } } },
});
