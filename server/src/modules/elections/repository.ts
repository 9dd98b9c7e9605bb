import type { Db } from '../../db/client';

/** Citizens' ballots on election rounds (table election_ballots), with the raw driver like the votes. */
export function createElectionsRepository(db: Db) {
  const s = db.sqlite;
  const upsert = s.prepare(
    `INSERT INTO election_ballots (election_id, round, citizen_id, candidate, cast_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(election_id, round, citizen_id) DO UPDATE SET candidate = excluded.candidate, cast_at = excluded.cast_at`,
  );
  const tally = s.prepare<[string, number], { candidate: string; n: number }>(
    'SELECT candidate, count(*) AS n FROM election_ballots WHERE election_id = ? AND round = ? GROUP BY candidate',
  );
  const mine = s.prepare<[string, number], { round: number; candidate: string }>(
    'SELECT round, candidate FROM election_ballots WHERE election_id = ? AND citizen_id = ? ORDER BY round',
  );
  return {
    cast(electionId: string, round: number, citizenId: number, candidate: string, now: number): void {
      upsert.run(electionId, round, citizenId, candidate, now);
    },
    tally(electionId: string, round: number): Map<string, number> {
      return new Map(tally.all(electionId, round).map((r) => [r.candidate, r.n]));
    },
    mine(electionId: string, citizenId: number): Record<string, string> {
      return Object.fromEntries(mine.all(electionId, citizenId).map((r) => [String(r.round), r.candidate]));
    },
  };
}
