import { z } from 'zod';
import { RepresentativitySchema, ScrutinUidParamSchema } from '@parallele/core';
import { jsonResponse, problemResponses, registerRoute } from '../../openapi';

/** OpenAPI paths of the representativity pages (registered by the module itself). */
const query = z.object({ variables: z.string().optional().describe('raking variables, comma-separated among sex, age, region, pres2022 (default sex,age)') });
const description =
  'Voters against the INSEE adult margins and the 2022 first round, per variable (total variation distance), and the split raked to the margins ' +
  '(trimmed IPF, 95 % interval by linearization). Counts under minCellCount are hidden; figures are refreshed at most every 5 minutes.';

registerRoute({
  method: 'get', path: '/api/scrutins/{uid}/representativity', tags: ['representativity'], summary: 'Who voted on this scrutin, and the reweighted (redressé) split', description,
  request: { params: z.object({ uid: ScrutinUidParamSchema }), query },
  responses: { 200: jsonResponse('Distortion per variable, raw and reweighted split', RepresentativitySchema), ...problemResponses(400) },
});
registerRoute({
  method: 'get', path: '/api/representativity', tags: ['representativity'], summary: 'Who votes on the platform (every citizen who voted at least once)', description,
  request: { query },
  responses: { 200: jsonResponse('Distortion per variable and the Kish n_eff of the raking weights', RepresentativitySchema), ...problemResponses(400) },
});
