import type Database from 'better-sqlite3';
import { lawTextKey, lawVoteKind, type AssemblyId, type Scrutin, type ScrutinListQuery, type ScrutinSort } from '@parallele/core';
import type { Db } from '../../db/client';
import { closenessOf, getScrutin, type ScrutinHeadRow, type TotalsRow } from '../../db/an-reads';
import { RANK_SQL, rankParams, searchSql } from './search-terms';

/**
 * Read queries of the scrutins API on the raw driver (the list is dynamic SQL over a handful of
 * optional filters; prepared statements are cached per SQL text).
 *
 * Text search (search-terms.ts): every word of `q` must occur in the scrutin's search document
 * (titre, objet, linked agenda and text, motion authors: db/scrutin-search.ts; the FTS5 trigram
 * index of migration 0004: "deposee" finds "déposée"), in a famous vote's curated keywords, or name
 * the government in office, the number or the uid.
 */

export { fold } from './search-terms';

export interface ScrutinSummaryRow extends ScrutinHeadRow, TotalsRow {
  uid: string;
  objet: string | null;
  demandeur: string | null;
  place: string | null;
  closeness: number;
}

const SUMMARY_COLUMNS = `uid, legislature, numero, date, type, outcome, titre, objet, demandeur, place, pour, contre,
  abstentions, non_votants, votants, exprimes, requis, closeness`;

export interface SelectableRow extends ScrutinHeadRow, TotalsRow {
  uid: string;
  seance_ref: string | null;
  objet: string | null;
}
export interface SelectableRange {
  uids?: readonly string[];
  legislatures?: readonly number[];
  from?: string;
  to?: string;
}
const SELECTABLE_COLUMNS = 'uid, legislature, numero, seance_ref, date, type, outcome, titre, objet, pour, contre, abstentions, non_votants, votants, exprimes, requis';

/** Every order ends on unique keys so pages never overlap or skip rows. */
const ORDER_BY: Record<ScrutinSort, string> = {
  date: 'date ASC, legislature ASC, numero ASC, uid ASC',
  '-date': 'date DESC, legislature DESC, numero DESC, uid DESC',
  closeness: 'closeness ASC, date DESC, legislature DESC, numero DESC, uid DESC',
};

/** `assembly` (issue 15): which assembly's records, the AN's unless said (see modules/assemblies). */
export type ScrutinFilter = Omit<ScrutinListQuery, 'page' | 'pageSize' | 'sort'> & { assembly?: AssemblyId };

/**
 * core's `finalLawVoteUids` in SQL, over the same title rules (core's functions registered on the
 * connection): an ensemble vote on a law, or an article unique with no ensemble vote on the same
 * text later in the sitting.
 */
const FINAL_LAW_VOTE_SQL = `(law_vote_kind(titre) IS 'ensemble' OR (law_vote_kind(titre) IS 'article-unique' AND NOT EXISTS (
  SELECT 1 FROM scrutins later WHERE later.seance_ref = scrutins.seance_ref AND later.legislature = scrutins.legislature
    AND later.numero > scrutins.numero AND law_vote_kind(later.titre) = 'ensemble' AND law_text_key(later.titre) = law_text_key(scrutins.titre))))`;

function whereClause(filter: ScrutinFilter) {
  const conditions: string[] = [];
  const params: Record<string, string | number> = {};
  // issue 15: European Parliament votes (organe PE<term>) and councils' deliberations (CM-<id>) are listed apart; AN unless asked
  conditions.push(
    filter.assembly === 'ep' ? "substr(organe_ref, 1, 2) = 'PE'" : filter.assembly === 'council' ? "substr(organe_ref, 1, 3) = 'CM-'" : "substr(organe_ref, 1, 2) NOT IN ('PE', 'CM')",
  );
  if (filter.legislature !== undefined) {
    conditions.push('legislature = @legislature');
    params.legislature = filter.legislature;
  }
  if (filter.type?.length) {
    conditions.push(`type IN (${filter.type.map((_, i) => `@type${i}`).join(', ')})`);
    filter.type.forEach((t, i) => (params[`type${i}`] = t));
  }
  if (filter.outcome) {
    conditions.push('outcome = @outcome');
    params.outcome = filter.outcome;
  }
  if (filter.dateFrom) {
    conditions.push('date >= @dateFrom');
    params.dateFrom = filter.dateFrom;
  }
  if (filter.dateTo) {
    conditions.push('date <= @dateTo');
    params.dateTo = filter.dateTo;
  }
  if (filter.finalLawVote !== undefined) conditions.push(filter.finalLawVote ? FINAL_LAW_VOTE_SQL : `NOT ${FINAL_LAW_VOTE_SQL}`);
  // Text search, ranked: see search-terms.ts.
  const search = filter.q ? searchSql(filter.q) : null;
  if (search) {
    conditions.push(...search.conditions);
    Object.assign(params, search.params);
  }
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params, search };
}

export function createScrutinsRepository(db: Db) {
  const sqlite = db.sqlite;
  sqlite.function('law_vote_kind', { deterministic: true }, (titre: unknown) => (typeof titre === 'string' ? lawVoteKind(titre) : null));
  sqlite.function('law_text_key', { deterministic: true }, (titre: unknown) => (typeof titre === 'string' ? lawTextKey(titre) : null));
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = sqlite.prepare(sql)));
    return st;
  };

  return {
    /** One page of summaries and the total count of the filter, in one read transaction. */
    list(query: ScrutinListQuery & { assembly?: AssemblyId }): { rows: ScrutinSummaryRow[]; total: number } {
      const { sql: where, params, search } = whereClause(query);
      const read = sqlite.transaction(() => {
        const total = (prepared(`SELECT count(*) AS n FROM scrutins ${where}`).get(params) as { n: number }).n;
        const rows = prepared(
          `SELECT ${SUMMARY_COLUMNS} FROM scrutins ${where} ORDER BY ${search ? RANK_SQL : ''}${ORDER_BY[query.sort]} LIMIT @limit OFFSET @offset`,
        ).all({ ...params, ...(search ? rankParams(search) : {}), limit: query.pageSize, offset: (query.page - 1) * query.pageSize }) as ScrutinSummaryRow[];
        return { rows, total };
      });
      return read();
    },

    /**
     * What a scenario's selection reads of the AN's scrutins (no votes), narrowed to the uids, or
     * to the legislatures and dates asked (whole sittings, as final-vote detection needs).
     */
    selectable(range: SelectableRange): SelectableRow[] {
      const conditions = ["substr(organe_ref, 1, 2) NOT IN ('PE', 'CM')"];
      const params: (string | number)[] = [];
      if (range.uids) {
        conditions.push(`uid IN (${range.uids.map(() => '?').join(', ') || 'NULL'})`);
        params.push(...range.uids);
      }
      if (range.legislatures?.length) {
        conditions.push(`legislature IN (${range.legislatures.map(() => '?').join(', ')})`);
        params.push(...range.legislatures);
      }
      if (range.from) {
        conditions.push('date >= ?');
        params.push(range.from);
      }
      if (range.to) {
        conditions.push('date <= ?');
        params.push(range.to);
      }
      return prepared(`SELECT ${SELECTABLE_COLUMNS} FROM scrutins WHERE ${conditions.join(' AND ')}`).all(...params) as SelectableRow[];
    },
    exists: (uid: string) => prepared('SELECT 1 FROM scrutins WHERE uid = ?').get(uid) !== undefined,

    /** The full scrutin as stored (null when unknown) and its closeness. */
    get(uid: string): { scrutin: Scrutin; closeness: number } | null {
      const scrutin = getScrutin(db, uid);
      if (!scrutin) return null;
      return { scrutin, closeness: closenessOf(scrutin.totals) };
    },
  };
}

export type ScrutinsRepository = ReturnType<typeof createScrutinsRepository>;
