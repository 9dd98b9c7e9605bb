import { RoomStateSchema, type RoomState } from '@parallele/core';
import type { Db } from '../../db/types';

/** The rooms table: one row per room, the state as JSON (validated on the way back in). */
export interface StoredRoom {
  code: string;
  facilitatorKeyHash: string;
  recapKey: string;
  state: RoomState;
  /** the signed-in citizen who created it, null when created anonymously */
  ownerCitizenId?: number | null;
}

interface Row {
  code: string;
  facilitator_key_hash: string;
  recap_key: string;
  state: string;
  owner_citizen_id: number | null;
}

export function createRoomsRepository(db: Pick<Db, 'store'>) {
  const { store } = db;
  const remove = (code: string) => store.run('DELETE FROM rooms WHERE code = ?', [code]);
  return {
    exists: async (code: string) => (await store.get('SELECT 1 AS n FROM rooms WHERE code = ?', [code])) !== undefined,
    async insert(room: StoredRoom) {
      await store.run('INSERT INTO rooms (code, facilitator_key_hash, recap_key, state, created_at, last_activity_at, owner_citizen_id) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        room.code, room.facilitatorKeyHash, room.recapKey, JSON.stringify(room.state), room.state.createdAt, room.state.lastActivityAt, room.ownerCitizenId ?? null,
      ]);
    },
    async save(state: RoomState) {
      await store.run('UPDATE rooms SET state = ?, last_activity_at = ? WHERE code = ?', [JSON.stringify(state), state.lastActivityAt, state.code]);
    },
    async get(code: string): Promise<StoredRoom | null> {
      const row = await store.get<Row>('SELECT code, facilitator_key_hash, recap_key, state, owner_citizen_id FROM rooms WHERE code = ?', [code]);
      if (!row) return null;
      return { code: row.code, facilitatorKeyHash: row.facilitator_key_hash, recapKey: row.recap_key, state: RoomStateSchema.parse(JSON.parse(row.state)), ownerCitizenId: row.owner_citizen_id };
    },
    /** The codes of a citizen's rooms active since `since` (ms), newest first (at most 100). */
    codesOwnedBy: async (citizenId: number, since: number) =>
      (await store.all<{ code: string }>('SELECT code FROM rooms WHERE owner_citizen_id = ? AND last_activity_at >= ? ORDER BY created_at DESC LIMIT 100', [citizenId, since])).map((r) => r.code),
    setFacilitatorKeyHash: (code: string, hash: string) => store.run('UPDATE rooms SET facilitator_key_hash = ? WHERE code = ?', [hash, code]),
    delete: async (code: string) => (await remove(code)).changes > 0,
    /** Deletes the rooms idle since before `before` (ms); returns their codes. */
    deleteIdleSince(before: number): Promise<string[]> {
      return store.transaction(async () => {
        const codes = (await store.all<{ code: string }>('SELECT code FROM rooms WHERE last_activity_at < ?', [before])).map((r) => r.code);
        for (const c of codes) await remove(c);
        return codes;
      });
    },
  };
}
export type RoomsRepository = ReturnType<typeof createRoomsRepository>;
