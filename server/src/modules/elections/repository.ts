import type { Db } from '../../db/client';

/** Citizens' ballots on election rounds (table election_ballots), through the SQL port like the votes. */
export function createElectionsRepository(db: Db) {
  const { store } = db;
  return {
    async cast(electionId: string, round: number, citizenId: number, candidate: string, now: number): Promise<void> {
      await store.run(
        `INSERT INTO election_ballots (election_id, round, citizen_id, candidate, cast_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (election_id, round, citizen_id) DO UPDATE SET candidate = excluded.candidate, cast_at = excluded.cast_at`,
        [electionId, round, citizenId, candidate, now],
      );
    },
    async tally(electionId: string, round: number): Promise<Map<string, number>> {
      const rows = await store.all<{ candidate: string; n: number }>(
        'SELECT candidate, count(*) AS n FROM election_ballots WHERE election_id = ? AND round = ? GROUP BY candidate',
        [electionId, round],
      );
      return new Map(rows.map((r) => [r.candidate, r.n]));
    },
    async mine(electionId: string, citizenId: number): Promise<Record<string, string>> {
      const rows = await store.all<{ round: number; candidate: string }>(
        'SELECT round, candidate FROM election_ballots WHERE election_id = ? AND citizen_id = ? ORDER BY round',
        [electionId, citizenId],
      );
      return Object.fromEntries(rows.map((r) => [String(r.round), r.candidate]));
    },
  };
}
