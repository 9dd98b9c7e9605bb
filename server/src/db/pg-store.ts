import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { sortedLockKeys, toPostgresSql } from './pg-sql';
import type { SqlStore, SqlValue } from './sql-store';

/** int8 (count, sum, bigint ms), numeric (sum of bigint, avg), bool: read as SQLite returns them. */
const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;

/**
 * This pool's type parsers (never pg's global ones, which other code in the process may rely on):
 * int8 and numeric come back as JavaScript numbers (ms times stay far below 2^53), and a boolean
 * expression (`EXISTS …`, `a = b`) as 1/0, like SQLite, so repositories read the same rows.
 */
export const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (format !== 'binary') {
      if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
      if (oid === BOOL) return (value: string) => (value === 't' ? 1 : 0);
    }
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
} as pg.CustomTypesConfig;

/** Booleans are stored as integers 0/1 on both engines. */
const bind = (params: readonly SqlValue[] = []) => params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));

/**
 * The SQL port on a node-postgres pool. A statement outside a transaction runs on any pooled
 * connection; `transaction` holds one connection for its whole body, and AsyncLocalStorage routes
 * every `store.*` call made inside it (however deeply awaited) to that connection. A nested
 * `transaction` joins the outer one (and takes its own locks there: advisory locks are re-entrant).
 *
 * On PostgreSQL a failed statement aborts the whole transaction: inside one, prevent conflicts with
 * ON CONFLICT rather than catching a constraint error and going on.
 */
export function pgStore(pool: pg.Pool): SqlStore {
  const texts = new Map<string, string>();
  const current = new AsyncLocalStorage<pg.PoolClient>();

  function text(sql: string): string {
    let converted = texts.get(sql);
    if (converted === undefined) {
      // SQL built with a variable number of placeholders would grow the cache without end
      if (texts.size >= 2000) texts.clear();
      converted = toPostgresSql(sql);
      texts.set(sql, converted);
    }
    return converted;
  }

  const query = <T>(sql: string, params?: readonly SqlValue[]) =>
    (current.getStore() ?? pool).query<T & pg.QueryResultRow>(text(sql), bind(params));

  const lock = async (client: pg.PoolClient, names: readonly string[]) => {
    for (const key of sortedLockKeys(names)) await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [key]);
  };

  return {
    dialect: 'postgres',
    async all<T>(sql: string, params?: readonly SqlValue[]) {
      return (await query<T>(sql, params)).rows;
    },
    async get<T>(sql: string, params?: readonly SqlValue[]) {
      return (await query<T>(sql, params)).rows[0];
    },
    async run(sql, params) {
      return { changes: (await query(sql, params)).rowCount ?? 0 };
    },
    async transaction(fn, options) {
      const joined = current.getStore();
      if (joined) {
        if (options?.locks?.length) await lock(joined, options.locks);
        return fn();
      }
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        if (options?.locks?.length) await lock(client, options.locks);
        const result = await current.run(client, fn);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        // a connection that could not even roll back is closed, not handed to the next caller
        client.release(broken);
      }
    },
    async exec(script) {
      await (current.getStore() ?? pool).query(script);
    },
    async close() {
      if (!pool.ended) await pool.end();
    },
  };
}
