import type { Db } from '../../db/client';

/** Below this many votes, a constituency's split is not shown: it could reveal a neighbour's vote. */
export const MIN_CONSTITUENCY_SPLIT = 5;

export async function myConstituency(db: Db, citizenId: number): Promise<{ numDepartement: string; numCirco: number } | null> {
  return (
    (await db.store.get<{ numDepartement: string; numCirco: number }>(
      'SELECT num_departement AS "numDepartement", num_circo AS "numCirco" FROM citizen_constituencies WHERE citizen_id = ?',
      [citizenId],
    )) ?? null
  );
}

export async function setMyConstituency(db: Db, citizenId: number, value: { numDepartement: string; numCirco: number } | null, now: number) {
  if (value === null) await db.store.run('DELETE FROM citizen_constituencies WHERE citizen_id = ?', [citizenId]);
  else {
    await db.store.run(
      `INSERT INTO citizen_constituencies (citizen_id, num_departement, num_circo, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (citizen_id) DO UPDATE SET num_departement = excluded.num_departement, num_circo = excluded.num_circo, updated_at = excluded.updated_at`,
      [citizenId, value.numDepartement.toUpperCase(), value.numCirco, now],
    );
  }
  return myConstituency(db, citizenId);
}

/** The deputy's latest votes, the citizen's beside them, and the split of the citizens of the deputy's seat. */
export async function deputyVotes(db: Db, ref: string, legislature: number, limit: number, citizenId: number | null) {
  const { store } = db;
  const seat = await store.get<{ d: string; c: number }>(
    'SELECT num_departement AS d, num_circo AS c FROM deputy_constituencies WHERE acteur_ref = ? AND legislature = ? ORDER BY end_date IS NOT NULL, start_date DESC LIMIT 1',
    [ref, legislature],
  );
  const rows = await store.all<{ scrutinUid: string; titre: string; date: string; deputy: string }>(
    `SELECT s.uid AS "scrutinUid", s.titre, s.date, v.position AS deputy FROM deputy_votes v JOIN scrutins s ON s.uid = v.scrutin_uid
      WHERE v.acteur_ref = ? AND s.legislature = ? ORDER BY s.date DESC, s.numero DESC LIMIT ?`,
    [ref, legislature, limit],
  );
  const constituencyOf = async (uid: string) => {
    if (!seat) return null;
    const counts = { pour: 0, contre: 0, abstention: 0, total: 0 };
    const split = await store.all<{ choice: 'pour' | 'contre' | 'abstention'; n: number }>(
      `SELECT v.choice, count(*) AS n FROM votes v JOIN citizen_constituencies c ON c.citizen_id = v.citizen_id
        WHERE v.scrutin_uid = ? AND c.num_departement = ? AND c.num_circo = ? GROUP BY v.choice`,
      [uid, seat.d, seat.c],
    );
    for (const s of split) {
      counts[s.choice] += s.n;
      counts.total += s.n;
    }
    return counts.total >= MIN_CONSTITUENCY_SPLIT ? counts : null;
  };
  const mineOf = async (uid: string) =>
    citizenId === null
      ? null
      : ((await store.get<{ choice: string }>('SELECT choice FROM votes WHERE scrutin_uid = ? AND citizen_id = ?', [uid, citizenId]))?.choice ?? null);
  return {
    ref,
    minSplit: MIN_CONSTITUENCY_SPLIT,
    votes: await Promise.all(rows.map(async (r) => ({ ...r, mine: await mineOf(r.scrutinUid), constituency: await constituencyOf(r.scrutinUid) }))),
  };
}
