import { join } from 'node:path';
import type { Db } from '../db/client';
import type { Logger } from '../logger';
import { agendaCounts } from '../modules/agenda';
import { BUNDLED_DATA_DIR, importOfficialData } from './import-service';

/**
 * A store filled before the agenda was bundled (scrutins in, no agenda) gets the bundled agenda
 * at start, as an empty store gets everything (importBundledDataIfEmpty).
 */
export async function importBundledAgendaIfMissing(db: Db, logger?: Pick<Logger, 'info' | 'warn'>): Promise<boolean> {
  if ((await agendaCounts(db)).sittings > 0) return false;
  const summary = await importOfficialData(db, join(BUNDLED_DATA_DIR, 'agenda'));
  logger?.info({ sittings: summary.agenda.imported, durationMs: summary.durationMs }, `Imported the bundled agenda: ${summary.agenda.imported} séances`);
  if (summary.errors.length > 0) logger?.warn({ errors: summary.errors.slice(0, 20) }, `${summary.errors.length} agenda records could not be imported`);
  return true;
}
