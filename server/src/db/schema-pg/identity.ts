import { bigint, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { citizens } from './citizens';

/**
 * Keyed fingerprints of the identifiers an account VERIFIED (its e-mail address, phone number,
 * identity subject): HMAC(SECRET_KEY, kind, value), never the value. Unlike the account's own
 * columns they survive the account's deletion, so a new account of the same person takes the
 * place of the deleted one's votes instead of adding to them (one person, one vote per scrutin).
 * See modules/accounts/identity-fingerprint.ts.
 */
export const identityFingerprints = pgTable(
  'identity_fingerprints',
  {
    fingerprint: text('fingerprint').primaryKey(),
    kind: text('kind', { enum: ['email', 'phone', 'identity'] }).notNull(),
    /** the account that holds it now (a deleted tombstone until a successor verifies it) */
    citizenId: integer('citizen_id').notNull().references(() => citizens.id),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('identity_fingerprints_citizen_idx').on(t.citizenId)],
);
