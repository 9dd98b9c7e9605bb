import { SyncStatusResponseSchema } from '@parallele/core';
import { jsonResponse, registerRoute } from '../../openapi';

/** OpenAPI paths of the sync routes (routes.ts imports this file), from their contracts in core/src/contracts. */

registerRoute({
  method: 'get',
  path: '/api/sync/status',
  tags: ['sync'],
  summary: 'State of the sync with the Assemblée nationale: schedule, last runs, resume points, quarantine',
  description:
    '`lastScheduledFailure` (absent if none) is the last scheduled run whose isolated process died (out of memory, crash, time limit): ' +
    'the web server logged it and kept serving.',
  responses: { 200: jsonResponse('The sync status', SyncStatusResponseSchema) },
});
