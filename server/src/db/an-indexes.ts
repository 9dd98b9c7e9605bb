import type Database from 'better-sqlite3';

/**
 * Recreates the indexes the bulk load may drop (same name and columns as the migration): the
 * opener runs it (an import killed mid-load leaves the acteur index dropped), and so does the end
 * of a bulk load.
 */
export function ensureAnIndexes(sqlite: Database.Database): void {
  sqlite.exec('CREATE INDEX IF NOT EXISTS `deputy_votes_acteur_idx` ON `deputy_votes` (`acteur_ref`,`scrutin_uid`)');
}
