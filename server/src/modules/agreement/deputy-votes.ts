import { profileDepartementOf, seatDepartementOf, type MyConstituency, type MyConstituencyBody } from '@parallele/core';
import type { Db } from '../../db/client';
import { profilesRepository } from '../profiles';

/** Below this many votes, a constituency's split is not shown: it could reveal a neighbour's vote. */
export const MIN_CONSTITUENCY_SPLIT = 5;

/** My seat as the AN writes it, from the profile's département and circonscription (null: not told). */
export function myConstituency(db: Db, citizenId: number): MyConstituency {
  const c = profilesRepository(db).constituencyOf(citizenId);
  return c ? { numDepartement: seatDepartementOf(c.departement), numCirco: c.circonscription } : null;
}

export function setMyConstituency(db: Db, citizenId: number, value: MyConstituencyBody | null, now: number): MyConstituency {
  profilesRepository(db).setConstituency(citizenId, value && { departement: profileDepartementOf(value.numDepartement), circonscription: value.numCirco }, now);
  return myConstituency(db, citizenId);
}

/** The deputy's latest votes, the citizen's beside them, and the split of the citizens of the deputy's seat. */
export function deputyVotes(db: Db, ref: string, legislature: number, limit: number, citizenId: number | null) {
  const seat = db.sqlite
    .prepare<[string, number], { d: string; c: number }>(
      'SELECT num_departement AS d, num_circo AS c FROM deputy_constituencies WHERE acteur_ref = ? AND legislature = ? ORDER BY end_date IS NOT NULL, start_date DESC LIMIT 1',
    )
    .get(ref, legislature);
  const rows = db.sqlite
    .prepare<[string, number, number], { scrutinUid: string; titre: string; date: string; deputy: string }>(
      `SELECT s.uid AS scrutinUid, s.titre, s.date, v.position AS deputy FROM deputy_votes v JOIN scrutins s ON s.uid = v.scrutin_uid
        WHERE v.acteur_ref = ? AND s.legislature = ? ORDER BY s.date DESC, s.numero DESC LIMIT ?`,
    )
    .all(ref, legislature, limit);
  const mine = db.sqlite.prepare<[string, number], { choice: string }>('SELECT choice FROM votes WHERE scrutin_uid = ? AND citizen_id = ?');
  const split = db.sqlite.prepare<[string, string, number], { choice: 'pour' | 'contre' | 'abstention'; n: number }>(
    `SELECT v.choice, count(*) AS n FROM votes v JOIN citizen_profiles p ON p.citizen_id = v.citizen_id
      WHERE v.scrutin_uid = ? AND p.departement = ? AND p.circonscription = ? GROUP BY v.choice`,
  );
  return {
    ref,
    minSplit: MIN_CONSTITUENCY_SPLIT,
    votes: rows.map((r) => {
      let constituency = null;
      if (seat) {
        const counts = { pour: 0, contre: 0, abstention: 0, total: 0 };
        for (const s of split.all(r.scrutinUid, profileDepartementOf(seat.d), seat.c)) {
          counts[s.choice] += s.n;
          counts.total += s.n;
        }
        if (counts.total >= MIN_CONSTITUENCY_SPLIT) constituency = counts;
      }
      return { ...r, mine: citizenId === null ? null : (mine.get(r.scrutinUid, citizenId)?.choice ?? null), constituency };
    }),
  };
}
