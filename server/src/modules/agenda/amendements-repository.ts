import type { Amendement, MatchedAmendement } from '@parallele/core';
import type { Db } from '../../db/client';

/** Storage of the amendements the linker matches scrutin titres with (« l'amendement n° 2194 »). */

export interface AmendementItem {
  value: Amendement;
  hash: string;
}

export function amendementsRepository(db: Db) {
  const { sqlite } = db;
  const selectHash = sqlite.prepare<[string], { hash: string }>('SELECT source_hash AS hash FROM amendements WHERE uid = ?');
  const upsert = sqlite.prepare(
    `INSERT INTO amendements (uid, legislature, numero, texte_ref, seance_ref, dossier_ref, sort, source_hash, imported_at)
     VALUES (@uid, @legislature, @numero, @texteRef, @seanceRef, @dossierRef, @sort, @hash, @now)
     ON CONFLICT (uid) DO UPDATE SET legislature = excluded.legislature, numero = excluded.numero, texte_ref = excluded.texte_ref,
       seance_ref = excluded.seance_ref, dossier_ref = excluded.dossier_ref, sort = excluded.sort, source_hash = excluded.source_hash`,
  );
  const inSitting = sqlite.prepare<[string, string], MatchedAmendement>(
    'SELECT uid, numero, dossier_ref AS dossierRef FROM amendements WHERE seance_ref = ? AND numero = ? ORDER BY uid',
  );
  return {
    /** Writes new and changed amendements; unchanged ones (same content hash) are not touched. */
    upsert(items: readonly AmendementItem[], now: number) {
      const report = { imported: 0, updated: 0, unchanged: 0, rows: 0 };
      sqlite.transaction(() => {
        for (const { value, hash } of items) {
          const current = selectHash.get(value.uid);
          if (current?.hash === hash) {
            report.unchanged++;
            continue;
          }
          upsert.run({ ...value, hash, now });
          report.rows++;
          if (current) report.updated++;
          else report.imported++;
        }
      })();
      return report;
    },
    /** The amendements discussed in a séance under a number (several when texts share numbers). */
    inSitting: (seanceRef: string, numero: string): MatchedAmendement[] => inSitting.all(seanceRef, numero),
    count: (): number => sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM amendements').get()!.n,
  };
}
