import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema';

/** The open store's types, apart from db/client (which opens it) so readers and writers need no import of the opener. */
export type Orm = BetterSQLite3Database<typeof schema>;

export interface Db {
  orm: Orm;
  /** the raw driver, for hot paths (bulk import) and pragmas */
  sqlite: Database.Database;
  /** the resolved file path (or `:memory:`) */
  path: string;
  close: () => void;
}

/** What the citizens' repositories need from the store (`{ orm, sqlite }` of a Db). */
export interface CitizensDb {
  orm: BetterSQLite3Database<Record<string, unknown>>;
  sqlite: Database.Database;
}
