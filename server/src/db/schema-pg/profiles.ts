import { bigint, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { citizens } from './citizens';

/**
 * The optional profile of issue 16, apart from the account. Account deletion anonymises the
 * `citizens` row rather than deleting it, so a trigger (custom migration 0006) deletes both rows
 * below when `deleted_at` is set, whatever code path deletes the account; the foreign keys
 * cascade if a row is ever removed.
 */
export const citizenProfiles = pgTable('citizen_profiles', {
  citizenId: integer('citizen_id').primaryKey().references(() => citizens.id, { onDelete: 'cascade' }),
  sex: text('sex', { enum: ['F', 'H'] }),
  ageBand: text('age_band'),
  region: text('region'),
  departement: text('departement'),
  circonscription: integer('circonscription'),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
});

/**
 * The 2022 presidential first-round vote: a political opinion (GDPR art. 9), in its own table so
 * it is stored only with its own consent, deleted on its own, and never joined into anything
 * per-person that leaves the server.
 */
export const citizenPastVotes = pgTable('citizen_past_votes', {
  citizenId: integer('citizen_id').primaryKey().references(() => citizens.id, { onDelete: 'cascade' }),
  pres2022: text('pres2022').notNull(),
  consentedAt: bigint('consented_at', { mode: 'number' }).notNull(),
});
