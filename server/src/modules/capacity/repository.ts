import type { Db } from '../../db/types';

export interface StoreLoad {
  activeVoters: number;
  votes: number;
  storeBytes: number;
}

/**
 * The platform's load, from the store: citizens who voted and votes cast or changed since a time
 * (a range on votes_cast_at_idx: the current vote of each citizen on each scrutin, changes count
 * once), and the store's size (SQLite: pages in use, the WAL folded back by its checkpoints;
 * PostgreSQL: pg_database_size, the database's files without the shared WAL).
 */
export function capacityRepository(db: Db) {
  const { store } = db;
  return {
    async load(sinceMs: number): Promise<StoreLoad> {
      const counts = await store.get<{ voters: number; votes: number }>('SELECT count(DISTINCT citizen_id) AS voters, count(*) AS votes FROM votes WHERE cast_at >= ?', [sinceMs]);
      const size = await store.get<{ bytes: number }>(
        db.dialect === 'postgres'
          ? 'SELECT pg_database_size(current_database()) AS bytes'
          : 'SELECT ((SELECT page_count FROM pragma_page_count()) - (SELECT freelist_count FROM pragma_freelist_count())) * (SELECT page_size FROM pragma_page_size()) AS bytes',
      );
      return { activeVoters: counts?.voters ?? 0, votes: counts?.votes ?? 0, storeBytes: size?.bytes ?? 0 };
    },
  };
}
export type CapacityRepository = ReturnType<typeof capacityRepository>;
