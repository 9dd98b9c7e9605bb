import { AnParseError, parseConstituencies, type Constituency } from '@parallele/core';
import { insertRows, placeholders } from '../../db/bulk-insert';
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
    async write(db: Db): Promise<number> {
      const { store } = db;
      const refs = [...byActeur.keys()];
      // an acteur's seats replace theirs whole; a mandate moved to another acteur is replaced too (its key)
      const seats = new Map([...byActeur.values()].flat().map((s) => [s.mandatRef, s]));
      return store.transaction(async () => {
        for (let i = 0; i < refs.length; i += 1000) {
          const chunk = refs.slice(i, i + 1000);
          await store.run(`DELETE FROM deputy_constituencies WHERE acteur_ref IN (${placeholders(chunk.length)})`, chunk);
        }
        return insertRows(
          store,
          'deputy_constituencies',
          ['mandat_ref', 'acteur_ref', 'legislature', 'departement', 'num_departement', 'num_circo', 'start_date', 'end_date'],
          [...seats.values()].map((s) => [s.mandatRef, s.acteurRef, s.legislature, s.departement, s.numDepartement, s.numCirco, s.startDate, s.endDate]),
          `ON CONFLICT (mandat_ref) DO UPDATE SET acteur_ref = excluded.acteur_ref, legislature = excluded.legislature, departement = excluded.departement,
            num_departement = excluded.num_departement, num_circo = excluded.num_circo, start_date = excluded.start_date, end_date = excluded.end_date`,
        );
      });
    },
  };
}
