/**
 * The one way repositories reach the store, whichever engine is behind it (SQLite by default,
 * PostgreSQL when one machine is outgrown). Repositories write their SQL once, in the subset both
 * engines share, and call these asynchronous methods; the engine-specific code lives in the two
 * implementations (sqlite-store.ts, pg-store.ts) and in the migrations.
 *
 * The SQL subset, so that one statement runs on both engines:
 * - positional `?` placeholders only (the PostgreSQL store numbers them `$1…$n`); no `@name`,
 *   no `?` inside string literals;
 * - `INSERT … ON CONFLICT (…) DO UPDATE/NOTHING`, `RETURNING`, `CASE`, `COALESCE`, `||`, window
 *   functions: standard, both have them. Not `INSERT OR IGNORE/REPLACE`, not `last_insert_rowid()`
 *   (use `RETURNING id`), not `strftime`/`json_extract`/`group_concat`/`iif`/`IFNULL`;
 * - booleans are stored as integers 0/1 on both engines (a boolean parameter is sent as 0/1), times as
 *   integer milliseconds (bigint on PostgreSQL, read back as a JavaScript number);
 * - `count(*)` and `sum(…)` come back as numbers on both engines (the PostgreSQL store parses int8
 *   and numeric); compare with `>=` in a `CASE`, never sum a boolean expression directly;
 * - `LIKE` is case-sensitive on PostgreSQL: lower() both sides when that matters.
 * Where the engines truly differ (bulk loading, full-text search), branch on `dialect`.
 */

export type Dialect = 'sqlite' | 'postgres';

export type SqlValue = string | number | bigint | boolean | null | Uint8Array;

export interface SqlRunResult {
  /** rows inserted, updated or deleted */
  changes: number;
}

export interface SqlExecutor {
  readonly dialect: Dialect;
  /** every row the statement returns */
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** the first row, or undefined */
  get<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** a statement run for its effect */
  run(sql: string, params?: readonly SqlValue[]): Promise<SqlRunResult>;
}

export interface TransactionOptions {
  /**
   * Names held exclusively, across processes, until the transaction ends (PostgreSQL: transaction-level
   * advisory locks, taken in sorted order so two transactions never deadlock on them; SQLite: the write
   * lock of BEGIN IMMEDIATE already serializes every writer, on every process sharing the file).
   */
  locks?: readonly string[];
}

export interface SqlStore extends SqlExecutor {
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. Inside `fn`
   * (and everything it awaits), this store's `all/get/run` run in that transaction: repositories need
   * no transaction handle. A `transaction` inside another joins the outer one. Keep `fn` to store work:
   * awaiting the network inside it holds the write lock.
   */
  transaction<T>(fn: () => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** a script of several statements, no parameters (maintenance, tests) */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}
