import { RoomStateSchema, type RoomState } from '@parallele/core';
import type { Db } from '../../db/client';

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

export function createRoomsRepository(db: Db) {
  const s = db.sqlite;
  const insert = s.prepare('INSERT INTO rooms (code, facilitator_key_hash, recap_key, state, created_at, last_activity_at, owner_citizen_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const setKeyHash = s.prepare('UPDATE rooms SET facilitator_key_hash = ? WHERE code = ?');
  const byOwner = s.prepare<[number, number], { code: string }>('SELECT code FROM rooms WHERE owner_citizen_id = ? AND last_activity_at >= ? ORDER BY created_at DESC LIMIT 100');
  const update = s.prepare('UPDATE rooms SET state = ?, last_activity_at = ? WHERE code = ?');
  const byCode = s.prepare<[string], Row>('SELECT code, facilitator_key_hash, recap_key, state, owner_citizen_id FROM rooms WHERE code = ?');
  const exists = s.prepare<[string], { n: number }>('SELECT 1 AS n FROM rooms WHERE code = ?');
  const remove = s.prepare('DELETE FROM rooms WHERE code = ?');
  const expired = s.prepare<[number], { code: string }>('SELECT code FROM rooms WHERE last_activity_at < ?');
  return {
    exists: (code: string) => exists.get(code) !== undefined,
    insert(room: StoredRoom) {
      insert.run(room.code, room.facilitatorKeyHash, room.recapKey, JSON.stringify(room.state), room.state.createdAt, room.state.lastActivityAt, room.ownerCitizenId ?? null);
    },
    save(state: RoomState) {
      update.run(JSON.stringify(state), state.lastActivityAt, state.code);
    },
    get(code: string): StoredRoom | null {
      const row = byCode.get(code);
      if (!row) return null;
      return { code: row.code, facilitatorKeyHash: row.facilitator_key_hash, recapKey: row.recap_key, state: RoomStateSchema.parse(JSON.parse(row.state)), ownerCitizenId: row.owner_citizen_id };
    },
    /** The codes of a citizen's rooms active since `since` (ms), newest first (at most 100). */
    codesOwnedBy: (citizenId: number, since: number) => byOwner.all(citizenId, since).map((r) => r.code),
    setFacilitatorKeyHash: (code: string, hash: string) => setKeyHash.run(hash, code),
    delete: (code: string) => remove.run(code).changes > 0,
    /** Deletes the rooms idle since before `before` (ms); returns their codes. */
    deleteIdleSince(before: number): string[] {
      const codes = expired.all(before).map((r) => r.code);
      s.transaction(() => codes.forEach((c) => remove.run(c)))();
      return codes;
    },
  };
}
export type RoomsRepository = ReturnType<typeof createRoomsRepository>;
