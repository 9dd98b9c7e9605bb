import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Workshop rooms (issue 12): one row per room, its state as the JSON of core's RoomStateSchema,
 * rewritten at each transition so a restart loses nothing. Secrets are stored hashed (sha-256):
 * the facilitator key; participant tokens are hashed inside the state. Rows are deleted 24 h after
 * the last activity, or at once when the facilitator deletes the room.
 */
export const rooms = pgTable(
  'rooms',
  {
    code: text('code').primaryKey(),
    facilitatorKeyHash: text('facilitator_key_hash').notNull(),
    /** the read-only recap link's key (not a control secret: it only shows aggregate results) */
    recapKey: text('recap_key').notNull(),
    state: text('state').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    lastActivityAt: bigint('last_activity_at', { mode: 'number' }).notNull(),
    /** the signed-in citizen who created the room (null: created anonymously); lists "Vos salles" */
    ownerCitizenId: integer('owner_citizen_id'),
    /**
     * bumped by every write to the room (ballots included): an action is saved only if the version
     * it was computed from is still the stored one, and a process's cached copy is valid only
     * while its version matches (several processes may serve the same room)
     */
    version: integer('version').notNull().default(0),
  },
  (t) => [index('rooms_last_activity').on(t.lastActivityAt), index('rooms_owner').on(t.ownerCitizenId)],
);

/**
 * A participant's ballot on one question of a room, in its own row: a vote writes this small row
 * instead of the room's whole JSON (`state` keeps everything else, its `ballots` left empty).
 * Choice and prediction are stored as JSON text ("pour", 2, null). Deleted with their room.
 */
export const roomBallots = pgTable(
  'room_ballots',
  {
    roomCode: text('room_code').notNull().references(() => rooms.code, { onDelete: 'cascade' }),
    questionIndex: integer('question_index').notNull(),
    participantId: text('participant_id').notNull(),
    choice: text('choice').notNull(),
    prediction: text('prediction').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roomCode, t.questionIndex, t.participantId] })],
);
