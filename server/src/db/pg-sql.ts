import { createHash } from 'node:crypto';

/**
 * The port's SQL as PostgreSQL reads it, rewritten once per statement text (cached by the store):
 * - `?` → `$1…$n`;
 * - a bare camelCase word (`AS scrutinUid`, `ORDER BY castAt`) is quoted: PostgreSQL folds unquoted
 *   names to lower case, SQLite keeps them, and the repositories' rows are read by their camelCase
 *   aliases. Schema names are snake_case and keywords all-lower or all-upper, so only aliases match;
 * string literals, quoted names, comments and dollar-quoted bodies are copied untouched.
 */
export function toPostgresSql(sql: string): string {
  let out = '';
  let n = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const skip = quotedEnd(sql, i);
    if (skip > i) {
      out += sql.slice(i, skip);
      i = skip;
    } else if (c === '?') {
      out += `$${++n}`;
      i++;
    } else if (/[A-Za-z_]/.test(c) && !/[\w$]/.test(sql[i - 1] ?? '')) {
      const word = /^[A-Za-z_][\w$]*/.exec(sql.slice(i))![0];
      out += /^[a-z_][a-z0-9_]*[A-Z]/.test(word) ? `"${word}"` : word;
      i += word.length;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Where the literal, quoted name or comment starting at `i` ends; `i` when none starts there. */
function quotedEnd(sql: string, i: number): number {
  const c = sql[i];
  if (c === "'" || c === '"') {
    let j = i + 1;
    while (j < sql.length) {
      if (sql[j] === c) {
        if (sql[j + 1] === c) j += 2;
        else return j + 1;
      } else j++;
    }
    return sql.length;
  }
  if (c === '-' && sql[i + 1] === '-') {
    const end = sql.indexOf('\n', i);
    return end < 0 ? sql.length : end;
  }
  if (c === '/' && sql[i + 1] === '*') {
    const end = sql.indexOf('*/', i + 2);
    return end < 0 ? sql.length : end + 2;
  }
  if (c === '$' && !/[\w$]/.test(sql[i - 1] ?? '')) {
    const tag = /^\$[A-Za-z_]?\w*\$/.exec(sql.slice(i))?.[0];
    if (tag) {
      const end = sql.indexOf(tag, i + tag.length);
      return end < 0 ? sql.length : end + tag.length;
    }
  }
  return i;
}

/**
 * The advisory-lock key of a name: the first 64 bits of its SHA-256, as a signed bigint in text
 * (what `pg_advisory_xact_lock(bigint)` takes). Stable across processes and versions, unlike
 * PostgreSQL's own hashtext().
 */
export function lockKey(name: string): bigint {
  return createHash('sha256').update(name).digest().readBigInt64BE(0);
}

/** The distinct keys of `names`, in ascending order: every transaction takes them in that order. */
export function sortedLockKeys(names: readonly string[]): string[] {
  return [...new Set(names.map(lockKey))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
}
