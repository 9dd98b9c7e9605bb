import type { Db } from '../../db/types';

export interface StoreLoad {
  activeVoters: number;
  votes: number;
  storeBytes: number;
}

/**
 * The platform's load, from the store: citizens who voted and votes cast or changed since a time
 * (ranges on votes_cast_at_idx: the current vote of each citizen on each scrutin, changes count
 * once), and the store's size (pages in use; the WAL is folded back by SQLite's checkpoints).
 * Async like every repository that the PostgreSQL port makes async.
 */
export function capacityRepository(db: Db) {
  const { sqlite } = db;
  const since = sqlite.prepare<[number], { voters: number; votes: number }>(
    'SELECT count(DISTINCT citizen_id) AS voters, count(*) AS votes FROM votes WHERE cast_at >= ?',
  );
  return {
    async load(sinceMs: number): Promise<StoreLoad> {
      const { voters, votes } = since.get(sinceMs)!;
      const pages = (sqlite.pragma('page_count', { simple: true }) as number) - (sqlite.pragma('freelist_count', { simple: true }) as number);
      return { activeVoters: voters, votes, storeBytes: pages * (sqlite.pragma('page_size', { simple: true }) as number) };
    },
  };
}
export type CapacityRepository = ReturnType<typeof capacityRepository>;
