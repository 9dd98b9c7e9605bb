import { epOrganeRef } from '@parallele/core';
import type { Db } from '../../db/client';
import { importOfficialData, type ImportSummary } from '../../import/import-service';
import type { Logger } from '../../logger';
import { BUNDLED_EP_DIR } from './reader';

export const EP_TERM = 10;

/** True when the store holds no vote of the European Parliament's term yet. */
export async function epMissing(db: Db, term = EP_TERM): Promise<boolean> {
  return (await db.store.get('SELECT 1 AS one FROM scrutins WHERE organe_ref = ? LIMIT 1', [epOrganeRef(term)])) === undefined;
}

/**
 * What `npm start` and the CLIs call after the AN data: imports the bundled EP votes (data/ep) when
 * the store has none, through the same importer. Returns the summary, or null when already there.
 */
export async function importBundledEpIfMissing(db: Db, logger?: Pick<Logger, 'info' | 'warn'>): Promise<ImportSummary | null> {
  if (!(await epMissing(db))) return null;
  const summary = await importOfficialData(db, BUNDLED_EP_DIR);
  logger?.info({ scrutins: summary.scrutins.imported, durationMs: summary.durationMs }, `Imported ${summary.scrutins.imported} European Parliament votes (HowTheyVote.eu, ODbL)`);
  if (summary.errors.length > 0) logger?.warn({ errors: summary.errors.slice(0, 20) }, `${summary.errors.length} bundled EP records could not be imported`);
  return summary;
}
