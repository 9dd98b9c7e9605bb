import { join } from 'node:path';
import type { Db } from '../db/client';
import type { Logger } from '../logger';
import { agendaCounts, amendementsRepository } from '../modules/agenda';
import { BUNDLED_DATA_DIR, importOfficialData } from './import-service';

/**
 * A store filled before the agenda was bundled (scrutins in, no agenda) gets the bundled agenda
 * at start, as an empty store gets everything (importBundledDataIfEmpty); likewise the bundled
 * amendements, which the linker matches « l'amendement n° … » scrutins with.
 */
export async function importBundledAgendaIfMissing(db: Db, logger?: Pick<Logger, 'info' | 'warn'>): Promise<boolean> {
  const missing = [
    (await agendaCounts(db)).sittings === 0 ? 'agenda' : null,
    (await amendementsRepository(db).count()) === 0 ? 'amendements' : null,
  ].filter((d) => d !== null);
  if (missing.length === 0) return false;
  const summary = await importOfficialData(db, missing.map((d) => join(BUNDLED_DATA_DIR, d)));
  logger?.info(
    { sittings: summary.agenda.imported, amendements: summary.amendements.imported, durationMs: summary.durationMs },
    `Imported the bundled ${missing.join(' and ')}: ${summary.agenda.imported} séances, ${summary.amendements.imported} amendements`,
  );
  if (summary.errors.length > 0) logger?.warn({ errors: summary.errors.slice(0, 20) }, `${summary.errors.length} bundled records could not be imported`);
  return true;
}
