import { CouncilImportSummarySchema, type CouncilImportBody } from '@parallele/core';
import { send } from '../../lib/api';

/** POST /api/admin/councils (issue 15 §4, administrators): a council file as JSON, with its CSV. */
export const uploadCouncil = (body: CouncilImportBody) => send(CouncilImportSummarySchema, 'POST', '/admin/councils', body);
