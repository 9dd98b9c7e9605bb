import { FAMOUS_VOTES, GOVERNMENTS, plainQuotes } from '@parallele/core';
import type { Dialect } from '../../db/types';

/**
 * The SQL of a text search `q`, word by word: every word must match somewhere a vote is linked to.
 * A word matches a scrutin when it occurs in its search document (core's searchDocument: titre,
 * objet, the linked agenda points and text, a motion's authors and their groups, written by
 * db/scrutin-search.ts; a trigram index for words of 3+ characters, see textMatch; a scan for
 * shorter ones), or in the curated keywords
 * of a famous vote (core's FAMOUS_VOTES: "retraites", "LIOT"), or names the government in office on
 * its date ("Barnier"), or is its number (`1240`) or uid (`VTANR5L16V1240`). Curated votes and exact
 * numbers rank first (see `rankSql`), so "Barnier" opens on the censure, not on the last amendment.
 */

/** Lower case without diacritics, as the trigram tokenizer folds: `Déposée` → `deposee`. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A word as an FTS5 phrase: quoted, so operators and punctuation in user input are literal. */
const ftsPhrase = (word: string) => `"${word.replace(/"/g, '""')}"`;

/** A word made literal in a LIKE pattern: backslash escapes (PostgreSQL's default; said to SQLite with ESCAPE). */
const escapeLike = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `x IN (?, ?…)` over `values`, or a false condition when there are none (`IN ()` is not SQL). */
export function inList(column: string, values: readonly (string | number)[]): { sql: string; params: (string | number)[] } {
  return values.length ? { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] } : { sql: '1 = 0', params: [] };
}

/**
 * A word of 3+ characters in the scrutin's search document, accent- and case-insensitive, from each
 * engine's index: SQLite's FTS5 trigram table scrutin_search (migration 0004), PostgreSQL's
 * scrutin_search table with a pg_trgm index on search_fold(text) (= lower(unaccent(text)), drizzle-pg 0005).
 */
function textMatch(dialect: Dialect, word: string): { sql: string; params: string[] } {
  if (dialect === 'sqlite') {
    return { sql: 'uid IN (SELECT k.uid FROM scrutin_search f JOIN scrutin_search_keys k ON k.id = f.rowid WHERE scrutin_search MATCH ?)', params: [ftsPhrase(word)] };
  }
  return { sql: "uid IN (SELECT uid FROM scrutin_search WHERE search_fold(text) LIKE '%' || search_fold(?) || '%')", params: [escapeLike(word)] };
}

/** A short word (numbers, abbreviations: "RN") in the search document: a scan; lower() folds ASCII only on SQLite. */
function shortMatch(dialect: Dialect, word: string): { sql: string; params: string[] } {
  const pattern = `%${escapeLike(word.toLowerCase())}%`;
  if (dialect === 'sqlite') {
    return { sql: "uid IN (SELECT k.uid FROM scrutin_search f JOIN scrutin_search_keys k ON k.id = f.rowid WHERE lower(f.text) LIKE ? ESCAPE '\\')", params: [pattern] };
  }
  return { sql: 'uid IN (SELECT uid FROM scrutin_search WHERE lower(text) LIKE ?)', params: [pattern] };
}

const UID = /^VT[A-Z]{3}\dL\d+V\d+$/i;

const curatedText = new Map(FAMOUS_VOTES.map((v) => [v.uid, fold([...v.keywords, v.context.fr, v.context.en].join(' '))]));

export interface SearchSql {
  /** conditions ANDed, their `?` bound by `params` in order */
  conditions: string[];
  params: (string | number)[];
  /** uids of the curated votes the whole query matches, ranked first */
  featured: string[];
  /** numbers the query names, ranked first */
  numbers: number[];
}

export function searchSql(q: string, dialect: Dialect): SearchSql {
  const words = [...new Set(plainQuotes(q).split(/\s+/).filter(Boolean))].slice(0, 10);
  const conditions: string[] = [];
  const params: (string | number)[] = [];
  const numbers: number[] = [];
  let featured = [...curatedText.keys()];
  for (const word of words) {
    const folded = fold(word);
    const alternatives: { sql: string; params: (string | number)[] }[] = [];
    if ([...word].length >= 3) alternatives.push(textMatch(dialect, word));
    else alternatives.push(shortMatch(dialect, word));
    const curated = [...curatedText].filter(([, text]) => text.includes(folded)).map(([uid]) => uid);
    featured = featured.filter((uid) => curated.includes(uid));
    if (curated.length) alternatives.push(inList('uid', curated));
    if (folded.length >= 3) {
      for (const g of GOVERNMENTS.filter((g) => fold(g.name) === folded)) {
        alternatives.push(g.until ? { sql: '(date >= ? AND date < ?)', params: [g.from, g.until] } : { sql: '(date >= ?)', params: [g.from] });
      }
    }
    // 3+ digits: `49` stays a word of the text ("article 49"), `1240` is also a number.
    if (/^\d{3,6}$/.test(word)) {
      alternatives.push({ sql: 'numero = ?', params: [Number(word)] });
      numbers.push(Number(word));
    }
    if (UID.test(word)) alternatives.push({ sql: 'uid = ?', params: [word.toUpperCase()] });
    conditions.push(`(${alternatives.map((a) => a.sql).join(' OR ')})`);
    params.push(...alternatives.flatMap((a) => a.params));
  }
  return { conditions, params, featured, numbers };
}

const FAMOUS_UIDS = FAMOUS_VOTES.map((v) => v.uid);

/**
 * ORDER BY keys putting the curated matches, then the exact numbers, before the chosen sort (a true
 * condition sorts first in DESC on both engines).
 */
export function rankSql(search: SearchSql): { sql: string; params: (string | number)[] } {
  const featured = inList('uid', search.featured);
  const numbers = inList('numero', search.numbers);
  const famous = inList('uid', FAMOUS_UIDS);
  return {
    // `1240` names two votes (L16 and L17): the famous one first, then the other exact numbers
    sql: `(${featured.sql}) DESC, (${numbers.sql} AND ${famous.sql}) DESC, (${numbers.sql}) DESC, `,
    params: [...featured.params, ...numbers.params, ...famous.params, ...numbers.params],
  };
}
