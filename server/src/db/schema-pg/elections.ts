import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { citizens } from './citizens';

/**
 * Citizens' ballots on multi-candidate elections (issue 15 §3: the Président de l'Assemblée):
 * one ballot per citizen per round (the primary key is "one person, one vote"), the candidate by
 * name as the election file spells it (an empty string is a blank ballot). A later ballot replaces
 * the earlier one. Times are integer ms since epoch.
 */
export const electionBallots = pgTable(
  'election_ballots',
  {
    electionId: text('election_id').notNull(),
    round: integer('round').notNull(),
    citizenId: integer('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    candidate: text('candidate').notNull(),
    castAt: bigint('cast_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.electionId, t.round, t.citizenId] }), index('election_ballots_tally_idx').on(t.electionId, t.round, t.candidate)],
);
