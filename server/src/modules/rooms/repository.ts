import { BallotSchema, RoomStateSchema, type Ballot, type RoomState } from '@parallele/core';
import type { Db } from '../../db/types';

/**
 * The rooms tables: one row per room (the state as JSON, its ballots left out, plus a version)
 * and one row per ballot. The SQL is plain (ON CONFLICT, no SQLite-only function) so that it
 * runs on both stores; every write that depends on what was read says which version it was read at.
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

export function createRoomsRepository(db: Pick<Db, 'store'>) {
  const { store } = db;
  const remove = (code: string) => store.run('DELETE FROM rooms WHERE code = ?', [code]);
  const update = async (state: RoomState, version: number) =>
    (await store.run('UPDATE rooms SET state = ?, last_activity_at = ?, version = version + 1 WHERE code = ? AND version = ?', [stateJson(state), state.lastActivityAt, state.code, version])).changes === 1;

  /** Rows written before ballots had their own table (migration 0014) carry them in the JSON: moved once. */
  function moveLegacyBallots(state: RoomState, version: number): Promise<number> {
    return store.transaction(async () => {
      for (const [q, byId] of Object.entries(state.ballots)) for (const [id, b] of Object.entries(byId)) await repo.putBallot(state.code, Number(q), id, b);
      return (await update(state, version)) ? version + 1 : version;
    });
  }

  const repo = {
    /** False when the code is taken (another process may have drawn the same one): draw again. */
    async insert(room: Omit<StoredRoom, 'version'>): Promise<boolean> {
      const r = await store.run(
        'INSERT INTO rooms (code, facilitator_key_hash, recap_key, state, created_at, last_activity_at, owner_citizen_id, version) VALUES (?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT (code) DO NOTHING',
        [room.code, room.facilitatorKeyHash, room.recapKey, stateJson(room.state), room.state.createdAt, room.state.lastActivityAt, room.ownerCitizenId ?? null],
      );
      return r.changes === 1;
    },
    /** What a cached copy is checked against: the version and the last activity, or null. */
    async head(code: string): Promise<{ version: number; lastActivityAt: number } | null> {
      const h = await store.get<{ version: number; last_activity_at: number }>('SELECT version, last_activity_at FROM rooms WHERE code = ?', [code]);
      return h ? { version: Number(h.version), lastActivityAt: Number(h.last_activity_at) } : null;
    },
    async get(code: string): Promise<StoredRoom | null> {
      const row = await store.get<Row>('SELECT code, facilitator_key_hash, recap_key, state, owner_citizen_id, last_activity_at, version FROM rooms WHERE code = ?', [code]);
      if (!row) return null;
      const state = RoomStateSchema.parse(JSON.parse(row.state));
      let version = Number(row.version);
      if (Object.keys(state.ballots).length > 0) version = await moveLegacyBallots(state, version);
      const all: RoomState['ballots'] = {};
      const rows = await store.all<BallotRow>('SELECT question_index, participant_id, choice, prediction FROM room_ballots WHERE room_code = ? ORDER BY question_index, participant_id', [code]);
      for (const b of rows) (all[String(b.question_index)] ??= {})[b.participant_id] = ballotOf(b);
      return {
        code: row.code, facilitatorKeyHash: row.facilitator_key_hash, recapKey: row.recap_key, ownerCitizenId: row.owner_citizen_id, version,
        state: { ...state, ballots: all, lastActivityAt: Number(row.last_activity_at) },
      };
    },
    /** The room's JSON rewritten, if still at `version`; false when another write came first. */
    saveState: (state: RoomState, version: number) => update(state, version),
    /** A write that left the JSON alone (ballots): the version and the last activity only. */
    touch: async (code: string, lastActivityAt: number, version: number) =>
      (await store.run('UPDATE rooms SET last_activity_at = ?, version = version + 1 WHERE code = ? AND version = ?', [lastActivityAt, code, version])).changes === 1,
    async putBallot(code: string, questionIndex: number, participantId: string, ballot: Ballot) {
      await store.run(
        'INSERT INTO room_ballots (room_code, question_index, participant_id, choice, prediction) VALUES (?, ?, ?, ?, ?) ' +
          'ON CONFLICT (room_code, question_index, participant_id) DO UPDATE SET choice = excluded.choice, prediction = excluded.prediction',
        [code, questionIndex, participantId, JSON.stringify(ballot.choice), JSON.stringify(ballot.prediction)],
      );
    },
    dropBallot: (code: string, questionIndex: number, participantId: string) =>
      store.run('DELETE FROM room_ballots WHERE room_code = ? AND question_index = ? AND participant_id = ?', [code, questionIndex, participantId]),
    /** Runs `fn` in one transaction: every write in it lands, or none. */
    transaction: <T>(fn: () => Promise<T>): Promise<T> => store.transaction(fn),
    /** The codes of a citizen's rooms active since `since` (ms), newest first (at most 100). */
    codesOwnedBy: async (citizenId: number, since: number) =>
      (await store.all<{ code: string }>('SELECT code FROM rooms WHERE owner_citizen_id = ? AND last_activity_at >= ? ORDER BY created_at DESC, code LIMIT 100', [citizenId, since])).map((r) => r.code),
    setFacilitatorKeyHash: (code: string, hash: string) => store.run('UPDATE rooms SET facilitator_key_hash = ?, version = version + 1 WHERE code = ?', [hash, code]),
    /** Deletes the room; its ballots go with it (foreign key, on delete cascade). */
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
  return repo;
}
export type RoomsRepository = ReturnType<typeof createRoomsRepository>;
