import type { MyDeputyResponse } from '@parallele/core';
import type { Db } from '../../db/client';

/** "Mon député·e": the deputies of a constituency (newest mandate first), or found by name. */
export function findDeputies(db: Db, q: { legislature: number; departement?: string; circo?: number; name?: string }): MyDeputyResponse {
  const select = `SELECT c.acteur_ref AS ref, d.first_name || ' ' || d.last_name AS name, d.group_ref AS groupRef, c.departement, c.num_departement AS numDepartement,
      c.num_circo AS numCirco, c.start_date AS startDate, c.end_date AS endDate
    FROM deputy_constituencies c JOIN deputies d ON d.ref = c.acteur_ref WHERE c.legislature = ?`;
  type Row = MyDeputyResponse['deputies'][number];
  const rows =
    q.name !== undefined
      ? db.sqlite
          .prepare<[number, string], Row>(`${select} AND (d.first_name || ' ' || d.last_name) LIKE ? ESCAPE '\\' ORDER BY d.last_name, c.start_date DESC LIMIT 20`)
          .all(q.legislature, `%${q.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
      : db.sqlite
          .prepare<[number, string, number], Row>(`${select} AND upper(c.num_departement) = upper(?) AND c.num_circo = ? ORDER BY c.end_date IS NOT NULL, c.start_date DESC`)
          .all(q.legislature, q.departement!.replace(/^(\d)$/, '0$1'), q.circo!);
  return { deputies: rows };
}
