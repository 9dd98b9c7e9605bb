import type { Amendement, MatchedAmendement } from '@parallele/core';
import type { Db } from '../../db/client';

/** Storage of the amendements the linker matches scrutin titres with (« l'amendement n° 2194 »). */

export interface AmendementItem {
  value: Amendement;
  hash: string;
}

const UPSERT = `INSERT INTO amendements (uid, legislature, numero, texte_ref, seance_ref, dossier_ref, sort, source_hash, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (uid) DO UPDATE SET legislature = excluded.legislature, numero = excluded.numero, texte_ref = excluded.texte_ref,
       seance_ref = excluded.seance_ref, dossier_ref = excluded.dossier_ref, sort = excluded.sort, source_hash = excluded.source_hash`;

export function amendementsRepository(db: Db) {
  const { store } = db;
  return {
    /** Writes new and changed amendements; unchanged ones (same content hash) are not touched. */
    async upsert(items: readonly AmendementItem[], now: number) {
      const report = { imported: 0, updated: 0, unchanged: 0, rows: 0 };
      await store.transaction(async () => {
        for (const { value, hash } of items) {
          const current = await store.get<{ hash: string }>('SELECT source_hash AS hash FROM amendements WHERE uid = ?', [value.uid]);
          if (current?.hash === hash) {
            report.unchanged++;
            continue;
          }
          await store.run(UPSERT, [
            value.uid, value.legislature, value.numero, value.texteRef, value.seanceRef, value.dossierRef, value.sort, hash, now,
          ]);
          report.rows++;
          if (current) report.updated++;
          else report.imported++;
        }
      });
      return report;
    },
    /** The amendements discussed in a séance under a number (several when texts share numbers). */
    inSitting: (seanceRef: string, numero: string): Promise<MatchedAmendement[]> =>
      store.all<MatchedAmendement>('SELECT uid, numero, dossier_ref AS "dossierRef" FROM amendements WHERE seance_ref = ? AND numero = ? ORDER BY uid', [seanceRef, numero]),
    count: async (): Promise<number> => (await store.get<{ n: number }>('SELECT count(*) AS n FROM amendements'))!.n,
  };
}
