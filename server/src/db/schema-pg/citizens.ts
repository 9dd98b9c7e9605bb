import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Citizens' side of the store: accounts, sessions, one-time codes, platform vote windows, votes,
 * the hash-chained vote log and moderation flags. Times are integer milliseconds since epoch
 * (the log keeps ISO strings: they are hashed as text).
 */

/**
 * An account. Deletion anonymises the row (email, password hash, phone/identity hashes and
 * network cleared, `deleted_at` set) instead of removing it: the votes stay in the tally and the
 * log, but nothing links them to a person any more.
 */
export const citizens = pgTable(
  'citizens',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** lower-cased; null once the account is deleted */
    email: text('email'),
    /** `scrypt$logN$r$p$salt$hash`, base64url; null once deleted */
    passwordHash: text('password_hash'),
    /** keyed HMAC of the id: the pseudonym in the public log (32 hex digits) */
    voterId: text('voter_id').notNull(),
    level: text('level', { enum: ['none', 'email', 'phone', 'identity'] }).notNull().default('none'),
    role: text('role', { enum: ['citizen', 'admin'] }).notNull().default('citizen'),
    locale: text('locale', { enum: ['fr', 'en'] }).notNull().default('fr'),
    /** /24 or /64 of the registration address, for the burst detector (not the address itself) */
    registrationNetwork: text('registration_network'),
    /** HMAC of the verified phone number / identity subject: one phone, one identity, one account */
    phoneKey: text('phone_key'),
    identityKey: text('identity_key'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    emailVerifiedAt: bigint('email_verified_at', { mode: 'number' }),
    deletedAt: bigint('deleted_at', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('citizens_email_unique').on(t.email),
    uniqueIndex('citizens_voter_id_unique').on(t.voterId),
    uniqueIndex('citizens_phone_key_unique').on(t.phoneKey),
    uniqueIndex('citizens_identity_key_unique').on(t.identityKey),
    index('citizens_created_at_idx').on(t.createdAt),
  ],
);

/** Server-side sessions: only the SHA-256 of the cookie's random token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    citizenId: integer('citizen_id').notNull().references(() => citizens.id, { onDelete: 'cascade' }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('sessions_citizen_idx').on(t.citizenId)],
);

/**
 * One-time secrets: the mailed email-verification and password-reset codes and links, and SMS
 * codes. Only hashes are stored; `attempts` bounds guessing of the six-digit code.
 */
export const oneTimeCodes = pgTable(
  'one_time_codes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    citizenId: integer('citizen_id').notNull().references(() => citizens.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['email', 'reset', 'phone', 'identity'] }).notNull(),
    codeHash: text('code_hash').notNull(),
    /** hash of the link token (null for SMS codes) */
    tokenHash: text('token_hash'),
    /** provider data bound to the challenge, e.g. the HMAC of the phone number */
    subjectKey: text('subject_key'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
    usedAt: bigint('used_at', { mode: 'number' }),
  },
  (t) => [
    index('one_time_codes_citizen_idx').on(t.citizenId, t.purpose),
    uniqueIndex('one_time_codes_token_unique').on(t.tokenHash),
  ],
);

/**
 * The platform vote on a scrutin known BEFORE the deputies vote (added by an admin or the page
 * scraper): it closes at `closes_at` or when `closed_at` is set (the deputies' result arrived).
 * Scrutins of the AN store without a row here are past votes: open, retrospective.
 */
export const voteWindows = pgTable('vote_windows', {
  scrutinUid: text('scrutin_uid').primaryKey(),
  title: text('title'),
  closesAt: bigint('closes_at', { mode: 'number' }),
  closedAt: bigint('closed_at', { mode: 'number' }),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
});

/** The current vote of each citizen on each scrutin: the unique index is "one person, one vote". */
export const votes = pgTable(
  'votes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    scrutinUid: text('scrutin_uid').notNull(),
    citizenId: integer('citizen_id').notNull().references(() => citizens.id),
    choice: text('choice', { enum: ['pour', 'contre', 'abstention'] }).notNull(),
    /** seq and hash of the log entry of the latest cast: the voter's receipt */
    seq: integer('seq').notNull(),
    receipt: text('receipt').notNull(),
    revisions: integer('revisions').notNull().default(1),
    firstCastAt: bigint('first_cast_at', { mode: 'number' }).notNull(),
    castAt: bigint('cast_at', { mode: 'number' }).notNull(),
    /** /24 or /64 the latest cast came from (burst detector); cleared with the account */
    network: text('network'),
    /**
     * The log pseudonym this vote's entries are written under when it is not the account's own:
     * a vote inherited from a deleted account of the same person (identity-fingerprint.ts) keeps
     * the old pseudonym, so the public log still implies one vote per person.
     */
    logVoter: text('log_voter'),
  },
  (t) => [
    uniqueIndex('votes_scrutin_citizen_unique').on(t.scrutinUid, t.citizenId),
    index('votes_scrutin_choice_idx').on(t.scrutinUid, t.choice, t.citizenId),
    index('votes_citizen_idx').on(t.citizenId, t.castAt),
    index('votes_cast_at_idx').on(t.castAt),
    check('votes_choice_check', sql`${t.choice} in ('pour', 'contre', 'abstention')`),
  ],
);

/**
 * The append-only, hash-chained log: one chain per scrutin (see core/src/votes/log-chain.ts).
 * Triggers installed by the votes repository refuse UPDATE and DELETE on this table.
 */
export const voteLog = pgTable(
  'vote_log',
  {
    scrutinUid: text('scrutin_uid').notNull(),
    seq: integer('seq').notNull(),
    voter: text('voter').notNull(),
    choice: text('choice', { enum: ['pour', 'contre', 'abstention'] }).notNull(),
    at: text('at').notNull(),
    prev: text('prev').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scrutinUid, t.seq] }), uniqueIndex('vote_log_hash_unique').on(t.hash)],
);

/** Accounts the burst detector flagged, and the moderators' decisions. One flag per account. */
export const flags = pgTable(
  'flags',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    citizenId: integer('citizen_id').notNull().references(() => citizens.id),
    status: text('status', { enum: ['open', 'cleared', 'confirmed'] }).notNull().default('open'),
    reason: text('reason').notNull(),
    network: text('network').notNull(),
    scrutinUid: text('scrutin_uid'),
    clusterSize: integer('cluster_size').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    reviewedAt: bigint('reviewed_at', { mode: 'number' }),
    reviewedBy: integer('reviewed_by').references(() => citizens.id),
    note: text('note'),
  },
  (t) => [uniqueIndex('flags_citizen_unique').on(t.citizenId), index('flags_status_idx').on(t.status, t.createdAt)],
);
