import { FAMOUS_VOTES, GOVERNMENTS, plainQuotes } from '@parallele/core';

/**
 * The SQL of a text search `q`, word by word: every word must match somewhere a vote is linked to.
 * A word matches a scrutin when it occurs in its search document (core's searchDocument: titre,
 * objet, the linked agenda points and text, a motion's authors and their groups; the FTS5 trigram
 * index of migration 0004 for words of 3+ characters, a scan for shorter ones), or in the curated keywords
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

const UID = /^VT[A-Z]{3}\dL\d+V\d+$/i;

const curatedText = new Map(FAMOUS_VOTES.map((v) => [v.uid, fold([...v.keywords, v.context.fr, v.context.en].join(' '))]));

export interface SearchSql {
  conditions: string[];
  params: Record<string, string | number>;
  /** uids of the curated votes the whole query matches, ranked first */
  featured: string[];
  /** numbers the query names, ranked first */
  numbers: number[];
}

export function searchSql(q: string): SearchSql {
  const words = [...new Set(plainQuotes(q).split(/\s+/).filter(Boolean))].slice(0, 10);
  const conditions: string[] = [];
  const params: Record<string, string | number> = {};
  const numbers: number[] = [];
  let featured = [...curatedText.keys()];
  words.forEach((word, i) => {
    const folded = fold(word);
    const alternatives: string[] = [];
    if ([...word].length >= 3) {
      alternatives.push('uid IN (SELECT k.uid FROM scrutin_search f JOIN scrutin_search_keys k ON k.id = f.rowid WHERE scrutin_search MATCH @w' + i + ')');
      params[`w${i}`] = ftsPhrase(word);
    } else {
      // lower() folds ASCII only: short words are mostly numbers and abbreviations ("RN").
      alternatives.push(`uid IN (SELECT k.uid FROM scrutin_search f JOIN scrutin_search_keys k ON k.id = f.rowid WHERE instr(lower(f.text), @w${i}) > 0)`);
      params[`w${i}`] = word.toLowerCase();
    }
    const curated = [...curatedText].filter(([, text]) => text.includes(folded)).map(([uid]) => uid);
    featured = featured.filter((uid) => curated.includes(uid));
    if (curated.length) {
      alternatives.push(`uid IN (SELECT value FROM json_each(@c${i}))`);
      params[`c${i}`] = JSON.stringify(curated);
    }
    if (folded.length >= 3) {
      GOVERNMENTS.filter((g) => fold(g.name) === folded).forEach((g, j) => {
        alternatives.push(`(date >= @g${i}_${j}f${g.until ? ` AND date < @g${i}_${j}u` : ''})`);
        params[`g${i}_${j}f`] = g.from;
        if (g.until) params[`g${i}_${j}u`] = g.until;
      });
    }
    // 3+ digits: `49` stays a word of the text ("article 49"), `1240` is also a number.
    if (/^\d{3,6}$/.test(word)) {
      alternatives.push(`numero = @n${i}`);
      params[`n${i}`] = Number(word);
      numbers.push(Number(word));
    }
    if (UID.test(word)) {
      alternatives.push(`uid = @u${i}`);
      params[`u${i}`] = word.toUpperCase();
    }
    conditions.push(`(${alternatives.join(' OR ')})`);
  });
  return { conditions, params, featured, numbers };
}

/**
 * ORDER BY keys putting the curated matches, then the exact numbers, before the chosen sort. The SQL
 * text is the same for every query (values are parameters), so the statement cache stays small.
 */
export const RANK_SQL =
  '(uid IN (SELECT value FROM json_each(@featured))) DESC, ' +
  // `1240` names two votes (L16 and L17): the famous one first, then the other exact numbers
  '(numero IN (SELECT value FROM json_each(@numbers)) AND uid IN (SELECT value FROM json_each(@famous))) DESC, ' +
  '(numero IN (SELECT value FROM json_each(@numbers))) DESC, ';

const FAMOUS_UIDS = JSON.stringify(FAMOUS_VOTES.map((v) => v.uid));

export const rankParams = (search: SearchSql) => ({
  featured: JSON.stringify(search.featured),
  numbers: JSON.stringify(search.numbers),
  famous: FAMOUS_UIDS,
});
