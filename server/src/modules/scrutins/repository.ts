import { finalLawVoteUids, scrutinUid, type AssemblyId, type Scrutin, type ScrutinListQuery, type ScrutinSort } from '@parallele/core';
import type { Db } from '../../db/client';
import { closenessOf, getScrutin, storeVersion, type ScrutinHeadRow, type TotalsRow } from '../../db/an-reads';
import type { Dialect } from '../../db/types';
import { inList, rankSql, searchSql } from './search-terms';

/**
 * Read queries of the scrutins API through the SQL port (the list is dynamic SQL over a handful of
 * optional filters).
 *
 * Text search (search-terms.ts): every word of `q` must occur in the scrutin's search document
 * (titre, objet, linked agenda and text, motion authors: db/scrutin-search.ts; a trigram index,
 * accent-insensitive on both engines: "deposee" finds "déposée"), in a famous vote's curated
 * keywords, or name the government in office, the number or the uid.
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

function whereClause(filter: ScrutinFilter, dialect: Dialect, finalLawVotes: readonly string[] | null) {
  const conditions: string[] = [];
  const params: (string | number)[] = [];
  // issue 15: European Parliament votes (organe PE<term>) and councils' deliberations (CM-<id>) are listed apart; AN unless asked
  conditions.push(
    filter.assembly === 'ep' ? "substr(organe_ref, 1, 2) = 'PE'" : filter.assembly === 'council' ? "substr(organe_ref, 1, 3) = 'CM-'" : "substr(organe_ref, 1, 2) NOT IN ('PE', 'CM')",
  );
  const add = (condition: string, ...values: (string | number)[]) => {
    conditions.push(condition);
    params.push(...values);
  };
  if (filter.legislature !== undefined) add('legislature = ?', filter.legislature);
  if (filter.type?.length) add(inList('type', filter.type).sql, ...filter.type);
  if (filter.outcome) add('outcome = ?', filter.outcome);
  if (filter.dateFrom) add('date >= ?', filter.dateFrom);
  if (filter.dateTo) add('date <= ?', filter.dateTo);
  if (filter.finalLawVote !== undefined && finalLawVotes) {
    const finals = inList('uid', finalLawVotes);
    add(filter.finalLawVote ? finals.sql : `NOT (${finals.sql})`, ...finals.params);
  }
  // Text search, ranked: see search-terms.ts.
  const search = filter.q ? searchSql(filter.q, dialect) : null;
  if (search) add(search.conditions.join(' AND '), ...search.params);
  return { sql: `WHERE ${conditions.join(' AND ')}`, params, search };
}

export function createScrutinsRepository(db: Db) {
  const { store } = db;
  /**
   * core's `finalLawVoteUids` over every scrutin's title and sitting (it needs the whole sitting to
   * tell an article unique from the ensemble vote that follows it), kept until the store changes.
   */
  let finals: { version: string; uids: string[] } | null = null;
  async function finalLawVotes(): Promise<string[]> {
    const version = await storeVersion(db);
    if (finals?.version !== version) {
      // only titles starting with "l" can be law votes (core's MAYBE): the rest need not be read
      const rows = await store.all<{ uid: string; legislature: number; numero: number; seance_ref: string | null; titre: string }>(
        "SELECT uid, legislature, numero, seance_ref, titre FROM scrutins WHERE lower(substr(titre, 1, 1)) = 'l'",
      );
      finals = { version, uids: [...finalLawVoteUids(rows.map((r) => ({ uid: scrutinUid(r.uid), legislature: r.legislature, numero: r.numero, seanceRef: r.seance_ref, titre: r.titre })))] };
    }
    return finals.uids;
  }

  return {
    /**
     * One page of summaries and the total count of the filter: two reads, not a transaction (the
     * port's transactions take the write lock; a write in between only shifts the total).
     */
    async list(query: ScrutinListQuery & { assembly?: AssemblyId }): Promise<{ rows: ScrutinSummaryRow[]; total: number }> {
      const { sql: where, params, search } = whereClause(query, store.dialect, query.finalLawVote === undefined ? null : await finalLawVotes());
      const rank = search ? rankSql(search) : { sql: '', params: [] };
      const [counted, rows] = await Promise.all([
        store.get<{ n: number }>(`SELECT count(*) AS n FROM scrutins ${where}`, params),
        store.all<ScrutinSummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM scrutins ${where} ORDER BY ${rank.sql}${ORDER_BY[query.sort]} LIMIT ? OFFSET ?`, [
          ...params,
          ...rank.params,
          query.pageSize,
          (query.page - 1) * query.pageSize,
        ]),
      ]);
      return { rows, total: counted?.n ?? 0 };
    },

    /** The full scrutin as stored (null when unknown) and its closeness. */
    /**
     * What a scenario's selection reads of the AN's scrutins (no votes), narrowed to the uids, or
     * to the legislatures and dates asked (whole sittings, as final-vote detection needs).
     */
    async selectable(range: SelectableRange): Promise<SelectableRow[]> {
      const conditions = ["substr(organe_ref, 1, 2) NOT IN ('PE', 'CM')"];
      const params: (string | number)[] = [];
      if (range.uids) {
        const uids = inList('uid', range.uids);
        conditions.push(uids.sql);
        params.push(...uids.params);
      }
      if (range.legislatures?.length) {
        const legislatures = inList('legislature', range.legislatures);
        conditions.push(legislatures.sql);
        params.push(...legislatures.params);
      }
      if (range.from) {
        conditions.push('date >= ?');
        params.push(range.from);
      }
      if (range.to) {
        conditions.push('date <= ?');
        params.push(range.to);
      }
      return store.all<SelectableRow>(`SELECT ${SELECTABLE_COLUMNS} FROM scrutins WHERE ${conditions.join(' AND ')}`, params);
    },
    exists: async (uid: string): Promise<boolean> => (await store.get('SELECT 1 AS one FROM scrutins WHERE uid = ?', [uid])) !== undefined,

    async get(uid: string): Promise<{ scrutin: Scrutin; closeness: number } | null> {
      const scrutin = await getScrutin(db, uid);
      if (!scrutin) return null;
      return { scrutin, closeness: closenessOf(scrutin.totals) };
    },
  };
}

export type ScrutinsRepository = ReturnType<typeof createScrutinsRepository>;
