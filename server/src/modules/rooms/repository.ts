import { BallotSchema, RoomStateSchema, type Ballot, type RoomState } from '@parallele/core';
import type { Db } from '../../db/client';

/**
 * The rooms tables: one row per room (the state as JSON, its ballots left out, plus a version)
 * and one row per ballot. The SQL is plain (ON CONFLICT, no SQLite-only function) so that it
 * ports as is; every write that depends on what was read says which version it was read at.
 */
export interface StoredRoom {
  code: string;
  facilitatorKeyHash: string;
  recapKey: string;
  state: RoomState;
  /** the signed-in citizen who created it, null when created anonymously */
  ownerCitizenId?: number | null;
  /** the row's version when it was read (bumped by every write, ballots included) */
  version: number;
}

interface Row {
  code: string;
  facilitator_key_hash: string;
  recap_key: string;
  state: string;
  owner_citizen_id: number | null;
  last_activity_at: number;
  version: number;
}
interface BallotRow {
  question_index: number;
  participant_id: string;
  choice: string;
  prediction: string;
}

/** The JSON kept in the room's row: everything but the ballots (they have their own rows). */
const stateJson = (state: RoomState) => JSON.stringify({ ...state, ballots: {} });
const ballotOf = (r: BallotRow): Ballot => BallotSchema.parse({ choice: JSON.parse(r.choice), prediction: JSON.parse(r.prediction) });

export function createRoomsRepository(db: Db) {
  const s = db.sqlite;
  const insert = s.prepare('INSERT INTO rooms (code, facilitator_key_hash, recap_key, state, created_at, last_activity_at, owner_citizen_id, version) VALUES (?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT (code) DO NOTHING');
  const setKeyHash = s.prepare('UPDATE rooms SET facilitator_key_hash = ?, version = version + 1 WHERE code = ?');
  const byOwner = s.prepare<[number, number], { code: string }>('SELECT code FROM rooms WHERE owner_citizen_id = ? AND last_activity_at >= ? ORDER BY created_at DESC LIMIT 100');
  const update = s.prepare('UPDATE rooms SET state = ?, last_activity_at = ?, version = version + 1 WHERE code = ? AND version = ?');
  const touch = s.prepare('UPDATE rooms SET last_activity_at = ?, version = version + 1 WHERE code = ? AND version = ?');
  const head = s.prepare<[string], { version: number; last_activity_at: number }>('SELECT version, last_activity_at FROM rooms WHERE code = ?');
  const byCode = s.prepare<[string], Row>('SELECT code, facilitator_key_hash, recap_key, state, owner_citizen_id, last_activity_at, version FROM rooms WHERE code = ?');
  const ballots = s.prepare<[string], BallotRow>('SELECT question_index, participant_id, choice, prediction FROM room_ballots WHERE room_code = ?');
  const putBallot = s.prepare(
    'INSERT INTO room_ballots (room_code, question_index, participant_id, choice, prediction) VALUES (?, ?, ?, ?, ?) ' +
      'ON CONFLICT (room_code, question_index, participant_id) DO UPDATE SET choice = excluded.choice, prediction = excluded.prediction',
  );
  const dropBallot = s.prepare('DELETE FROM room_ballots WHERE room_code = ? AND question_index = ? AND participant_id = ?');
  const remove = s.prepare('DELETE FROM rooms WHERE code = ?');
  const expired = s.prepare<[number], { code: string }>('SELECT code FROM rooms WHERE last_activity_at < ?');

  /** Rows written before ballots had their own table (migration 0012) carry them in the JSON: moved once. */
  function moveLegacyBallots(state: RoomState, version: number): number {
    return s.transaction(() => {
      for (const [q, byId] of Object.entries(state.ballots)) for (const [id, b] of Object.entries(byId)) repo.putBallot(state.code, Number(q), id, b);
      return update.run(stateJson(state), state.lastActivityAt, state.code, version).changes === 1 ? version + 1 : version;
    })();
  }

  const repo = {
    /** False when the code is taken (another process may have drawn the same one): draw again. */
    insert(room: Omit<StoredRoom, 'version'>): boolean {
      return insert.run(room.code, room.facilitatorKeyHash, room.recapKey, stateJson(room.state), room.state.createdAt, room.state.lastActivityAt, room.ownerCitizenId ?? null).changes === 1;
    },
    /** What a cached copy is checked against: the version and the last activity, or null. */
    head(code: string): { version: number; lastActivityAt: number } | null {
      const h = head.get(code);
      return h ? { version: h.version, lastActivityAt: h.last_activity_at } : null;
    },
    get(code: string): StoredRoom | null {
      const row = byCode.get(code);
      if (!row) return null;
      const state = RoomStateSchema.parse(JSON.parse(row.state));
      let version = row.version;
      if (Object.keys(state.ballots).length > 0) version = moveLegacyBallots(state, version);
      const all: RoomState['ballots'] = {};
      for (const b of ballots.all(code)) (all[String(b.question_index)] ??= {})[b.participant_id] = ballotOf(b);
      return {
        code: row.code, facilitatorKeyHash: row.facilitator_key_hash, recapKey: row.recap_key, ownerCitizenId: row.owner_citizen_id, version,
        state: { ...state, ballots: all, lastActivityAt: row.last_activity_at },
      };
    },
    /** The room's JSON rewritten, if still at `version`; false when another write came first. */
    saveState: (state: RoomState, version: number) => update.run(stateJson(state), state.lastActivityAt, state.code, version).changes === 1,
    /** A write that left the JSON alone (ballots): the version and the last activity only. */
    touch: (code: string, lastActivityAt: number, version: number) => touch.run(lastActivityAt, code, version).changes === 1,
    putBallot(code: string, questionIndex: number, participantId: string, ballot: Ballot) {
      putBallot.run(code, questionIndex, participantId, JSON.stringify(ballot.choice), JSON.stringify(ballot.prediction));
    },
    dropBallot: (code: string, questionIndex: number, participantId: string) => dropBallot.run(code, questionIndex, participantId),
    /** Runs `fn` in one transaction: every write in it lands, or none. */
    transaction: <T>(fn: () => T): T => s.transaction(fn)(),
    /** The codes of a citizen's rooms active since `since` (ms), newest first (at most 100). */
    codesOwnedBy: (citizenId: number, since: number) => byOwner.all(citizenId, since).map((r) => r.code),
    setFacilitatorKeyHash: (code: string, hash: string) => setKeyHash.run(hash, code),
    /** Deletes the room; its ballots go with it (foreign key, on delete cascade). */
    delete: (code: string) => remove.run(code).changes > 0,
    /** Deletes the rooms idle since before `before` (ms); returns their codes. */
    deleteIdleSince(before: number): string[] {
      const codes = expired.all(before).map((r) => r.code);
      s.transaction(() => codes.forEach((c) => remove.run(c)))();
      return codes;
    },
  };
  return repo;
}
export type RoomsRepository = ReturnType<typeof createRoomsRepository>;
