import { profileDepartementOf, seatDepartementOf, type MyConstituency, type MyConstituencyBody } from '@parallele/core';
import type { Db } from '../../db/client';
import { profilesRepository } from '../profiles';

/** Below this many votes, a constituency's split is not shown: it could reveal a neighbour's vote. */
export const MIN_CONSTITUENCY_SPLIT = 5;

/** My seat as the AN writes it, from the profile's département and circonscription (null: not told). */
export async function myConstituency(db: Db, citizenId: number): Promise<MyConstituency> {
  const c = await profilesRepository(db).constituencyOf(citizenId);
  return c ? { numDepartement: seatDepartementOf(c.departement), numCirco: c.circonscription } : null;
}

export async function setMyConstituency(db: Db, citizenId: number, value: MyConstituencyBody | null, now: number): Promise<MyConstituency> {
  await profilesRepository(db).setConstituency(citizenId, value && { departement: profileDepartementOf(value.numDepartement), circonscription: value.numCirco }, now);
  return myConstituency(db, citizenId);
}

/** The deputy's latest votes, the citizen's beside them, and the split of the citizens of the deputy's seat. */
export async function deputyVotes(db: Db, ref: string, legislature: number, limit: number, citizenId: number | null) {
  const { store } = db;
  const seat = await store.get<{ d: string; c: number }>(
    'SELECT num_departement AS d, num_circo AS c FROM deputy_constituencies WHERE acteur_ref = ? AND legislature = ? ORDER BY end_date IS NOT NULL, start_date DESC NULLS LAST LIMIT 1',
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
      `SELECT v.choice, count(*) AS n FROM votes v JOIN citizen_profiles p ON p.citizen_id = v.citizen_id
        WHERE v.scrutin_uid = ? AND p.departement = ? AND p.circonscription = ? GROUP BY v.choice`,
      [uid, profileDepartementOf(seat.d), seat.c],
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
