import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { SqlStore, SqlValue } from './sql-store';

type Statement = Database.Statement<unknown[], unknown>;

/**
 * The SQL port on one better-sqlite3 connection. Statements run synchronously (SQLite in-process is
 * faster than any await), so the only work here is keeping transactions apart: a transaction body is
 * asynchronous, and while it awaits, other requests run on the same connection. Hence:
 * - one transaction at a time (a promise chain), BEGIN IMMEDIATE so the write lock is taken up front;
 * - inside a transaction's async context (AsyncLocalStorage), statements simply run;
 * - outside it, a write waits for the open transaction to end, so it can never be swept into someone
 *   else's rollback; a read runs at once (it may see the open transaction's uncommitted rows, which is
 *   what a single connection does and harmless for the reads this app makes).
 */
export function sqliteStore(sqlite: Database.Database): SqlStore {
  const statements = new Map<string, Statement>();
  const inTransaction = new AsyncLocalStorage<true>();
  /** resolves when the transaction holding the connection (and those queued before) ends */
  let queue: Promise<void> = Promise.resolve();
  let transactionOpen = false;
  /** a write may run at once when no transaction is open, or when it belongs to the open one */
  const mayRunNow = () => !transactionOpen || inTransaction.getStore() === true;

  function prepare(sql: string): Statement {
    let statement = statements.get(sql);
    if (!statement) {
      // SQL built with a variable number of placeholders would grow the cache without end
      if (statements.size >= 2000) statements.clear();
      statement = sqlite.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }

  const bind = (params: readonly SqlValue[] = []) => params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));

  /** runs `body` holding the connection: alone, after every transaction queued before it */
  async function exclusive<T>(body: () => Promise<T>): Promise<T> {
    const previous = queue;
    let release!: () => void;
    queue = new Promise<void>((resolve) => (release = resolve));
    try {
      await previous;
      return await body();
    } finally {
      release();
    }
  }

  /** a read runs at once; a write (RETURNING included) waits for a transaction it is not part of */
  async function execute<R>(sql: string, body: (statement: Statement, values: unknown[]) => R, params?: readonly SqlValue[]): Promise<R> {
    const statement = prepare(sql);
    const values = bind(params);
    if (statement.readonly || mayRunNow()) return body(statement, values);
    return exclusive(async () => body(statement, values));
  }

  const store: SqlStore = {
    dialect: 'sqlite',
    async all<T>(sql: string, params?: readonly SqlValue[]) {
      return execute(sql, (statement, values) => (statement.reader ? (statement.all(...values) as T[]) : (statement.run(...values), [])), params);
    },
    async get<T>(sql: string, params?: readonly SqlValue[]) {
      return execute(sql, (statement, values) => (statement.reader ? (statement.get(...values) as T | undefined) : (statement.run(...values), undefined)), params);
    },
    async run(sql, params) {
      return execute(sql, (statement, values) => ({ changes: statement.run(...values).changes }), params);
    },
    async transaction(fn) {
      if (inTransaction.getStore()) return fn();
      return exclusive(async () => {
        transactionOpen = true;
        sqlite.exec('BEGIN IMMEDIATE');
        try {
          const result = await inTransaction.run(true, fn);
          sqlite.exec('COMMIT');
          return result;
        } catch (error) {
          if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
          throw error;
        } finally {
          transactionOpen = false;
        }
      });
    },
    async exec(script) {
      if (mayRunNow()) {
        sqlite.exec(script);
        return;
      }
      await exclusive(async () => void sqlite.exec(script));
    },
    async close() {
      await queue;
      statements.clear();
      if (sqlite.open) sqlite.close();
    },
  };
  return store;
}
