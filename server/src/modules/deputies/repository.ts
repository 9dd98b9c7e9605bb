import type { DeputyPosition } from '@parallele/core';
import { toScrutinHead, type ScrutinHeadRow } from '../../db/an-reads';
import type { Db } from '../../db/client';

/** Reads of deputies (acteurs) and of their recorded positions. */

export interface DeputyRow {
  ref: string;
  civility: string | null;
  first_name: string;
  last_name: string;
  alpha: string | null;
  birth_date: string | null;
  group_ref: string | null;
}

interface PositionRow extends ScrutinHeadRow {
  scrutin_uid: string;
  position: DeputyPosition['position'];
  by_proxy: number | null;
  cause: string | null;
  organe_ref: string;
}

const COLUMNS = 'ref, civility, first_name, last_name, alpha, birth_date, group_ref';

export function createDeputiesRepository(db: Db) {
  const { store } = db;
  return {
    async get(ref: string): Promise<DeputyRow | null> {
      return (await store.get<DeputyRow>(`SELECT ${COLUMNS} FROM deputies WHERE ref = ?`, [ref])) ?? null;
    },

    /** Name rows of every acteur who voted in (or corrected) a scrutin. */
    async forScrutin(uid: string): Promise<Map<string, DeputyRow>> {
      const rows = await store.all<DeputyRow>(
        `SELECT ${COLUMNS} FROM deputies WHERE ref IN (
           SELECT acteur_ref FROM deputy_votes WHERE scrutin_uid = ?
           UNION SELECT acteur_ref FROM mises_au_point WHERE scrutin_uid = ?)`,
        [uid, uid],
      );
      return new Map(rows.map((r) => [r.ref, r]));
    },

    /**
     * A page of positions, newest first, and their total: two reads, not a transaction (the port's
     * transactions take the write lock; a write in between only shifts the total of one page).
     */
    async positions(ref: string, page: number, pageSize: number): Promise<{ rows: DeputyPosition[]; total: number }> {
      const [counted, found] = await Promise.all([
        store.get<{ n: number }>('SELECT count(*) AS n FROM deputy_votes WHERE acteur_ref = ?', [ref]),
        store.all<PositionRow>(
          `SELECT v.scrutin_uid, s.legislature, s.numero, s.date, s.type, s.outcome, s.titre, v.position, v.by_proxy, v.cause,
                  v.organe_ref
             FROM deputy_votes v JOIN scrutins s ON s.uid = v.scrutin_uid
            WHERE v.acteur_ref = ?
            ORDER BY s.date DESC, s.legislature DESC, s.numero DESC, s.uid DESC
            LIMIT ? OFFSET ?`,
          [ref, pageSize, (page - 1) * pageSize],
        ),
      ]);
      return {
        total: counted?.n ?? 0,
        rows: found.map(
          (r): DeputyPosition => ({
            scrutinUid: r.scrutin_uid,
            ...toScrutinHead(r),
            position: r.position,
            byProxy: r.by_proxy === null ? null : r.by_proxy === 1,
            cause: r.cause,
            organeRef: r.organe_ref,
          }),
        ),
      };
    },
  };
}

export type DeputiesRepository = ReturnType<typeof createDeputiesRepository>;
