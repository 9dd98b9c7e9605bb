/**
 * The PostgreSQL mirror of ../schema (same tables, columns, keys, indexes and uniques), for
 * drizzle-kit (server/drizzle.pg.config.ts → server/drizzle-pg) and the node-postgres ORM. A change to
 * ../schema is made here too, then `npm run db:generate` writes both migration folders.
 *
 * The mapping: ms timestamps (`*_at`) are bigint read as numbers; other integers stay integer;
 * booleans stay integer 0/1 (so raw SQL reads and writes them alike on both engines); ids are
 * identity columns. The hand-written SQLite migrations have their equivalents in custom PostgreSQL
 * migrations: FTS5 trigram search → unaccent + pg_trgm (0001), triggers → plpgsql triggers;
 * WITHOUT ROWID has none (PostgreSQL tables are heaps, there is no rowid b-tree to save).
 */
export * from './an';
export * from './citizens';
export * from './sync';
export * from './profiles';
export * from './rooms';
export * from './elections';
export * from './agenda';
export * from './identity';
