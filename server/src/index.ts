/**
 * The public entry point of @parallele/server (package.json `exports`): what other workspaces
 * (scenarios, tools) may use. Add lines; each module keeps its internals to itself.
 */
export { createApp, apiModules } from './app';
export { boot, type Booted, type BootOptions } from './boot';
export { configSchema, loadConfig, resolveSqlitePath, REPO_ROOT, type Config } from './config';
export { openDatabase, type Db } from './db/client';
export type { AppDeps } from './deps';
export { AppError, validate } from './errors';
export { createLogger, type Logger } from './logger';
export { buildOpenApiDocument, registerRoute } from './openapi';
export { startServer, type RunningServer } from './server';
