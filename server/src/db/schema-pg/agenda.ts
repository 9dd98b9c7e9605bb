import { bigint, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { citizens } from './citizens';

/**
 * Issue 13: the Assemblée's agenda (séances publiques and their points), the platform's questions
 * put to citizens before the deputies vote (their votes live in the votes tables, keyed by the
 * question id), the links from real scrutins to those questions, and the alerts. Times are integer
 * milliseconds since epoch unless the column keeps the official ISO text.
 */

export const agendaSittings = pgTable(
  'agenda_sittings',
  {
    /** `RUANR5L17S2026IDS29952` = scrutins.seance_ref */
    uid: text('uid').primaryKey(),
    legislature: integer('legislature').notNull(),
    sessionRef: text('session_ref'),
    organeRef: text('organe_ref').notNull(),
    /** timeStampDebut as published (ISO with offset) and as ms, to sort and compare */
    start: text('start').notNull(),
    startAt: bigint('start_at', { mode: 'number' }).notNull(),
    end: text('end'),
    /** Confirmé | Supprimé */
    state: text('state').notNull(),
    quantieme: text('quantieme'),
    compteRenduRef: text('compte_rendu_ref'),
    createdAtSource: text('created_at_source'),
    closedAtSource: text('closed_at_source'),
    sourceHash: text('source_hash').notNull(),
    source: text('source'),
    importedAt: bigint('imported_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('agenda_sittings_start_idx').on(t.startAt)],
);

export const agendaPoints = pgTable(
  'agenda_points',
  {
    uid: text('uid').primaryKey(),
    sittingUid: text('sitting_uid')
      .notNull()
      .references(() => agendaSittings.uid, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    state: text('state').notNull(),
    type: text('type').notNull(),
    objet: text('objet').notNull(),
    dossierRef: text('dossier_ref'),
    procedure: text('procedure'),
    tentative: integer('tentative').notNull(),
    /** solennel | scrutin-public | discussion | declaration, null when no vote is expected */
    voteKind: text('vote_kind'),
  },
  (t) => [index('agenda_points_sitting_idx').on(t.sittingUid), index('agenda_points_dossier_idx').on(t.dossierRef)],
);

/**
 * One row per agenda import: the latest instant its data attests (the snapshot) tells how old the
 * stored agenda is, hence whether "now" for the agenda is the clock or the snapshot's date.
 */
export const agendaImports = pgTable(
  'agenda_imports',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** the file, folder or archive imported (re-importing it updates its row) */
    source: text('source').notNull(),
    snapshotAt: bigint('snapshot_at', { mode: 'number' }).notNull(),
    sittings: integer('sittings').notNull(),
    importedAt: bigint('imported_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('agenda_imports_source_unique').on(t.source)],
);

/**
 * A platform question: an upcoming text with a vote expected, put to citizens. Its votes are the
 * votes module's rows keyed by `id` (one person one vote, hash-chained log, receipts), its window
 * a vote_windows row closing when the decisive sitting starts. The split frozen at closing is the
 * mandate the platform would have handed its deputies.
 */
export const platformQuestions = pgTable(
  'platform_questions',
  {
    /** `Q-RUANR5L17S2026IDS29952-DLR5L17N52428`: also the key of its votes */
    id: text('id').primaryKey(),
    legislature: integer('legislature').notNull(),
    dossierRef: text('dossier_ref').notNull(),
    sittingUid: text('sitting_uid').notNull(),
    pointUid: text('point_uid').notNull(),
    title: text('title').notNull(),
    voteKind: text('vote_kind').notNull(),
    openedAt: bigint('opened_at', { mode: 'number' }).notNull(),
    closesAt: bigint('closes_at', { mode: 'number' }).notNull(),
    frozenAt: bigint('frozen_at', { mode: 'number' }),
    mandatePour: integer('mandate_pour'),
    mandateContre: integer('mandate_contre'),
    mandateAbstention: integer('mandate_abstention'),
  },
  (t) => [index('platform_questions_dossier_idx').on(t.dossierRef), index('platform_questions_closes_idx').on(t.closesAt)],
);

/** A real scrutin linked to a question, with how the link was made (never guessed when ambiguous). */
export const questionLinks = pgTable(
  'question_links',
  {
    scrutinUid: text('scrutin_uid').primaryKey(),
    questionId: text('question_id')
      .notNull()
      .references(() => platformQuestions.id, { onDelete: 'cascade' }),
    /** single-odj | title | seance+title… (core/src/agenda/link.ts) */
    method: text('method').notNull(),
    score: integer('score_pct'),
    /** final: the vote on the whole text (the mandate applies); other: amendments, articles… */
    role: text('role', { enum: ['final', 'other'] }).notNull(),
    linkedAt: bigint('linked_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('question_links_question_idx').on(t.questionId)],
);

/** Alert subscriptions: all solemn votes (dossier_ref '') or one text. No row: no alert. */
export const alertSubscriptions = pgTable(
  'alert_subscriptions',
  {
    citizenId: integer('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    scope: text('scope', { enum: ['solemn', 'text'] }).notNull(),
    dossierRef: text('dossier_ref').notNull().default(''),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.citizenId, t.scope, t.dossierRef] })],
);

/**
 * What was sent: one digest per citizen and Paris day at most (unique), and each alert (question
 * opened / closing tomorrow / result known) at most once per citizen (unique), so a restarted job
 * never sends anything twice.
 */
export const alertDigests = pgTable(
  'alert_digests',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    citizenId: integer('citizen_id').notNull(),
    day: text('day').notNull(),
    sentAt: bigint('sent_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('alert_digests_citizen_day_unique').on(t.citizenId, t.day)],
);

export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    citizenId: integer('citizen_id').notNull(),
    questionId: text('question_id').notNull(),
    kind: text('kind', { enum: ['opened', 'closing', 'result'] }).notNull(),
    digestId: integer('digest_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.citizenId, t.questionId, t.kind] })],
);

/** "Mon député·e": each Assemblée mandate's constituency, from the acteurs' mandates (importer). */
export const deputyConstituencies = pgTable(
  'deputy_constituencies',
  {
    mandatRef: text('mandat_ref').primaryKey(),
    acteurRef: text('acteur_ref').notNull(),
    legislature: integer('legislature').notNull(),
    departement: text('departement').notNull(),
    numDepartement: text('num_departement').notNull(),
    numCirco: integer('num_circo').notNull(),
    startDate: text('start_date'),
    endDate: text('end_date'),
  },
  (t) => [index('deputy_constituencies_place_idx').on(t.legislature, t.numDepartement, t.numCirco), index('deputy_constituencies_acteur_idx').on(t.acteurRef)],
);

/**
 * The circonscription a citizen chose to tell the platform (optional, profile): only ever used
 * aggregated, the split of a constituency's citizens, and hidden below a minimum count.
 */
export const citizenConstituencies = pgTable('citizen_constituencies', {
  citizenId: integer('citizen_id')
    .primaryKey()
    .references(() => citizens.id, { onDelete: 'cascade' }),
  numDepartement: text('num_departement').notNull(),
  numCirco: integer('num_circo').notNull(),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
});

/**
 * A citizen's comparison is private unless they share it: a share is a random link token (only
 * its SHA-256 stored) that shows their agreement scores, until they withdraw it.
 */
export const agreementShares = pgTable('agreement_shares', {
  tokenHash: text('token_hash').primaryKey(),
  citizenId: integer('citizen_id')
    .notNull()
    .references(() => citizens.id, { onDelete: 'cascade' }),
  legislature: integer('legislature').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
});
