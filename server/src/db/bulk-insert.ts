import type { SqlExecutor, SqlValue } from './sql-store';

/** PostgreSQL's limit on the parameters of one statement (an Int16 count in the wire protocol). */
const MAX_PARAMETERS = 65_535;
/** Beyond a few thousand rows a statement gains nothing and costs its parse time. */
const MAX_ROWS = 4_000;

/** Rows per `unnest` statement on PostgreSQL: a few MB of parameters. */
const UNNEST_ROWS = 20_000;

/**
 * Multi-row `INSERT INTO table (columns) VALUES (…), (…)…`, as few statements as the parameter limit
 * allows (one round trip per statement, not per row). `suffix` follows the VALUES (an `ON CONFLICT`
 * clause). Returns the rows written.
 *
 * With `pgTypes` (the columns' PostgreSQL types) on PostgreSQL, the bulk importer's hot path: one
 * array parameter per column, `INSERT … SELECT * FROM unnest($1::text[], $2::integer[], …)`, ~20,000
 * rows per statement (parsing 36,000 placeholders costs more than the insert).
 */
export async function insertRows(
  store: SqlExecutor,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlValue[])[],
  suffix = '',
  pgTypes?: readonly string[],
): Promise<number> {
  if (store.dialect === 'postgres' && pgTypes) return insertUnnest(store, table, columns, pgTypes, rows, suffix);
  const perStatement = Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  let written = 0;
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array<string>(chunk.length).fill(tuple).join(', ')} ${suffix}`;
    written += (await store.run(sql, chunk.flat())).changes;
  }
  return written;
}

/** A PostgreSQL array literal (sent as text, cast by the statement): NULL bare, every other value quoted. */
function pgArray(values: readonly SqlValue[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${String(typeof v === 'boolean' ? Number(v) : v).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

async function insertUnnest(
  store: SqlExecutor,
  table: string,
  columns: readonly string[],
  pgTypes: readonly string[],
  rows: readonly (readonly SqlValue[])[],
  suffix: string,
): Promise<number> {
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${pgTypes.map((t) => `?::${t}[]`).join(', ')}) ${suffix}`;
  let written = 0;
  for (let start = 0; start < rows.length; start += UNNEST_ROWS) {
    const chunk = rows.slice(start, start + UNNEST_ROWS);
    written += (await store.run(sql, columns.map((_, c) => pgArray(chunk.map((row) => row[c] ?? null))))).changes;
  }
  return written;
}

/** `?, ?, ?` for an `IN (…)` list of `n` values. */
export const placeholders = (n: number) => Array<string>(n).fill('?').join(', ');
