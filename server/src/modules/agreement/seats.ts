import type { MyDeputyResponse } from '@parallele/core';
import type { Db } from '../../db/client';

/** "Mon député·e": the deputies of a constituency (newest mandate first), or found by name. */
export async function findDeputies(db: Db, q: { legislature: number; departement?: string; circo?: number; name?: string }): Promise<MyDeputyResponse> {
  const select = `SELECT c.acteur_ref AS ref, d.first_name || ' ' || d.last_name AS name, d.group_ref AS groupRef, c.departement, c.num_departement AS numDepartement,
      c.num_circo AS numCirco, c.start_date AS startDate, c.end_date AS endDate
    FROM deputy_constituencies c JOIN deputies d ON d.ref = c.acteur_ref WHERE c.legislature = ?`;
  type Row = MyDeputyResponse['deputies'][number];
  const rows =
    q.name !== undefined
      ? // lower() both sides: LIKE is case-sensitive on PostgreSQL
        await db.store.all<Row>(`${select} AND lower(d.first_name || ' ' || d.last_name) LIKE lower(?) ESCAPE '\\' ORDER BY d.last_name, c.start_date DESC LIMIT 20`, [
          q.legislature,
          `%${q.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        ])
      : await db.store.all<Row>(`${select} AND upper(c.num_departement) = upper(?) AND c.num_circo = ? ORDER BY c.end_date IS NOT NULL, c.start_date DESC`, [
          q.legislature,
          q.departement!.replace(/^(\d)$/, '0$1'),
          q.circo!,
        ]);
  return { deputies: rows };
}
