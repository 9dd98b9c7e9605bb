import { bigint, index, integer, pgTable, text } from 'drizzle-orm/pg-core';

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
  },
  (t) => [index('rooms_last_activity').on(t.lastActivityAt), index('rooms_owner').on(t.ownerCitizenId)],
);
