import type Database from 'better-sqlite3';
import type { Dialect, SqlStore } from './sql-store';

export type { Dialect, SqlExecutor, SqlRunResult, SqlStore, SqlValue, TransactionOptions } from './sql-store';

/** The open store, apart from db/client (which opens it) so readers and writers need no import of the opener. */
export interface Db {
  dialect: Dialect;
  /** what every repository uses: the SQL both engines share, asynchronous */
  store: SqlStore;
  /**
   * SQLite only (null on PostgreSQL): the raw driver, for the few engine-specific hot paths (the bulk
   * importer) and pragmas. Everything else goes through `store`.
   */
  sqlite: Database.Database | null;
  /** where the store is: the resolved SQLite file (or `:memory:`), or the PostgreSQL URL without its password */
  path: string;
  close: () => Promise<void>;
}
