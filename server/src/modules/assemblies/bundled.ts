import { join } from 'node:path';
import { councilOrganeRef } from '@parallele/core';
import { REPO_ROOT } from '../../config';
import type { Db } from '../../db/client';
import type { Logger } from '../../logger';
import { importCouncil, readCouncilFiles } from '../councils';
import { importBundledEpIfMissing } from '../ep';

export const BUNDLED_COUNCIL = { file: join(REPO_ROOT, 'data/councils/bourg-fictif.yaml'), deliberations: join(REPO_ROOT, 'data/councils/bourg-fictif-deliberations.csv') };

/**
 * What `npm start` calls after the AN data (issue 15): the European Parliament's votes and the
 * fictional example council, each only when the store does not hold it yet.
 */
export async function importBundledAssembliesIfMissing(db: Db, logger?: Pick<Logger, 'info' | 'warn'>): Promise<void> {
  await importBundledEpIfMissing(db, logger);
  const file = await readCouncilFiles(BUNDLED_COUNCIL.file, BUNDLED_COUNCIL.deliberations);
  const present = (await db.store.get('SELECT 1 AS one FROM scrutins WHERE organe_ref = ? LIMIT 1', [councilOrganeRef(file.council.id)])) !== undefined;
  if (present) return;
  const s = await importCouncil(db, file);
  logger?.info({ council: s.council }, `Imported the fictional example council ${s.council} (${s.deliberations.imported} deliberations)`);
}
