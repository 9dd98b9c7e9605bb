import type { SqlExecutor, SqlValue } from './sql-store';

/** PostgreSQL's limit on the parameters of one statement (an Int16 count in the wire protocol). */
const MAX_PARAMETERS = 65_535;
/** Beyond a few thousand rows a statement gains nothing and costs its parse time. */
const MAX_ROWS = 4_000;

/**
 * Multi-row `INSERT INTO table (columns) VALUES (…), (…)…`, as few statements as the parameter limit
 * allows: the PostgreSQL side of the bulk importer (one round trip per statement, not per row).
 * `suffix` follows the VALUES (an `ON CONFLICT` clause). Returns the rows written.
 */
export async function insertRows(
  store: SqlExecutor,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlValue[])[],
  suffix = '',
): Promise<number> {
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

/** `?, ?, ?` for an `IN (…)` list of `n` values. */
export const placeholders = (n: number) => Array<string>(n).fill('?').join(', ');
