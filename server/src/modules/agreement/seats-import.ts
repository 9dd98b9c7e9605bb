import { AnParseError, parseConstituencies, type Constituency } from '@parallele/core';
import type { Db } from '../../db/client';

/**
 * The importer's handler of the constituencies in acteur files ("Mon député·e"). Like deputies,
 * an acteur read twice (L16 then L17 snapshots) is replaced by the last one read. Writing is
 * idempotent: an acteur's rows are replaced whole, unchanged rows make no difference.
 */
export function createSeatsCollector() {
  const byActeur = new Map<string, Constituency[]>();
  return {
    /** null when fine, else the error (the acteur is then skipped as a whole) */
    add(json: unknown, location: string): string | null {
      try {
        const seats = parseConstituencies(json, location);
        const ref = seats[0]?.acteurRef ?? null;
        if (ref) byActeur.set(ref, seats);
        return null;
      } catch (e) {
        if (e instanceof AnParseError) return e.message;
        throw e;
      }
    },
    write(db: Db): number {
      const del = db.sqlite.prepare('DELETE FROM deputy_constituencies WHERE acteur_ref = ?');
      const insert = db.sqlite.prepare(
        `INSERT OR REPLACE INTO deputy_constituencies (mandat_ref, acteur_ref, legislature, departement, num_departement, num_circo, start_date, end_date)
         VALUES (@mandatRef, @acteurRef, @legislature, @departement, @numDepartement, @numCirco, @startDate, @endDate)`,
      );
      let rows = 0;
      db.sqlite.transaction(() => {
        for (const [ref, seats] of byActeur) {
          del.run(ref);
          for (const s of seats) rows += insert.run(s).changes;
        }
      })();
      return rows;
    },
  };
}
